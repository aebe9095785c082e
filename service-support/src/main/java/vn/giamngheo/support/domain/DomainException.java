package vn.giamngheo.support.domain;

/**
 * A rule of the domain refused a command. Plain Java, so domain cores can throw it without web or Spring types; the
 * web layer maps each subtype to a problem-details status.
 */
public abstract class DomainException extends RuntimeException {

    private final String problemType;

    protected DomainException(String problemType, String message) {
        super(message);
        this.problemType = problemType;
    }

    /** A short stable slug naming the kind of problem, e.g. {@code illegal-transition}. */
    public String problemType() {
        return problemType;
    }
}
