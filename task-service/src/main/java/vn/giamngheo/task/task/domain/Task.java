package vn.giamngheo.task.task.domain;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.contracts.task.DisseminationSessionRecorded;
import vn.giamngheo.contracts.task.QuantitativeOutput;
import vn.giamngheo.contracts.task.TaskAssigned;
import vn.giamngheo.contracts.task.TaskBlocked;
import vn.giamngheo.contracts.task.TaskCancelled;
import vn.giamngheo.contracts.task.TaskCompleted;
import vn.giamngheo.contracts.task.TaskCreated;
import vn.giamngheo.contracts.task.TaskDeadlineExtended;
import vn.giamngheo.contracts.task.TaskOverdue;
import vn.giamngheo.contracts.task.TaskProgressReported;
import vn.giamngheo.contracts.task.TaskUnblocked;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;
import vn.giamngheo.support.domain.UnprocessableException;

/**
 * A task under a plan, led by one unit with coordinating units. Each command returns the new state and the one
 * event that records it; every task event carries the status and progress after the change.
 *
 * <p>A progress report is its event ({@link TaskProgressReported}: the report and, in its payload, who made it), so the
 * progress log is read from the task's stored changes (see {@code ProgressLog}) and not kept in the document, which
 * every command rewrites and which would otherwise grow with every report; the state only counts the reports, to
 * number the next one. {@code progressReports} holds the reports of tasks stored before that, and is never added to.
 * The short logs (deadline extensions, dissemination sessions) live in the aggregate, so an entry and its event are
 * stored in the same single-document write; commands only ever append to them. {@code overdueReported}
 * says whether {@link TaskOverdue} was published for the current due date: it is set in the same write as that event
 * and cleared by an extension, which is what makes "once per task and due date" hold with any number of detectors.
 */
public record Task(String id, String planId, String objectiveId, String title, String description, TaskKind kind,
                   TaskPriority priority, String expectedOutput, String leadUnitCode,
                   List<String> coordinatingUnitCodes, LocalDate startDate, LocalDate dueDate, TaskStatus status,
                   int percentComplete, String note, TaskStatus resumeStatus, Boolean overdueReported,
                   List<ProgressReport> progressReports, Integer progressReportCount,
                   List<DeadlineExtension> extensions, List<DisseminationSession> disseminationSessions) {

    /** Only the schemes a browser opens; the event schema requires the same lower-case prefix. */
    private static final Pattern WEB_LINK = Pattern.compile("^https?://.+");

    public Task {
        coordinatingUnitCodes = coordinatingUnitCodes == null ? List.of() : List.copyOf(coordinatingUnitCodes);
        priority = priority == null ? TaskPriority.NORMAL : priority;
        // A Boolean, not a boolean: documents written before the overdue check existed have no such field.
        overdueReported = Boolean.TRUE.equals(overdueReported);
        progressReports = progressReports == null ? List.of() : List.copyOf(progressReports);
        // Documents written before the count existed kept every report, so their count is the list's length.
        progressReportCount = progressReportCount == null ? progressReports.size() : progressReportCount;
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        disseminationSessions = disseminationSessions == null ? List.of() : List.copyOf(disseminationSessions);
    }

    /** A task under an issued plan is the lead unit's responsibility at once; under a draft it waits. */
    public static Change<Task> create(String id, NewTask input, boolean planIssued, UnitDirectory units,
                                      Instant now) {
        List<String> coordinating = input.coordinatingUnitCodes() == null ? List.of()
                : input.coordinatingUnitCodes().stream().distinct().toList();
        Set<String> allUnits = new LinkedHashSet<>();
        allUnits.add(input.leadUnitCode());
        allUnits.addAll(coordinating);
        requireKnown(allUnits, units);

        List<FieldViolation> violations = new ArrayList<>();
        boolean datesInOrder = !input.dueDate().isBefore(input.startDate());
        if (!datesInOrder) {
            violations.add(new FieldViolation("dueDate", "must not be before startDate"));
        }
        if (coordinating.contains(input.leadUnitCode())) {
            violations.add(new FieldViolation("coordinatingUnitCodes", "must not include the lead unit"));
        }
        if (datesInOrder) {
            unitValidity(input.leadUnitCode(), "leadUnitCode", input.startDate(), input.dueDate(), units)
                    .ifPresent(violations::add);
            List<String> given = input.coordinatingUnitCodes() == null ? List.of() : input.coordinatingUnitCodes();
            for (int i = 0; i < given.size(); i++) {
                if (given.indexOf(given.get(i)) == i) {
                    unitValidity(given.get(i), "coordinatingUnitCodes[" + i + "]", input.startDate(),
                            input.dueDate(), units).ifPresent(violations::add);
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Task task = new Task(id, input.planId(), blankToNull(input.objectiveId()), input.title().trim(),
                blankToNull(input.description()), input.kind(), input.priority(), blankToNull(input.expectedOutput()),
                input.leadUnitCode(), coordinating, input.startDate(), input.dueDate(),
                planIssued ? TaskStatus.ASSIGNED : TaskStatus.PLANNED, 0, null, null, false, List.of(), 0, List.of(),
                List.of());
        return new Change<>(task, new TaskCreated(id, 1, task.planId, task.objectiveId, task.title, task.description,
                task.kind.name(), task.priority.name(), task.expectedOutput, task.leadUnitCode,
                task.coordinatingUnitCodes, task.startDate, task.dueDate, task.status.name(), 0, now));
    }

    public Change<Task> assign(long version, Instant now) {
        require("assign", TaskStatus.PLANNED);
        Task assigned = withStatus(TaskStatus.ASSIGNED, percentComplete, note);
        return new Change<>(assigned, new TaskAssigned(id, version + 1, planId, assigned.status.name(),
                percentComplete, now));
    }

    /**
     * Appends a report to the progress log. The percentage is the new total; it may go down only with a correction
     * reason, so a lower figure is always explained in the log. {@code by} is kept with the report.
     */
    public Change<Task> reportProgress(long version, ProgressUpdate update, Actor by, Instant now) {
        require("report progress on", TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS);
        List<FieldViolation> violations = new ArrayList<>();
        int percent = update.percentComplete();
        if (percent < 0 || percent > 100) {
            violations.add(new FieldViolation("percentComplete", "must be between 0 and 100"));
        } else if (percent < percentComplete && update.correctionReason() == null) {
            violations.add(new FieldViolation("percentComplete", "progress cannot go back from " + percentComplete
                    + "% to " + percent + "% without a correctionReason"));
        }
        if (update.note() == null || update.note().isBlank()) {
            violations.add(new FieldViolation("note", "must not be blank"));
        }
        List<String> links = new ArrayList<>();
        for (int i = 0; i < update.evidenceLinks().size(); i++) {
            String link = webLink(update.evidenceLinks().get(i));
            if (link == null) {
                violations.add(new FieldViolation("evidenceLinks[" + i + "]",
                        "must be an http or https link, e.g. https://sonla.gov.vn/van-ban/123"));
            }
            links.add(link);
        }
        for (int i = 0; i < update.outputs().size(); i++) {
            QuantitativeOutput output = update.outputs().get(i);
            if (output == null || output.indicator() == null || output.indicator().isBlank()) {
                violations.add(new FieldViolation("outputs[" + i + "].indicator", "must not be blank"));
            }
            if (output == null || output.value() == null || output.value().compareTo(BigDecimal.ZERO) < 0) {
                violations.add(new FieldViolation("outputs[" + i + "].value", "must be zero or more"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        List<QuantitativeOutput> outputs = update.outputs().stream().map(o -> new QuantitativeOutput(
                o.indicator().trim(), o.value(), blankToNull(o.unit()))).toList();
        ProgressReport report = new ProgressReport(progressReportCount + 1, percent, percentComplete,
                update.note().trim(), links, outputs, update.correctionReason(), now, by);
        Task progressed = new Task(id, planId, objectiveId, title, description, kind, priority, expectedOutput,
                leadUnitCode, coordinatingUnitCodes, startDate, dueDate, TaskStatus.IN_PROGRESS, percent,
                report.note(), null, overdueReported, progressReports, report.number(), extensions,
                disseminationSessions);
        return new Change<>(progressed, new TaskProgressReported(id, version + 1, planId, report.number(),
                report.note(), links, outputs, report.correctionReason(), progressed.status.name(), percent,
                percentComplete, now));
    }

    public Change<Task> complete(long version, String completionNote, Instant now) {
        require("complete", TaskStatus.IN_PROGRESS);
        if (percentComplete != 100) {
            throw new StateConflictException("Task " + id + " is at " + percentComplete
                    + "%; report 100% progress before completing it");
        }
        Task done = withStatus(TaskStatus.DONE, 100, completionNote.trim());
        return new Change<>(done, new TaskCompleted(id, version + 1, planId, done.note, done.status.name(),
                100, now));
    }

    public Change<Task> block(long version, String reason, Instant now) {
        require("block", TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS);
        Task blocked = new Task(id, planId, objectiveId, title, description, kind, priority, expectedOutput,
                leadUnitCode, coordinatingUnitCodes, startDate, dueDate, TaskStatus.BLOCKED, percentComplete,
                reason.trim(), status, overdueReported, progressReports, progressReportCount, extensions,
                disseminationSessions);
        return new Change<>(blocked, new TaskBlocked(id, version + 1, planId, blocked.note, blocked.status.name(),
                percentComplete, now));
    }

    /** Back to where the task was when it was blocked. */
    public Change<Task> unblock(long version, Instant now) {
        require("unblock", TaskStatus.BLOCKED);
        TaskStatus back = resumeStatus != null ? resumeStatus
                : percentComplete > 0 ? TaskStatus.IN_PROGRESS : TaskStatus.ASSIGNED;
        Task resumed = withStatus(back, percentComplete, null);
        return new Change<>(resumed, new TaskUnblocked(id, version + 1, planId, resumed.status.name(),
                percentComplete, now));
    }

    public Change<Task> cancel(long version, String reason, Instant now) {
        if (!status.isOpen()) {
            throw new StateConflictException("Cannot cancel task " + id + ": it is " + status);
        }
        Task cancelled = withStatus(TaskStatus.CANCELLED, percentComplete, reason.trim());
        return new Change<>(cancelled, new TaskCancelled(id, version + 1, planId, cancelled.note,
                cancelled.status.name(), percentComplete, now));
    }

    /**
     * Moves the due date later. The lead and coordinating units must still exist on the new due date, and the new
     * date must not already be past: an extension is a new commitment, not a way to erase lateness. The new due
     * date may be reported overdue once more. {@code by} is who records it, {@code requestedBy} who asked for it.
     */
    public Change<Task> extend(long version, LocalDate newDueDate, String reason, String requestedBy,
                               LocalDate today, UnitDirectory units, Actor by, Instant now) {
        if (!status.isOpen()) {
            throw new StateConflictException("Cannot extend the deadline of task " + id + ": it is " + status);
        }
        Set<String> allUnits = new LinkedHashSet<>();
        allUnits.add(leadUnitCode);
        allUnits.addAll(coordinatingUnitCodes);
        requireKnown(allUnits, units);
        List<FieldViolation> violations = new ArrayList<>();
        if (!newDueDate.isAfter(dueDate)) {
            violations.add(new FieldViolation("newDueDate", "must be after the current due date " + dueDate));
        } else if (newDueDate.isBefore(today)) {
            violations.add(new FieldViolation("newDueDate", "must not be in the past (today is " + today + ")"));
        } else {
            for (String unit : allUnits) {
                unitValidity(unit, "newDueDate", startDate, newDueDate, units).ifPresent(violations::add);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        DeadlineExtension extension = new DeadlineExtension(extensions.size() + 1, dueDate, newDueDate,
                reason.trim(), requestedBy.trim(), now, by);
        Task extended = new Task(id, planId, objectiveId, title, description, kind, priority, expectedOutput,
                leadUnitCode, coordinatingUnitCodes, startDate, newDueDate, status, percentComplete, note,
                resumeStatus, false, progressReports, progressReportCount, append(extensions, extension),
                disseminationSessions);
        return new Change<>(extended, new TaskDeadlineExtended(id, version + 1, planId, dueDate, newDueDate,
                extension.reason(), extension.requestedBy(), extension.number(), status.name(), percentComplete,
                now));
    }

    /** True when the overdue check should report this task today. */
    public boolean isOverdueUnreported(LocalDate today) {
        return status.isOpen() && dueDate.isBefore(today) && !overdueReported;
    }

    public boolean isOverdue(LocalDate today) {
        return status.isOpen() && dueDate.isBefore(today);
    }

    /** Records that the current due date passed; refused if it has already been reported. */
    public Change<Task> markOverdue(long version, LocalDate today, Instant now) {
        if (!isOverdueUnreported(today)) {
            throw new StateConflictException("Task " + id + " is not newly overdue on " + today + " (status "
                    + status + ", due " + dueDate + (overdueReported ? ", already reported" : "") + ")");
        }
        Task marked = new Task(id, planId, objectiveId, title, description, kind, priority, expectedOutput,
                leadUnitCode, coordinatingUnitCodes, startDate, dueDate, status, percentComplete, note,
                resumeStatus, true, progressReports, progressReportCount, extensions, disseminationSessions);
        return new Change<>(marked, new TaskOverdue(id, version + 1, planId, leadUnitCode, dueDate, today,
                status.name(), percentComplete, now));
    }

    /**
     * Records a dissemination session. Sessions of one unit reach different officials (a later one is for those not
     * yet reached), so all attendance of a unit under this task must fit in its number of officials. Holding a
     * session is work on the task, so an assigned task becomes in progress.
     */
    public Change<Task> recordDisseminationSession(long version, NewDisseminationSession session, LocalDate today,
                                                   UnitDirectory units, Actor by, Instant now) {
        if (kind != TaskKind.DISSEMINATION) {
            throw new StateConflictException("not-a-dissemination-task", "Task " + id + " is " + kind
                    + "; dissemination sessions are recorded only on DISSEMINATION tasks");
        }
        require("record a dissemination session on", TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS);
        requireKnown(Set.of(session.unitCode()), units);
        List<FieldViolation> violations = new ArrayList<>();
        if (session.date().isBefore(startDate)) {
            violations.add(new FieldViolation("date", "must not be before the task's start date " + startDate));
        } else if (session.date().isAfter(today)) {
            violations.add(new FieldViolation("date", "must not be in the future (today is " + today + ")"));
        } else {
            units.find(session.unitCode()).filter(u -> !u.validOn(session.date())).ifPresent(u -> violations.add(
                    new FieldViolation("unitCode", u.describe() + ", not on " + session.date())));
        }
        if (session.officialsTotal() < 1) {
            violations.add(new FieldViolation("officialsTotal", "must be at least 1"));
        }
        int earlier = disseminationSessions.stream().filter(s -> s.unitCode().equals(session.unitCode()))
                .mapToInt(DisseminationSession::officialsAttending).sum();
        if (session.officialsAttending() < 0) {
            violations.add(new FieldViolation("officialsAttending", "must be zero or more"));
        } else if (session.officialsAttending() > session.officialsTotal()) {
            violations.add(new FieldViolation("officialsAttending", "must not exceed officialsTotal ("
                    + session.officialsTotal() + ")"));
        } else if (earlier + session.officialsAttending() > session.officialsTotal()) {
            violations.add(new FieldViolation("officialsAttending", "earlier sessions of this task already reached "
                    + earlier + " officials of " + session.unitCode() + "; with " + session.officialsAttending()
                    + " more it would exceed the unit's " + session.officialsTotal() + " officials"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        DisseminationSession recorded = new DisseminationSession(disseminationSessions.size() + 1, session.date(),
                session.unitCode(), session.officialsAttending(), session.officialsTotal(),
                earlier + session.officialsAttending(), blankToNull(session.note()), now, by);
        Task updated = new Task(id, planId, objectiveId, title, description, kind, priority, expectedOutput,
                leadUnitCode, coordinatingUnitCodes, startDate, dueDate, TaskStatus.IN_PROGRESS, percentComplete,
                note, null, overdueReported, progressReports, progressReportCount, extensions,
                append(disseminationSessions, recorded));
        return new Change<>(updated, new DisseminationSessionRecorded(id, version + 1, planId, recorded.number(),
                recorded.date(), recorded.unitCode(), recorded.officialsAttending(), recorded.officialsTotal(),
                recorded.unitOfficialsReached(), recorded.note(), updated.status.name(), percentComplete, now));
    }

    /** The due date the task was first given, before any extension. */
    public LocalDate originalDueDate() {
        return extensions.isEmpty() ? dueDate : extensions.get(0).previousDueDate();
    }

    private static void requireKnown(Set<String> unitCodes, UnitDirectory units) {
        List<String> unknown = unitCodes.stream().filter(code -> units.find(code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new UnprocessableException("unknown-unit", "Unit" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + (unknown.size() > 1 ? " are" : " is")
                    + " not known to the task-service (yet): register it in the plan-service first; units arrive "
                    + "here within seconds");
        }
    }

    private static Optional<FieldViolation> unitValidity(String code, String field, LocalDate from, LocalDate to,
                                                         UnitDirectory units) {
        return units.find(code).filter(u -> !u.validThroughout(from, to)).map(u -> new FieldViolation(field,
                u.describe() + ", not throughout the task's dates " + from + " to " + to));
    }

    /** The link in its ASCII form (so Vietnamese paths are percent-encoded), or null when it is no web link. */
    private static String webLink(String link) {
        if (link == null || !WEB_LINK.matcher(link.trim()).matches()) {
            return null;
        }
        try {
            URI uri = new URI(link.trim());
            return uri.getHost() == null ? null : uri.toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private void require(String action, TaskStatus... allowed) {
        for (TaskStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new StateConflictException("Cannot " + action + " task " + id + ": it is " + status);
    }

    private Task withStatus(TaskStatus newStatus, int percent, String newNote) {
        return new Task(id, planId, objectiveId, title, description, kind, priority, expectedOutput, leadUnitCode,
                coordinatingUnitCodes, startDate, dueDate, newStatus, percent, newNote, null, overdueReported,
                progressReports, progressReportCount, extensions, disseminationSessions);
    }

    private static <T> List<T> append(List<T> list, T entry) {
        List<T> appended = new ArrayList<>(list);
        appended.add(entry);
        return appended;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
