package vn.giamngheo.support.domain;

/** Well-formed input that refers to something this service cannot accept, e.g. an unknown plan (HTTP 422). */
public class UnprocessableException extends DomainException {

    public UnprocessableException(String problemType, String message) {
        super(problemType, message);
    }
}
