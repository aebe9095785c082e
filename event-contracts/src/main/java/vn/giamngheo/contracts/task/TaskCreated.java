package vn.giamngheo.contracts.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * A task was created under a plan; carries everything a reader needs to show it. {@code objectiveId},
 * {@code description}, {@code priority} and {@code expectedOutput} were added later: events published before that
 * lack them.
 */
@EventType("task.TaskCreated.v1")
public record TaskCreated(
        String taskId,
        long version,
        String planId,
        String objectiveId,
        String title,
        String description,
        String kind,
        String priority,
        String expectedOutput,
        String leadUnitCode,
        List<String> coordinatingUnitCodes,
        LocalDate startDate,
        LocalDate dueDate,
        String status,
        int percentComplete,
        Instant occurredAt) implements DomainEvent {

    /** The original shape (no objective, description or expected output; normal priority). */
    public TaskCreated(String taskId, long version, String planId, String title, String kind, String leadUnitCode,
                       List<String> coordinatingUnitCodes, LocalDate startDate, LocalDate dueDate, String status,
                       int percentComplete, Instant occurredAt) {
        this(taskId, version, planId, null, title, null, kind, "NORMAL", null, leadUnitCode, coordinatingUnitCodes,
                startDate, dueDate, status, percentComplete, occurredAt);
    }

    @Override
    public String subject() {
        return taskId;
    }
}
