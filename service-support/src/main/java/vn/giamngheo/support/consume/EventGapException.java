package vn.giamngheo.support.consume;

/**
 * An event arrived whose version is further ahead than the next expected one: an earlier event of the aggregate is
 * missing. It is retried (the missing one may still be in flight) and then parked on the dead-letter topic, never
 * skipped silently.
 */
public class EventGapException extends RuntimeException {

    public EventGapException(String collection, String aggregateId, long lastApplied, long received) {
        super("Gap in events of " + aggregateId + " (" + collection + "): last applied version " + lastApplied
                + ", received " + received + ", expected " + (lastApplied + 1));
    }
}
