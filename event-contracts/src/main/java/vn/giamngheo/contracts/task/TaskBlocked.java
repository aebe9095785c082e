package vn.giamngheo.contracts.task;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** The task cannot go on until the reason is resolved. */
@EventType("task.TaskBlocked.v1")
public record TaskBlocked(
        String taskId,
        long version,
        String planId,
        String reason,
        String status,
        int percentComplete,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return taskId;
    }
}
