package vn.giamngheo.report.poverty.domain;

/** OPEN: households are being imported; PUBLISHED: the results are official (reopen to correct them). */
public enum ReviewStatus {
    OPEN,
    PUBLISHED
}
