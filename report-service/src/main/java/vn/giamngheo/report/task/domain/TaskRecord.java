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
 * A task as the report-service knows it from task.events: what does not change (plan, units, kind, priority, start),
 * its present facts (kept current by the projection, so "now" needs no history) and, when a report needs the past,
 * its history, from which its state at any earlier moment is folded.
 *
 * @param createdAt           when version 1 happened (null for copies kept before it was recorded)
 * @param completedAt         when the task last became DONE, null while it is not done
 * @param dueDateAtCompletion the due date in force at that moment
 * @param dissemination       per unit, its officials reached by this task's sessions so far
 * @param lastEventAt         the latest moment any applied event happened: at or after it the task is as it is now
 * @param history             the entries read, sorted by version; complete only when {@code historyRead}
 * @param historyRead         whether the history was read: only then can a moment before the last event be folded
 */
public record TaskRecord(String id, String planId, String title, String kind, String priority, String leadUnitCode,
                         List<String> coordinatingUnitCodes, LocalDate startDate, LocalDate originalDueDate,
                         String status, int percentComplete, LocalDate dueDate, Instant createdAt,
                         Instant completedAt, LocalDate dueDateAtCompletion, Map<String, Reach> dissemination,
                         Instant lastEventAt, List<TaskEntry> history, boolean historyRead) {

    public TaskRecord {
        coordinatingUnitCodes = coordinatingUnitCodes == null ? List.of() : List.copyOf(coordinatingUnitCodes);
        dissemination = dissemination == null ? Map.of() : Map.copyOf(dissemination);
        history = history == null ? List.of()
                : history.stream().sorted(Comparator.comparingLong(TaskEntry::version)).toList();
    }

    /**
     * A task known from its whole history: the present facts are the fold of all of it (with none, only the given
     * status, percentage and due date are known).
     */
    public TaskRecord(String id, String planId, String title, String kind, String priority, String leadUnitCode,
                      List<String> coordinatingUnitCodes, LocalDate startDate, LocalDate originalDueDate,
                      String status, int percentComplete, LocalDate dueDate, List<TaskEntry> history) {
        this(id, planId, title, kind, priority, leadUnitCode, coordinatingUnitCodes, startDate, originalDueDate,
                history == null ? List.of() : history, Fold.of(sorted(history), originalDueDate, null)
                        .orElse(new Fold(status, percentComplete, dueDate, null, null, null, Map.of())));
    }

    private TaskRecord(String id, String planId, String title, String kind, String priority, String leadUnitCode,
                       List<String> coordinatingUnitCodes, LocalDate startDate, LocalDate originalDueDate,
                       List<TaskEntry> history, Fold present) {
        this(id, planId, title, kind, priority, leadUnitCode, coordinatingUnitCodes, startDate, originalDueDate,
                present.status(), present.percent(), present.due(), present.createdAt(), present.completedAt(),
                present.dueAtCompletion(), present.reach(),
                history.stream().map(TaskEntry::at).max(Comparator.naturalOrder()).orElse(null), history, true);
    }

    /** The same task with its history, as read for a report on the past. */
    public TaskRecord withHistory(List<TaskEntry> entries) {
        return new TaskRecord(id, planId, title, kind, priority, leadUnitCode, coordinatingUnitCodes, startDate,
                originalDueDate, status, percentComplete, dueDate, createdAt, completedAt, dueDateAtCompletion,
                dissemination, lastEventAt, entries, true);
    }

    /**
     * Whether the state before {@code cutoff} must be folded from the history: the task existed before it and has
     * an event at or after it. A task created at or after the cutoff did not exist before it, which its present
     * facts tell without the history — the case of every task newer than a period a report or an alert check asks
     * about, whose histories the alert check read in full every ten minutes before (bench README, row 3).
     */
    public boolean needsHistoryFor(Instant cutoff) {
        return cutoff != null && existedBefore(cutoff) && (lastEventAt == null || !lastEventAt.isBefore(cutoff));
    }

    /** Unknown creation (a copy kept before it was recorded) counts as existing: its history then decides. */
    private boolean existedBefore(Instant cutoff) {
        return createdAt == null || createdAt.isBefore(cutoff);
    }

    public boolean isLedBy(String unitCode) {
        return unitCode.equals(leadUnitCode);
    }

    public boolean isCoordinatedBy(String unitCode) {
        return coordinatingUnitCodes.contains(unitCode);
    }

    /** The state now: after every applied event, from the present facts alone. */
    public Optional<TaskState> current(ZoneId zone) {
        if (status == null) {
            return Optional.empty();
        }
        return Optional.of(new TaskState(status, percentComplete, dueDate, createdAt,
                completedAt == null ? null : LocalDate.ofInstant(completedAt, zone), dueDateAtCompletion,
                dissemination));
    }

    /**
     * The task's state just before {@code cutoff} (exclusive; null = after every event): the fold of its history up
     * to the first event at or after the cutoff. Empty when the task did not exist yet. When every event happened
     * before the cutoff that fold is the present state, and the history is not needed.
     *
     * @throws IllegalStateException when the past is needed and the history was not read
     */
    public Optional<TaskState> stateBefore(Instant cutoff, ZoneId zone) {
        if (cutoff != null && !existedBefore(cutoff)) {
            return Optional.empty();
        }
        if (!needsHistoryFor(cutoff)) {
            return current(zone);
        }
        if (!historyRead) {
            throw new IllegalStateException("The history of task " + id + " was not read, so its state before "
                    + cutoff + " is unknown");
        }
        // A copy kept before histories were recorded has only its present state: in the past it is unknown.
        return Fold.of(history, originalDueDate, cutoff).map(fold -> new TaskState(fold.status(), fold.percent(),
                fold.due(), fold.createdAt(),
                fold.completedAt() == null ? null : LocalDate.ofInstant(fold.completedAt(), zone),
                fold.dueAtCompletion(), fold.reach()));
    }

    private static List<TaskEntry> sorted(List<TaskEntry> history) {
        return history == null ? List.of()
                : history.stream().sorted(Comparator.comparingLong(TaskEntry::version)).toList();
    }

    /** The facts folded from a history: the same ones the projection keeps current on the view. */
    public record Fold(String status, int percent, LocalDate due, Instant createdAt, Instant completedAt,
                       LocalDate dueAtCompletion, Map<String, Reach> reach) {

        /** The fold of the entries (sorted by version) before {@code cutoff} (null: all); empty when there are none. */
        public static Optional<Fold> of(List<TaskEntry> history, LocalDate originalDueDate, Instant cutoff) {
            String foldedStatus = null;
            int percent = 0;
            LocalDate due = originalDueDate;
            Instant createdAt = null;
            Instant completedAt = null;
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
                    completedAt = entry.at();
                    dueAtCompletion = due;
                } else if (!TaskState.DONE.equals(entry.status())) {
                    completedAt = null;
                    dueAtCompletion = null;
                }
                foldedStatus = entry.status();
                percent = entry.percent();
                if (entry.disseminationUnit() != null) {
                    reach.put(entry.disseminationUnit(), new Reach(entry.officialsReached(),
                            entry.officialsTotal()));
                }
            }
            if (foldedStatus == null) {
                return Optional.empty();
            }
            return Optional.of(new Fold(foldedStatus, percent, due, createdAt, completedAt, dueAtCompletion, reach));
        }
    }
}
