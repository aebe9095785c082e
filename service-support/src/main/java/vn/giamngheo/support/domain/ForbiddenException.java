package vn.giamngheo.support.domain;

/**
 * The caller is known but may not do this to this aggregate, e.g. an officer reporting on a task another unit leads
 * (HTTP 403). Checks that depend only on the caller's role are made before the request reaches the service; this is
 * for the ones that depend on the aggregate too.
 */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String message) {
        super("forbidden", message);
    }
}
