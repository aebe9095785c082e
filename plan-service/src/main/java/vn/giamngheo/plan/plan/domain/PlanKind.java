package vn.giamngheo.plan.plan.domain;

/** The kind of document a plan is, from a Party resolution down to a unit's own plan. */
public enum PlanKind {
    RESOLUTION,
    PROGRAM_PLAN,
    ANNUAL_PLAN,
    UNIT_PLAN
}
