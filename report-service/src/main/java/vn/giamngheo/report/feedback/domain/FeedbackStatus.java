package vn.giamngheo.report.feedback.domain;

/** RECEIVED → ANSWERED (an official answered it, publicly). */
public enum FeedbackStatus {
    RECEIVED,
    ANSWERED
}
