package vn.giamngheo.task.task.web;

import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.task.task.domain.Task;
import vn.giamngheo.task.task.domain.TaskKind;
import vn.giamngheo.task.task.domain.TaskPriority;
import vn.giamngheo.task.task.domain.TaskStatus;

/**
 * A task. {@code overdue} is computed for today (open and past due); {@code overdueReported} says whether the
 * overdue check has already published TaskOverdue for the current due date. The logs are sub-resources.
 */
public record TaskResponse(String id, long version, String planId, String objectiveId, String title,
                           String description, TaskKind kind, TaskPriority priority, String expectedOutput,
                           String leadUnitCode, List<String> coordinatingUnitCodes, LocalDate startDate,
                           LocalDate dueDate, LocalDate originalDueDate, int extensionCount, TaskStatus status,
                           int percentComplete, String note, boolean overdue, boolean overdueReported,
                           int progressReportCount, int disseminationSessionCount) {

    static TaskResponse of(Versioned<Task> versioned, LocalDate today) {
        Task t = versioned.state();
        return new TaskResponse(versioned.id(), versioned.version(), t.planId(), t.objectiveId(), t.title(),
                t.description(), t.kind(), t.priority(), t.expectedOutput(), t.leadUnitCode(),
                t.coordinatingUnitCodes(), t.startDate(), t.dueDate(), t.originalDueDate(), t.extensions().size(),
                t.status(), t.percentComplete(), t.note(), t.isOverdue(today), t.overdueReported(),
                t.progressReportCount(), t.disseminationSessions().size());
    }
}
