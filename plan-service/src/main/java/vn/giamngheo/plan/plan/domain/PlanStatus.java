package vn.giamngheo.plan.plan.domain;

/** DRAFT → ISSUED → CLOSED, or CANCELLED from DRAFT or ISSUED. */
public enum PlanStatus {
    DRAFT,
    ISSUED,
    CLOSED,
    CANCELLED
}
