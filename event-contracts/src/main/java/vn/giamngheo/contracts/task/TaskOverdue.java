package vn.giamngheo.contracts.task;

import java.time.Instant;
import java.time.LocalDate;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * The task passed its due date and is neither done nor cancelled (quá hạn). Published once per task and due date:
 * after a deadline extension, the new due date can be reported once more.
 */
@EventType("task.TaskOverdue.v1")
public record TaskOverdue(
        String taskId,
        long version,
        String planId,
        String leadUnitCode,
        LocalDate dueDate,
        LocalDate detectedOn,
        String status,
        int percentComplete,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return taskId;
    }
}
