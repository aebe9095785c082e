package vn.giamngheo.report.task.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A task's state at some moment, folded from its history.
 *
 * @param createdAt        when the task was created (null for copies kept before the history was recorded)
 * @param dueDate          the due date in force
 * @param completedOn      the day (province calendar) it became DONE, null while not done
 * @param dueDateAtCompletion the due date in force when it became DONE: extensions granted before completion count
 * @param dissemination    per unit, its officials reached by this task's sessions so far
 */
public record TaskState(String status, int percentComplete, LocalDate dueDate, Instant createdAt,
                        LocalDate completedOn, LocalDate dueDateAtCompletion, Map<String, Reach> dissemination) {

    public static final String DONE = "DONE";
    public static final String CANCELLED = "CANCELLED";

    public TaskState {
        dissemination = dissemination == null ? Map.of() : Map.copyOf(dissemination);
    }

    public boolean isOpen() {
        return !DONE.equals(status) && !CANCELLED.equals(status);
    }

    public boolean isDone() {
        return DONE.equals(status);
    }

    public boolean isCancelled() {
        return CANCELLED.equals(status);
    }

    /** Open and past its due date on {@code day}: due the day before or earlier. */
    public boolean isOverdueOn(LocalDate day) {
        return isOpen() && dueDate != null && dueDate.isBefore(day);
    }

    /** Done, on or before the due date in force at completion. */
    public boolean isDoneOnTime() {
        return isDone() && completedOn != null && (dueDateAtCompletion == null
                || !completedOn.isAfter(dueDateAtCompletion));
    }

    /** Days a done task was completed after its due date; 0 when on time or not done. */
    public long delayDays() {
        if (!isDone() || completedOn == null || dueDateAtCompletion == null) {
            return 0;
        }
        return Math.max(0, ChronoUnit.DAYS.between(dueDateAtCompletion, completedOn));
    }
}
