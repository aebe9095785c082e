package vn.giamngheo.plan.funding.domain;

/** An allocation counts while ACTIVE; a CANCELLED (withdrawn) one is kept for the record but not counted. */
public enum AllocationStatus {
    ACTIVE,
    CANCELLED
}
