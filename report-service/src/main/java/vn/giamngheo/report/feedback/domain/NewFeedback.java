package vn.giamngheo.report.feedback.domain;

/** What a member of the public sends. */
public record NewFeedback(SubjectKind subjectKind, String taskId, String projectName, String communeCode,
                          Integer rating, String text, String contact) {
}
