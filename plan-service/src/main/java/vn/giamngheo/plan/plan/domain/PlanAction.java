package vn.giamngheo.plan.plan.domain;

/** What a history entry records. */
public enum PlanAction {
    DRAFTED,
    DETAILS_CHANGED,
    OBJECTIVE_ADDED,
    OBJECTIVE_CHANGED,
    OBJECTIVE_REMOVED,
    INDICATOR_ADDED,
    INDICATOR_CHANGED,
    INDICATOR_REMOVED,
    TARGETS_SET,
    ISSUED,
    REVISED,
    CLOSED,
    CANCELLED
}
