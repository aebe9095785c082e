package vn.giamngheo.contracts.task;

import java.time.Instant;
import java.time.LocalDate;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * The task's due date was moved later (gia hạn), at someone's request and for a reason. {@code dueDate} is the new
 * due date, so a reader that keeps a task's due date can simply take it from here.
 */
@EventType("task.TaskDeadlineExtended.v1")
public record TaskDeadlineExtended(
        String taskId,
        long version,
        String planId,
        LocalDate previousDueDate,
        LocalDate dueDate,
        String reason,
        String requestedBy,
        int extensionCount,
        String status,
        int percentComplete,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return taskId;
    }
}
