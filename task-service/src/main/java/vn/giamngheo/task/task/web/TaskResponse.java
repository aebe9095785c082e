package vn.giamngheo.task.task.web;

import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.task.task.domain.Task;
import vn.giamngheo.task.task.domain.TaskKind;
import vn.giamngheo.task.task.domain.TaskStatus;

public record TaskResponse(String id, long version, String planId, String title, TaskKind kind,
                           String leadUnitCode, List<String> coordinatingUnitCodes, LocalDate startDate,
                           LocalDate dueDate, TaskStatus status, int percentComplete, String note, boolean overdue) {

    static TaskResponse of(Versioned<Task> versioned, LocalDate today) {
        Task t = versioned.state();
        return new TaskResponse(versioned.id(), versioned.version(), t.planId(), t.title(), t.kind(),
                t.leadUnitCode(), t.coordinatingUnitCodes(), t.startDate(), t.dueDate(), t.status(),
                t.percentComplete(), t.note(), t.status().isOpen() && t.dueDate().isBefore(today));
    }
}
