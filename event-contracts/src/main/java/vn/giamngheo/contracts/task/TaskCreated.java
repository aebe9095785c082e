package vn.giamngheo.contracts.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** A task was created under a plan; carries everything a reader needs to show it. */
@EventType("task.TaskCreated.v1")
public record TaskCreated(
        String taskId,
        long version,
        String planId,
        String title,
        String kind,
        String leadUnitCode,
        List<String> coordinatingUnitCodes,
        LocalDate startDate,
        LocalDate dueDate,
        String status,
        int percentComplete,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return taskId;
    }
}
