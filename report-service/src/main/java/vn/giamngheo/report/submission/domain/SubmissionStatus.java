package vn.giamngheo.report.submission.domain;

/** DRAFT → SUBMITTED → APPROVED, or RETURNED (with a reason) → edited → SUBMITTED again. APPROVED is final. */
public enum SubmissionStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    APPROVED
}
