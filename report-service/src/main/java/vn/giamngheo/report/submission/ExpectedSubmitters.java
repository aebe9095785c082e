package vn.giamngheo.report.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.calendar.ProvinceCalendar;
import vn.giamngheo.report.period.ReportPeriod;
import vn.giamngheo.report.plan.PlanViews;
import vn.giamngheo.report.plan.domain.PlanRecord;
import vn.giamngheo.report.scorecard.domain.ScorecardFigures;
import vn.giamngheo.report.task.TaskViews;
import vn.giamngheo.report.task.domain.TaskRecord;

/**
 * Which units owe a periodic report for a period: every unit that leads a task in the period (see
 * {@link ScorecardFigures}) under a plan that is issued or closed. The plan-service does not (yet) say which unit
 * reports on which indicator, so leading work is what makes a unit accountable.
 */
@Component
public class ExpectedSubmitters {

    private final PlanViews plans;
    private final TaskViews tasks;
    private final ProvinceCalendar calendar;

    public ExpectedSubmitters(PlanViews plans, TaskViews tasks, ProvinceCalendar calendar) {
        this.plans = plans;
        this.tasks = tasks;
        this.calendar = calendar;
    }

    public Set<String> of(ReportPeriod period) {
        LocalDate day = period.end().isBefore(calendar.today()) ? period.end() : calendar.today();
        Set<String> units = new TreeSet<>();
        if (day.isBefore(period.start())) {
            return units;
        }
        Instant cutoff = calendar.endOf(day);
        List<String> planIds = plans.all().stream()
                .filter(p -> "ISSUED".equals(p.status()) || "CLOSED".equals(p.status()))
                .filter(p -> p.overlaps(period.start(), period.end())).map(PlanRecord::id).toList();
        if (planIds.isEmpty()) {
            return units;
        }
        for (TaskRecord task : tasks.ofPlans(planIds, cutoff)) {
            task.stateBefore(cutoff, calendar.zone())
                    .filter(state -> ScorecardFigures.inPeriod(task, state, period))
                    .ifPresent(state -> units.add(task.leadUnitCode()));
        }
        return units;
    }
}
