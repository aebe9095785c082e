package vn.giamngheo.report.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.giamngheo.report.ReportSettings;
import vn.giamngheo.report.calendar.ProvinceCalendar;
import vn.giamngheo.report.period.ReportPeriod;
import vn.giamngheo.report.plan.PlanViews;
import vn.giamngheo.report.plan.domain.PlanRecord;
import vn.giamngheo.report.submission.domain.IndicatorValue;
import vn.giamngheo.report.submission.domain.Submission;
import vn.giamngheo.report.submission.domain.SubmissionStatus;
import vn.giamngheo.report.unit.UnitViews;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.ForbiddenException;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StaleVersionException;
import vn.giamngheo.support.domain.UnprocessableException;
import vn.giamngheo.support.outbox.AggregateStore;
import vn.giamngheo.support.outbox.AuditEntry;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.security.Caller;
import vn.giamngheo.support.security.CurrentCaller;
import vn.giamngheo.support.security.Roles;

/**
 * Carries out commands on submissions: load, check the caller may act on the unit's report, let the domain decide,
 * store state and event (with the caller as the actor) in one write. A unit's report is drafted, changed and submitted
 * by an officer of that unit or the province administrator; returning and approving are the administrator's (the
 * access rules let no one else reach them).
 */
@Service
public class SubmissionCommands {

    private final AggregateStore<Submission> submissions;
    private final PlanViews plans;
    private final UnitViews units;
    private final ProvinceCalendar calendar;
    private final int dueDays;
    private final CurrentCaller caller;

    public SubmissionCommands(SubmissionStore store, PlanViews plans, UnitViews units, ProvinceCalendar calendar,
                              ReportSettings settings, CurrentCaller caller) {
        this.submissions = store.aggregates();
        this.caller = caller;
        this.plans = plans;
        this.units = units;
        this.calendar = calendar;
        this.dueDays = settings.submissions().dueDaysAfterPeriod();
    }

    /** Starts the unit's report for the period: 409 {@code already-exists} when it has one. */
    public Versioned<Submission> draft(String unitCode, String periodCode, List<IndicatorValue> values,
                                       String narrative) {
        requireActingFor(unitCode, "draft its reports");
        ReportPeriod period = ReportPeriod.parse(periodCode);
        if (!units.exists(unitCode)) {
            throw new UnprocessableException("unknown-unit", "Unit " + unitCode + " is not known to the "
                    + "report-service (units arrive from the plan-service)");
        }
        Change<Submission> drafted = Submission.draft(unitCode, period, period.dueDate(dueDays), values, narrative,
                calendar.today(), calendar.now());
        checkReferences(values);
        return submissions.create(drafted.state().id(), drafted.state(), drafted.event());
    }

    public Versioned<Submission> edit(String id, Long expectedVersion, List<IndicatorValue> values, String narrative) {
        Versioned<Submission> current = submissions.get(id);
        requireActingFor(current.state().unitCode(), "change its reports");
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersionException("Submission", id, expectedVersion, current.version());
        }
        Optional<Change<Submission>> change = current.state().edit(current.version(), values, narrative,
                calendar.now());
        if (change.isEmpty()) {
            return current;
        }
        checkReferences(values);
        return submissions.update(id, current.version(), change.get().state(), change.get().event());
    }

    public Versioned<Submission> submit(String id, Long expectedVersion, String submittedBy) {
        return submissions.apply(id, expectedVersion, (s, v) -> {
            requireActingFor(s.unitCode(), "submit its reports");
            return s.submit(v, submittedBy, calendar.today(), calendar.now());
        });
    }

    public Versioned<Submission> returnToUnit(String id, Long expectedVersion, String returnedBy, String reason) {
        return submissions.apply(id, expectedVersion, (s, v) -> s.returnToUnit(v, returnedBy, reason, calendar.now()));
    }

    public Versioned<Submission> approve(String id, Long expectedVersion, String approvedBy) {
        return submissions.apply(id, expectedVersion, (s, v) -> s.approve(v, approvedBy, calendar.now()));
    }

    /** A submission, if the caller may read it (403 for an officer of another unit while it is a draft). */
    public Versioned<Submission> get(String id) {
        Versioned<Submission> found = submissions.get(id);
        Caller current = caller.get();
        String ownDraftsOnly = hidesDraftsOfOthers(current);
        if (ownDraftsOnly != null && found.state().status() == SubmissionStatus.DRAFT
                && !found.state().unitCode().equals(ownDraftsOnly)) {
            throw new ForbiddenException("Submission " + id + " is a draft of " + found.state().unitCode()
                    + "; other units see it once it is submitted (you act for " + current.unit() + ")");
        }
        return found;
    }

    /** Who made each change of a submission the caller may read. */
    public List<AuditEntry> auditTrail(String id) {
        get(id);
        return submissions.auditTrail(id);
    }

    /**
     * The unit whose drafts alone an officer sees in lists (its own), or null when the caller sees every draft: the
     * administrator, viewers (inspectors) and systems that read everything. An officer of a unit sees another unit's
     * report once it has been submitted.
     */
    public String hidesDraftsOfOthers() {
        return hidesDraftsOfOthers(caller.get());
    }

    private static String hidesDraftsOfOthers(Caller current) {
        boolean officerOnly = current.roles().contains(Roles.OFFICER) && !current.roles().contains(Roles.ADMIN)
                && !current.roles().contains(Roles.VIEWER);
        return officerOnly ? (current.unit() == null ? "" : current.unit()) : null;
    }

    private void requireActingFor(String unitCode, String what) {
        caller.get().requireAdminOrOfficerOf(unitCode, what);
    }

    /** Every value must name a plan the service knows, one of that plan's indicators and, if any, a known area. */
    private void checkReferences(List<IndicatorValue> values) {
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < (values == null ? 0 : values.size()); i++) {
            IndicatorValue value = values.get(i);
            if (value.planId() == null || value.indicatorCode() == null) {
                continue; // reported by the domain's own checks
            }
            PlanRecord plan = plans.find(value.planId().strip()).orElseThrow(() -> new UnprocessableException(
                    "unknown-plan", "Plan " + value.planId() + " is not known to the report-service"));
            String code = value.indicatorCode().strip();
            if (plan.structure().indicators().stream().noneMatch(ind -> ind.code().equals(code))) {
                violations.add(new FieldViolation("values[" + i + "].indicatorCode", "plan " + plan.code()
                        + " has no indicator " + code));
            }
            if (value.areaCode() != null && !value.areaCode().isBlank() && !units.exists(value.areaCode().strip())) {
                violations.add(new FieldViolation("values[" + i + "].areaCode", "no unit " + value.areaCode()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
