package vn.giamngheo.report.feedback;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.giamngheo.report.calendar.ProvinceCalendar;
import vn.giamngheo.report.feedback.domain.Feedback;
import vn.giamngheo.report.feedback.domain.FeedbackTask;
import vn.giamngheo.report.feedback.domain.NewFeedback;
import vn.giamngheo.report.feedback.domain.SubjectKind;
import vn.giamngheo.report.task.TaskViews;
import vn.giamngheo.report.unit.UnitViews;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.ForbiddenException;
import vn.giamngheo.support.domain.UnprocessableException;
import vn.giamngheo.support.outbox.AggregateStore;
import vn.giamngheo.support.outbox.AuditEntry;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.security.Caller;
import vn.giamngheo.support.security.CurrentCaller;

/**
 * Receives feedback (from anyone, signed in or not: the actor says which) and officials' answers (the administrator
 * or an officer of a unit the feedback is addressed to); each change and its event are stored in one write.
 */
@Service
public class FeedbackCommands {

    private final AggregateStore<Feedback> feedback;
    private final TaskViews tasks;
    private final UnitViews units;
    private final ProvinceCalendar calendar;
    private final CurrentCaller caller;

    public FeedbackCommands(FeedbackStore store, TaskViews tasks, UnitViews units, ProvinceCalendar calendar,
                            CurrentCaller caller) {
        this.feedback = store.aggregates();
        this.caller = caller;
        this.tasks = tasks;
        this.units = units;
        this.calendar = calendar;
    }

    public Versioned<Feedback> receive(NewFeedback input) {
        FeedbackTask task = null;
        if (input.subjectKind() == SubjectKind.TASK && input.taskId() != null && !input.taskId().isBlank()) {
            task = tasks.find(input.taskId().strip())
                    .map(t -> new FeedbackTask(t.id(), t.planId(), t.leadUnitCode()))
                    .orElseThrow(() -> new UnprocessableException("unknown-task", "Task " + input.taskId()
                            + " is not known to the report-service"));
        }
        if (input.communeCode() != null && !input.communeCode().isBlank()
                && !units.exists(input.communeCode().strip())) {
            throw new UnprocessableException("unknown-unit", "Commune " + input.communeCode()
                    + " is not known to the report-service");
        }
        String id = UUID.randomUUID().toString();
        Change<Feedback> change = Feedback.receive(id, input, task, calendar.now());
        return feedback.create(id, change.state(), change.event());
    }

    public Versioned<Feedback> answer(String id, Long expectedVersion, String answeredBy, String response) {
        return feedback.apply(id, expectedVersion, (f, v) -> {
            if (!mayAnswer(f)) {
                throw new ForbiddenException("Feedback " + id + " is addressed to " + String.join(" and ",
                        f.addressedTo()) + "; only the province administrator or their officers answer it"
                        + (caller.get().unit() == null ? "" : " (you act for " + caller.get().unit() + ")"));
            }
            return f.answer(v, answeredBy, response, calendar.now());
        });
    }

    public Versioned<Feedback> get(String id) {
        return feedback.get(id);
    }

    /** Who made each change: the sender (or the public) and the official who answered. */
    public List<AuditEntry> auditTrail(String id) {
        return feedback.auditTrail(id);
    }

    /**
     * The administrator and the officers of the units it is addressed to: they answer it, and they alone see the
     * sender's contact, which is personal data.
     */
    public boolean mayAnswer(Feedback f) {
        Caller current = caller.get();
        return current.isAdmin() || f.addressedTo().stream().anyMatch(current::isOfficerOf);
    }
}
