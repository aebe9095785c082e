package vn.giamngheo.report.alert;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.ReportSettings;
import vn.giamngheo.report.alert.domain.Alert;
import vn.giamngheo.report.alert.domain.AlertCondition;
import vn.giamngheo.report.calendar.ProvinceCalendar;
import vn.giamngheo.report.indicator.IndicatorQuery;
import vn.giamngheo.report.indicator.IndicatorRow;
import vn.giamngheo.report.indicator.domain.IndicatorStatus;
import vn.giamngheo.report.period.PeriodKind;
import vn.giamngheo.report.period.ReportPeriod;
import vn.giamngheo.report.plan.PlanViews;
import vn.giamngheo.report.plan.domain.PlanRecord;
import vn.giamngheo.report.submission.ExpectedSubmitters;
import vn.giamngheo.report.submission.SubmissionStore;
import vn.giamngheo.report.submission.domain.Submission;
import vn.giamngheo.report.task.TaskViews;
import vn.giamngheo.report.task.domain.TaskRecord;
import vn.giamngheo.report.unit.UnitViews;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.ForbiddenException;
import vn.giamngheo.support.domain.StaleVersionException;
import vn.giamngheo.support.domain.StateConflictException;
import vn.giamngheo.support.outbox.AggregateStore;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.security.CurrentCaller;

/**
 * Looks for the conditions that deserve an alert and raises each one once per condition and period; resolves open
 * alerts whose condition has cleared.
 *
 * <ul>
 *   <li>{@code INDICATOR_OFF_TRACK}: an indicator row (plan-wide or an area) of an issued plan, for a target year
 *   from the current year on, whose status is OFF_TRACK. Resolved when it is no longer OFF_TRACK or the plan is no
 *   longer issued; left open (for people to acknowledge) once its year is over.</li>
 *   <li>{@code PLAN_OVERDUE_TASKS}: an issued plan with at least {@code overdue-tasks-threshold} open tasks past due,
 *   once per month. Resolved when fewer remain, or when the month is over (the next month has its own alert).</li>
 *   <li>{@code SUBMISSION_MISSING}: a unit expected to report (see {@link ExpectedSubmitters}) that has not submitted
 *   its report for a required period by the due date, for the periods of the current year and
 *   {@code submission-lookback-years} before. Resolved once it submits.</li>
 * </ul>
 *
 * <p>Safe with any number of instances running it at the same time: an alert's id is derived from its condition and
 * period, so a second raise is refused by the store (already exists), and resolving is version-checked.
 */
@Component
public class AlertDetector {

    private final AggregateStore<Alert> alerts;
    private final AlertStore store;
    private final IndicatorQuery indicators;
    private final PlanViews plans;
    private final TaskViews tasks;
    private final ExpectedSubmitters expected;
    private final SubmissionStore submissions;
    private final UnitViews units;
    private final ProvinceCalendar calendar;
    private final ReportSettings settings;
    private final CurrentCaller caller;

    public AlertDetector(AlertStore store, IndicatorQuery indicators, PlanViews plans, TaskViews tasks,
                         ExpectedSubmitters expected, SubmissionStore submissions, UnitViews units,
                         ProvinceCalendar calendar, ReportSettings settings, CurrentCaller caller) {
        this.caller = caller;
        this.alerts = store.aggregates();
        this.store = store;
        this.indicators = indicators;
        this.plans = plans;
        this.tasks = tasks;
        this.expected = expected;
        this.submissions = submissions;
        this.units = units;
        this.calendar = calendar;
        this.settings = settings;
    }

    /** What one run did: alerts raised, alerts found raised already (by an earlier run or instance), resolved. */
    public record Run(LocalDate today, int raised, int alreadyRaised, int resolved) {
    }

    public Run run() {
        LocalDate today = calendar.today();
        Map<String, PlanRecord> issued = new LinkedHashMap<>();
        plans.all().stream().filter(p -> "ISSUED".equals(p.status())).forEach(p -> issued.put(p.id(), p));
        Map<String, AlertCondition> holding = new LinkedHashMap<>();
        indicatorConditions(today, issued).forEach(c -> holding.put(c.key(), c));
        Map<String, Long> overdueByPlan = overdueByPlan(today, issued);
        overdueConditions(today, issued, overdueByPlan).forEach(c -> holding.put(c.key(), c));
        submissionConditions(today).forEach(c -> holding.put(c.key(), c));
        int raised = 0;
        int already = 0;
        for (AlertCondition condition : holding.values()) {
            String id = Alert.idOf(condition.key());
            if (alerts.find(id).isPresent()) {
                already++;
                continue;
            }
            Change<Alert> change = Alert.raise(condition, calendar.now());
            try {
                alerts.create(id, change.state(), change.event());
                raised++;
            } catch (StateConflictException raisedMeanwhile) {
                already++;
            }
        }
        int resolved = 0;
        for (Versioned<Alert> open : store.open()) {
            String reason = resolution(open.state(), holding, today, issued, overdueByPlan);
            if (reason == null) {
                continue;
            }
            try {
                Change<Alert> change = open.state().resolve(open.version(), reason, calendar.now());
                alerts.update(open.id(), open.version(), change.state(), change.event());
                resolved++;
            } catch (StaleVersionException someoneElseWroteFirst) {
                // Acknowledged or resolved meanwhile; the next run looks again.
            }
        }
        return new Run(today, raised, already, resolved);
    }

    /** Taking note of an alert: the administrator, or an officer of the unit the alert is about. */
    public Versioned<Alert> acknowledge(String id, Long expectedVersion, String by, String note) {
        return alerts.apply(id, expectedVersion, (alert, version) -> {
            String unit = unitOf(alert);
            if (unit == null && !caller.get().isAdmin()) {
                throw new ForbiddenException("Alert " + id + " concerns no known unit; only the province "
                        + "administrator may acknowledge it");
            }
            if (unit != null) {
                caller.get().requireAdminOrOfficerOf(unit, "acknowledge alert " + id);
            }
            return alert.acknowledge(version, by, note, calendar.now());
        });
    }

    /**
     * The unit an alert is about: the unit that has not reported, or for a plan's alert the unit that issued the
     * plan (it answers for the plan's indicators and tasks); null when the plan is unknown.
     */
    public String unitOf(Alert alert) {
        if (alert.unitCode() != null) {
            return alert.unitCode();
        }
        return alert.planId() == null ? null
                : plans.find(alert.planId()).map(PlanRecord::issuingUnitCode).orElse(null);
    }

    /** Why an open alert's condition no longer holds, or null when it still does (or is left to people). */
    private String resolution(Alert alert, Map<String, AlertCondition> holding, LocalDate today,
                              Map<String, PlanRecord> issued, Map<String, Long> overdueByPlan) {
        if (holding.containsKey(alert.conditionKey())) {
            return null;
        }
        return switch (alert.kind()) {
            case INDICATOR_OFF_TRACK -> {
                if (!issued.containsKey(alert.planId())) {
                    yield "Kế hoạch không còn ở trạng thái ban hành / The plan is no longer issued";
                }
                yield Integer.parseInt(alert.period()) < today.getYear() ? null
                        : "Chỉ tiêu không còn chệch hướng so với mục tiêu / The indicator is no longer off track";
            }
            case PLAN_OVERDUE_TASKS -> {
                long overdue = overdueByPlan.getOrDefault(alert.planId(), 0L);
                yield overdue < settings.alerts().overdueTasksThreshold()
                        ? "Còn " + overdue + " nhiệm vụ quá hạn, dưới ngưỡng cảnh báo / " + overdue
                        + " overdue tasks remain, below the threshold"
                        : "Tháng " + alert.period() + " đã kết thúc; xem cảnh báo của tháng " + YearMonth.from(today)
                        + " / The month is over; see this month's alert";
            }
            case SUBMISSION_MISSING -> submissions.find(
                    Submission.idOf(alert.unitCode(),
                            ReportPeriod.parse(alert.period())))
                    .filter(s -> s.state().firstSubmittedOn() != null)
                    .map(s -> "Đơn vị đã gửi báo cáo ngày " + s.state().firstSubmittedOn()
                            + " / The report was submitted").orElse(null);
        };
    }

    private List<AlertCondition> indicatorConditions(LocalDate today, Map<String, PlanRecord> issued) {
        List<IndicatorRow> rows = indicators.rows(new IndicatorQuery.Filter(null, false, null, null,
                today.getYear(), null, false));
        return rows.stream().filter(r -> issued.containsKey(r.planId()) && r.status() == IndicatorStatus.OFF_TRACK)
                .map(r -> AlertCondition.indicatorOffTrack(r.planId(), r.planCode(), r.indicatorCode(), r.nameVi(),
                        r.areaCode(), r.areaName(), r.year(), r.projectedValue(), r.target(), r.unitOfMeasure()))
                .toList();
    }

    private Map<String, Long> overdueByPlan(LocalDate today, Map<String, PlanRecord> issued) {
        Map<String, Long> counts = new HashMap<>();
        if (issued.isEmpty()) {
            return counts;
        }
        for (TaskRecord task : tasks.ofPlans(issued.keySet())) {
            task.current(calendar.zone()).filter(state -> state.isOverdueOn(today))
                    .ifPresent(state -> counts.merge(task.planId(), 1L, Long::sum));
        }
        return counts;
    }

    private List<AlertCondition> overdueConditions(LocalDate today, Map<String, PlanRecord> issued,
                                                   Map<String, Long> overdueByPlan) {
        int threshold = settings.alerts().overdueTasksThreshold();
        String month = YearMonth.from(today).toString();
        return overdueByPlan.entrySet().stream().filter(e -> e.getValue() >= threshold)
                .map(e -> AlertCondition.planOverdueTasks(e.getKey(), issued.get(e.getKey()).code(), month,
                        e.getValue(), threshold)).toList();
    }

    private List<AlertCondition> submissionConditions(LocalDate today) {
        int dueDays = settings.submissions().dueDaysAfterPeriod();
        List<AlertCondition> conditions = new ArrayList<>();
        for (int year = today.getYear() - settings.alerts().submissionLookbackYears(); year <= today.getYear();
             year++) {
            for (PeriodKind kind : settings.submissions().requiredPeriods()) {
                ReportPeriod period = new ReportPeriod(year, kind);
                LocalDate due = period.dueDate(dueDays);
                if (!today.isAfter(due)) {
                    continue;
                }
                var owing = expected.of(period);
                Map<String, String> names = units.namesOf(owing);
                for (String unit : owing) {
                    boolean submitted = submissions.find(
                            Submission.idOf(unit, period))
                            .map(s -> s.state().firstSubmittedOn() != null).orElse(false);
                    if (!submitted) {
                        conditions.add(AlertCondition.submissionMissing(unit, names.get(unit), period.code(),
                                period.nameVi(), due, ChronoUnit.DAYS.between(due, today)));
                    }
                }
            }
        }
        return conditions;
    }
}
