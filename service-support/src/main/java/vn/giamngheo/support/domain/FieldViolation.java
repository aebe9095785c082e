package vn.giamngheo.support.domain;

/** One invalid field of a request, reported back to the client in the problem's {@code errors}. */
public record FieldViolation(String field, String message) {
}
