package vn.giamngheo.support.consume;

/** What a version-checked apply did. */
public enum ApplyOutcome {
    /** The event was the next version and is now applied. */
    APPLIED,
    /** The event's version was already applied: a redelivery or replay, skipped. */
    DUPLICATE
}
