package vn.giamngheo.task.task.domain;

/** PLANNED → ASSIGNED (plan issued) → IN_PROGRESS → DONE; BLOCKED and back; CANCELLED. */
public enum TaskStatus {
    PLANNED,
    ASSIGNED,
    IN_PROGRESS,
    BLOCKED,
    DONE,
    CANCELLED;

    public boolean isOpen() {
        return this != DONE && this != CANCELLED;
    }
}
