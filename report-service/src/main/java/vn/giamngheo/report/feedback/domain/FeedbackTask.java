package vn.giamngheo.report.feedback.domain;

/** The task a feedback is about, as the report-service knows it: its plan and lead unit. */
public record FeedbackTask(String taskId, String planId, String leadUnitCode) {
}
