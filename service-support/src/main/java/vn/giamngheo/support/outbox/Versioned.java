package vn.giamngheo.support.outbox;

/** An aggregate's state with the version it was read at (the basis of optimistic concurrency and ETags). */
public record Versioned<S>(String id, long version, S state) {
}
