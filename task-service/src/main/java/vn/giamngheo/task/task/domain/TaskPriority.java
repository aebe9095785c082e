package vn.giamngheo.task.task.domain;

/** How urgently the lead unit should treat a task; NORMAL unless the plan says otherwise. */
public enum TaskPriority {
    LOW,
    NORMAL,
    HIGH
}
