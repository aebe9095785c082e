package vn.giamngheo.report.alert.domain;

/** What an alert is about. */
public enum AlertKind {
    /** An indicator projected off track for a target year (period = the year). */
    INDICATOR_OFF_TRACK,
    /** A plan with at least the configured number of overdue open tasks (period = the month). */
    PLAN_OVERDUE_TASKS,
    /** A unit that has not submitted its periodic report by the due date (period = the report period). */
    SUBMISSION_MISSING
}
