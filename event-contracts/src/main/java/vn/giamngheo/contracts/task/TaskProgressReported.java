package vn.giamngheo.contracts.task;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** The lead unit reported progress; {@code percentComplete} is the new total, not a delta. */
@EventType("task.TaskProgressReported.v1")
public record TaskProgressReported(
        String taskId,
        long version,
        String planId,
        String note,
        String status,
        int percentComplete,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return taskId;
    }
}
