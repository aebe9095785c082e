package vn.giamngheo.support.domain;

/** Someone else changed the aggregate since the client read it; the client must re-read (HTTP 409). */
public class StaleVersionException extends StateConflictException {

    public StaleVersionException(String aggregate, String id, long expected, Long actual) {
        super("stale-version", aggregate + " " + id + " is at version " + (actual == null ? "?" : actual)
                + ", the request expected version " + expected + "; read it again and retry");
    }
}
