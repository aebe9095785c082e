package vn.giamngheo.report.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.calendar.ProvinceCalendar;
import vn.giamngheo.report.feedback.FeedbackStore;
import vn.giamngheo.report.period.ReportPeriod;
import vn.giamngheo.report.scorecard.domain.ScorecardFigures;
import vn.giamngheo.report.task.TaskViews;
import vn.giamngheo.report.task.domain.TaskRecord;
import vn.giamngheo.report.unit.UnitViews;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.NotFoundException;

/** Unit scorecards computed at read time from the task copies and their histories. */
@Component
public class ScorecardQuery {

    private final TaskViews tasks;
    private final UnitViews units;
    private final FeedbackStore feedback;
    private final ProvinceCalendar calendar;

    public ScorecardQuery(TaskViews tasks, UnitViews units, FeedbackStore feedback, ProvinceCalendar calendar) {
        this.tasks = tasks;
        this.units = units;
        this.feedback = feedback;
        this.calendar = calendar;
    }

    /** The day a period's scorecard describes: its last day, an earlier "as of" day, or today while it runs. */
    public record Evaluation(ReportPeriod period, LocalDate day, Instant cutoff) {
    }

    public Evaluation evaluation(ReportPeriod period, LocalDate asOf) {
        LocalDate today = calendar.today();
        if (asOf != null && asOf.isAfter(today)) {
            throw new InvalidInputException("asOf", "must not lie in the future (today is " + today + ")");
        }
        LocalDate day = asOf == null ? today : asOf;
        if (period.end().isBefore(day)) {
            day = period.end();
        }
        if (day.isBefore(period.start())) {
            throw new InvalidInputException(asOf == null ? "period" : "asOf", "the period " + period.code()
                    + " had not begun on " + day);
        }
        return new Evaluation(period, day, calendar.endOf(day));
    }

    public Scorecard of(String unitCode, ReportPeriod period, LocalDate asOf) {
        Evaluation evaluation = evaluation(period, asOf);
        List<TaskRecord> unitTasks = tasks.ofUnit(unitCode, evaluation.cutoff());
        var unit = units.find(unitCode);
        if (unit.isEmpty() && unitTasks.isEmpty()) {
            throw new NotFoundException("Unit", unitCode);
        }
        return scorecard(unitCode, unit.map(UnitViews.UnitView::nameVi).orElse(null), unitTasks, evaluation);
    }

    /** Every unit that leads, coordinates or had officials reached by a task in the period, by unit code. */
    public List<Scorecard> all(ReportPeriod period, LocalDate asOf) {
        Evaluation evaluation = evaluation(period, asOf);
        List<ScorecardFigures.Stated> stated = ScorecardFigures.states(tasks.all(evaluation.cutoff()),
                evaluation.cutoff(), calendar.zone());
        Map<String, List<ScorecardFigures.Stated>> byUnit = new TreeMap<>();
        for (ScorecardFigures.Stated s : stated) {
            Set<String> involved = new HashSet<>(s.task().coordinatingUnitCodes());
            involved.addAll(s.state().dissemination().keySet());
            if (s.task().leadUnitCode() != null) {
                involved.add(s.task().leadUnitCode());
            }
            involved.forEach(unit -> byUnit.computeIfAbsent(unit, k -> new ArrayList<>()).add(s));
        }
        Map<String, String> names = units.namesOf(byUnit.keySet());
        List<Scorecard> result = new ArrayList<>();
        byUnit.forEach((code, unitTasks) -> {
            ScorecardFigures figures = ScorecardFigures.of(code, unitTasks, period, evaluation.day());
            if (figures.tasksLed() + figures.tasksCoordinated() + figures.disseminationTasks() > 0) {
                result.add(scorecard(code, names.get(code), figures, evaluation));
            }
        });
        return result;
    }

    private Scorecard scorecard(String unitCode, String unitName, List<TaskRecord> unitTasks, Evaluation evaluation) {
        return scorecard(unitCode, unitName, ScorecardFigures.of(unitCode, unitTasks, evaluation.period(),
                evaluation.cutoff(), evaluation.day(), calendar.zone()), evaluation);
    }

    private Scorecard scorecard(String unitCode, String unitName, ScorecardFigures figures, Evaluation evaluation) {
        ReportPeriod period = evaluation.period();
        return Scorecard.of(unitCode, unitName, period.code(), period.start(), period.end(), evaluation.day(),
                figures, feedback.forUnit(unitCode, calendar.endOf(period.start().minusDays(1)),
                        evaluation.cutoff()));
    }
}
