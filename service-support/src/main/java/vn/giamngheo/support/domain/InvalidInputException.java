package vn.giamngheo.support.domain;

import java.util.List;

/** The input breaks a domain rule tied to specific fields (HTTP 400 with field errors). */
public class InvalidInputException extends DomainException {

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super("invalid-input", violations.stream().map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("Invalid input"));
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
