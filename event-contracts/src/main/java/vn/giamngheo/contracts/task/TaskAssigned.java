package vn.giamngheo.contracts.task;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** The task's plan was issued, so the lead unit is now responsible for it. */
@EventType("task.TaskAssigned.v1")
public record TaskAssigned(
        String taskId,
        long version,
        String planId,
        String status,
        int percentComplete,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return taskId;
    }
}
