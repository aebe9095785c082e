package vn.giamngheo.support.consume;

/**
 * A record that can never be processed (bad JSON, unknown type, schema violation, missing CloudEvents headers).
 * Retrying cannot help, so it goes straight to the dead-letter topic with this message.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
