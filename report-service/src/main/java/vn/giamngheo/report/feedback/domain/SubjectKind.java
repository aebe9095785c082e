package vn.giamngheo.report.feedback.domain;

/** What a feedback is about: a task of a plan, or a project in a commune (which may not be a task here). */
public enum SubjectKind {
    TASK,
    COMMUNE_PROJECT
}
