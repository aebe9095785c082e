package vn.giamngheo.support.domain;

/** No such aggregate (HTTP 404). */
public class NotFoundException extends DomainException {

    public NotFoundException(String aggregate, String id) {
        super("not-found", aggregate + " " + id + " does not exist");
    }
}
