package vn.giamngheo.task.task.domain;

public enum TaskKind {
    DISSEMINATION,
    IMPLEMENTATION,
    INVESTMENT,
    REPORTING,
    INSPECTION
}
