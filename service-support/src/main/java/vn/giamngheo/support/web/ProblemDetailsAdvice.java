package vn.giamngheo.support.web;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.giamngheo.support.domain.DomainException;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.ForbiddenException;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.NotFoundException;
import vn.giamngheo.support.domain.StateConflictException;
import vn.giamngheo.support.domain.UnprocessableException;

/**
 * Every error leaves as RFC 9457 problem details ({@code application/problem+json}) with a stable {@code type} URI;
 * validation problems list the offending fields in {@code errors}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    public static final String TYPE_PREFIX = "https://giamngheo.vn/problems/";

    private static final Map<Class<? extends DomainException>, HttpStatus> STATUS = Map.of(
            InvalidInputException.class, HttpStatus.BAD_REQUEST,
            NotFoundException.class, HttpStatus.NOT_FOUND,
            StateConflictException.class, HttpStatus.CONFLICT,
            UnprocessableException.class, HttpStatus.UNPROCESSABLE_CONTENT,
            ForbiddenException.class, HttpStatus.FORBIDDEN);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        HttpStatus status = STATUS.entrySet().stream().filter(s -> s.getKey().isInstance(e))
                .map(Map.Entry::getValue).findFirst().orElse(HttpStatus.BAD_REQUEST);
        ProblemDetail problem = problem(status, e.problemType(), e.getMessage());
        if (e instanceof InvalidInputException invalid) {
            problem.setProperty("errors", invalid.violations());
        }
        return respond(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentWrite(OptimisticLockingFailureException e) {
        return respond(problem(HttpStatus.CONFLICT, "stale-version",
                "Someone else changed this resource meanwhile; read it again and retry"));
    }

    /**
     * The database is down or the connection to it broke. Usually nothing was stored, but a write whose connection
     * broke after the database received it may have been: the client reads before retrying, or retries with If-Match.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, MongoSocketException.class,
            MongoTimeoutException.class})
    ResponseEntity<ProblemDetail> databaseDown(Exception e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                "The database cannot be reached right now. Retry shortly; to be sure a change is not made twice, "
                        + "read the resource first or send If-Match.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid value for " + e.getName());
        problem.setProperty("errors", List.of(new FieldViolation(e.getName(), "invalid value")));
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldViolation(f.getField(), f.getDefaultMessage())).toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "The request has invalid fields");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> errors = e.getParameterValidationResults().stream()
                .flatMap(ProblemDetailsAdvice::violations).toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "The request has invalid values");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-request",
                "The request body is not valid JSON of the expected shape");
        fieldOf(e).ifPresent(field -> problem.setProperty("errors",
                List.of(new FieldViolation(field, "has a value of the wrong type or not among the allowed values"))));
        return ResponseEntity.badRequest().body(problem);
    }

    /** The JSON path of the field Jackson could not read (e.g. {@code targets[1].year}), when it knows one. */
    private static Optional<String> fieldOf(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference reference : jackson.getPath()) {
                    if (reference.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? Optional.empty() : Optional.of(path.toString());
            }
        }
        return Optional.empty();
    }

    /** A request body's errors name its fields; a query parameter's errors name the parameter. */
    private static Stream<FieldViolation> violations(ParameterValidationResult result) {
        if (result instanceof ParameterErrors errors) {
            return errors.getFieldErrors().stream().map(f -> new FieldViolation(f.getField(), f.getDefaultMessage()));
        }
        String name = result.getMethodParameter().getParameterName();
        return result.getResolvableErrors().stream().map(err -> new FieldViolation(name, err.getDefaultMessage()));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
