package vn.giamngheo.localstack;

/**
 * Why the local stack could not do what was asked, in words meant for the person at the terminal: the CLI prints the
 * message alone, without a stack trace.
 */
public class LocalStackException extends RuntimeException {

    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
