package vn.giamngheo.report.alert.domain;

/** RAISED → ACKNOWLEDGED (someone took note) → RESOLVED (the condition cleared); RAISED → RESOLVED too. */
public enum AlertStatus {
    RAISED,
    ACKNOWLEDGED,
    RESOLVED
}
