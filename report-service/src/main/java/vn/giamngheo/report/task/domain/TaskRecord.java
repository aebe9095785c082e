package vn.giamngheo.report.task.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task as the report-service knows it from task.events: what does not change (plan, units, kind, priority, start)
 * and its history, from which its state at any moment is folded.
 */
public record TaskRecord(String id, String planId, String title, String kind, String priority, String leadUnitCode,
                         List<String> coordinatingUnitCodes, LocalDate startDate, LocalDate originalDueDate,
                         String status, int percentComplete, LocalDate dueDate, List<TaskEntry> history) {

    public TaskRecord {
        coordinatingUnitCodes = coordinatingUnitCodes == null ? List.of() : List.copyOf(coordinatingUnitCodes);
        history = history == null ? List.of()
                : history.stream().sorted(Comparator.comparingLong(TaskEntry::version)).toList();
    }

    public boolean isLedBy(String unitCode) {
        return unitCode.equals(leadUnitCode);
    }

    public boolean isCoordinatedBy(String unitCode) {
        return coordinatingUnitCodes.contains(unitCode);
    }

    /** The state now: after every applied event. */
    public Optional<TaskState> current(ZoneId zone) {
        return stateBefore(null, zone);
    }

    /**
     * The task's state just before {@code cutoff} (exclusive; null = after every event): the fold of its history up
     * to the first event at or after the cutoff. Empty when the task did not exist yet.
     */
    public Optional<TaskState> stateBefore(Instant cutoff, ZoneId zone) {
        if (history.isEmpty()) {
            // A copy kept before histories were recorded: only its present state is known.
            return cutoff != null || status == null ? Optional.empty()
                    : Optional.of(new TaskState(status, percentComplete, dueDate, null, null, null, Map.of()));
        }
        String foldedStatus = null;
        int percent = 0;
        LocalDate due = originalDueDate;
        Instant createdAt = null;
        LocalDate completedOn = null;
        LocalDate dueAtCompletion = null;
        Map<String, Reach> reach = new HashMap<>();
        for (TaskEntry entry : history) {
            if (cutoff != null && !entry.at().isBefore(cutoff)) {
                break;
            }
            if (createdAt == null) {
                createdAt = entry.at();
            }
            if (entry.dueDate() != null) {
                due = entry.dueDate();
            }
            if (TaskState.DONE.equals(entry.status()) && !TaskState.DONE.equals(foldedStatus)) {
                completedOn = LocalDate.ofInstant(entry.at(), zone);
                dueAtCompletion = due;
            } else if (!TaskState.DONE.equals(entry.status())) {
                completedOn = null;
                dueAtCompletion = null;
            }
            foldedStatus = entry.status();
            percent = entry.percent();
            if (entry.disseminationUnit() != null) {
                reach.put(entry.disseminationUnit(), new Reach(entry.officialsReached(), entry.officialsTotal()));
            }
        }
        if (foldedStatus == null) {
            return Optional.empty();
        }
        return Optional.of(new TaskState(foldedStatus, percent, due, createdAt, completedOn, dueAtCompletion, reach));
    }
}
