package vn.giamngheo.contracts.task;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** The task was cancelled, by a user or because its plan was cancelled. */
@EventType("task.TaskCancelled.v1")
public record TaskCancelled(
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
