package vn.giamngheo.contracts.task;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** The task is done (100%). */
@EventType("task.TaskCompleted.v1")
public record TaskCompleted(
        String taskId,
        long version,
        String planId,
        String completionNote,
        String status,
        int percentComplete,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return taskId;
    }
}
