package vn.giamngheo.task.task.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.giamngheo.contracts.task.TaskAssigned;
import vn.giamngheo.contracts.task.TaskBlocked;
import vn.giamngheo.contracts.task.TaskCancelled;
import vn.giamngheo.contracts.task.TaskCompleted;
import vn.giamngheo.contracts.task.TaskCreated;
import vn.giamngheo.contracts.task.TaskProgressReported;
import vn.giamngheo.contracts.task.TaskUnblocked;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;

/**
 * A task under a plan, led by one unit with coordinating units. Each command returns the new state and the one
 * event that records it; every task event carries the status and progress after the change.
 */
public record Task(String id, String planId, String title, TaskKind kind, String leadUnitCode,
                   List<String> coordinatingUnitCodes, LocalDate startDate, LocalDate dueDate, TaskStatus status,
                   int percentComplete, String note) {

    public Task {
        coordinatingUnitCodes = coordinatingUnitCodes == null ? List.of() : List.copyOf(coordinatingUnitCodes);
    }

    /** A task under an issued plan is the lead unit's responsibility at once; under a draft it waits. */
    public static Change<Task> create(String id, NewTask input, boolean planIssued, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        if (input.dueDate().isBefore(input.startDate())) {
            violations.add(new FieldViolation("dueDate", "must not be before startDate"));
        }
        List<String> coordinating = input.coordinatingUnitCodes() == null ? List.of()
                : input.coordinatingUnitCodes().stream().distinct().toList();
        if (coordinating.contains(input.leadUnitCode())) {
            violations.add(new FieldViolation("coordinatingUnitCodes", "must not include the lead unit"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Task task = new Task(id, input.planId(), input.title().trim(), input.kind(), input.leadUnitCode(),
                coordinating, input.startDate(), input.dueDate(),
                planIssued ? TaskStatus.ASSIGNED : TaskStatus.PLANNED, 0, null);
        return new Change<>(task, new TaskCreated(id, 1, task.planId, task.title, task.kind.name(),
                task.leadUnitCode, task.coordinatingUnitCodes, task.startDate, task.dueDate, task.status.name(),
                0, now));
    }

    public Change<Task> assign(long version, Instant now) {
        require("assign", TaskStatus.PLANNED);
        Task assigned = with(TaskStatus.ASSIGNED, percentComplete, note);
        return new Change<>(assigned, new TaskAssigned(id, version + 1, planId, assigned.status.name(),
                percentComplete, now));
    }

    public Change<Task> reportProgress(long version, int percent, String progressNote, Instant now) {
        require("report progress on", TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS);
        if (percent < percentComplete) {
            throw new InvalidInputException("percentComplete",
                    "progress cannot go back from " + percentComplete + "% to " + percent + "%");
        }
        Task progressed = with(TaskStatus.IN_PROGRESS, percent, progressNote);
        return new Change<>(progressed, new TaskProgressReported(id, version + 1, planId, progressNote,
                progressed.status.name(), percent, now));
    }

    public Change<Task> complete(long version, String completionNote, Instant now) {
        require("complete", TaskStatus.IN_PROGRESS);
        if (percentComplete != 100) {
            throw new StateConflictException("Task " + id + " is at " + percentComplete
                    + "%; report 100% progress before completing it");
        }
        Task done = with(TaskStatus.DONE, 100, completionNote);
        return new Change<>(done, new TaskCompleted(id, version + 1, planId, completionNote, done.status.name(),
                100, now));
    }

    public Change<Task> block(long version, String reason, Instant now) {
        require("block", TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS);
        Task blocked = with(TaskStatus.BLOCKED, percentComplete, reason);
        return new Change<>(blocked, new TaskBlocked(id, version + 1, planId, reason, blocked.status.name(),
                percentComplete, now));
    }

    public Change<Task> unblock(long version, Instant now) {
        require("unblock", TaskStatus.BLOCKED);
        Task resumed = with(percentComplete > 0 ? TaskStatus.IN_PROGRESS : TaskStatus.ASSIGNED, percentComplete,
                null);
        return new Change<>(resumed, new TaskUnblocked(id, version + 1, planId, resumed.status.name(),
                percentComplete, now));
    }

    public Change<Task> cancel(long version, String reason, Instant now) {
        if (!status.isOpen()) {
            throw new StateConflictException("Cannot cancel task " + id + ": it is " + status);
        }
        Task cancelled = with(TaskStatus.CANCELLED, percentComplete, reason);
        return new Change<>(cancelled, new TaskCancelled(id, version + 1, planId, reason,
                cancelled.status.name(), percentComplete, now));
    }

    private void require(String action, TaskStatus... allowed) {
        for (TaskStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new StateConflictException("Cannot " + action + " task " + id + ": it is " + status);
    }

    private Task with(TaskStatus newStatus, int percent, String newNote) {
        return new Task(id, planId, title, kind, leadUnitCode, coordinatingUnitCodes, startDate, dueDate, newStatus,
                percent, newNote);
    }
}
