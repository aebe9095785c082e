package vn.giamngheo.support.domain;

/** The command does not fit the aggregate's current state, e.g. issuing a cancelled plan (HTTP 409). */
public class StateConflictException extends DomainException {

    public StateConflictException(String message) {
        super("illegal-transition", message);
    }

    public StateConflictException(String problemType, String message) {
        super(problemType, message);
    }
}
