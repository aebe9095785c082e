package vn.giamngheo.report.scorecard.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import vn.giamngheo.report.period.ReportPeriod;
import vn.giamngheo.report.progress.domain.ProgressFigures;
import vn.giamngheo.report.task.domain.Reach;
import vn.giamngheo.report.task.domain.TaskRecord;
import vn.giamngheo.report.task.domain.TaskState;

/**
 * A unit's scorecard figures for a report period, evaluated on a day (the period's last day, or an earlier "as of"
 * day, or today while the period runs), from the tasks' states on that day.
 *
 * <p>A task is <b>in the period</b> when it existed on the day, was not cancelled by then, had started by the
 * period's end, and was not already done before the period began. Of the tasks in the period the unit leads:
 * {@code done} (done by the day), {@code doneOnTime} (done on or before the due date in force at completion),
 * {@code overdue} (open and past due on the day), {@code averageDelayDays} (mean days done tasks were completed after
 * their due date, on-time ones counting 0). Coordinated tasks are counted separately. Dissemination coverage: over the
 * dissemination tasks in the period that reached this unit's officials (whatever the unit's role), officials reached
 * so far / the unit's officials, summed over the tasks.
 */
public record ScorecardFigures(long tasksLed, long tasksCoordinated, long done, long doneOnTime, long overdue,
                               long open, Double onTimeRate, Double averageDelayDays, long coordinatedDone,
                               long coordinatedOverdue, int disseminationTasks, long officialsReached,
                               long officialsTotal, Double disseminationCoverage) {

    /** A task with its state on the evaluation day, folded once however many units' scorecards it appears in. */
    public record Stated(TaskRecord task, TaskState state) {
    }

    /** The states of the tasks that existed on the evaluation day (before {@code cutoff}). */
    public static List<Stated> states(Collection<TaskRecord> tasks, Instant cutoff, ZoneId zone) {
        List<Stated> stated = new ArrayList<>();
        for (TaskRecord task : tasks) {
            task.stateBefore(cutoff, zone).ifPresent(state -> stated.add(new Stated(task, state)));
        }
        return stated;
    }

    public static ScorecardFigures of(String unitCode, Collection<TaskRecord> tasks, ReportPeriod period,
                                      Instant cutoff, LocalDate day, ZoneId zone) {
        return of(unitCode, states(tasks, cutoff, zone), period, day);
    }

    /** Whether the unit leads, coordinates or had officials reached by the task. */
    public static boolean involves(Stated stated, String unitCode) {
        return stated.task().isLedBy(unitCode) || stated.task().isCoordinatedBy(unitCode)
                || stated.state().dissemination().containsKey(unitCode);
    }

    public static ScorecardFigures of(String unitCode, List<Stated> tasks, ReportPeriod period, LocalDate day) {
        long led = 0;
        long coordinated = 0;
        long done = 0;
        long onTime = 0;
        long overdue = 0;
        long open = 0;
        long delaySum = 0;
        long coordinatedDone = 0;
        long coordinatedOverdue = 0;
        int disseminationTasks = 0;
        long reached = 0;
        long total = 0;
        for (Stated stated : tasks) {
            TaskRecord task = stated.task();
            TaskState state = stated.state();
            if (!inPeriod(task, state, period)) {
                continue;
            }
            if (task.isLedBy(unitCode)) {
                led++;
                if (state.isDone()) {
                    done++;
                    delaySum += state.delayDays();
                    if (state.isDoneOnTime()) {
                        onTime++;
                    }
                } else {
                    open++;
                    if (state.isOverdueOn(day)) {
                        overdue++;
                    }
                }
            } else if (task.isCoordinatedBy(unitCode)) {
                coordinated++;
                if (state.isDone()) {
                    coordinatedDone++;
                } else if (state.isOverdueOn(day)) {
                    coordinatedOverdue++;
                }
            }
            Reach reach = state.dissemination().get(unitCode);
            if (reach != null) {
                disseminationTasks++;
                reached += reach.reached();
                total += reach.total();
            }
        }
        return new ScorecardFigures(led, coordinated, done, onTime, overdue, open, percent(onTime, done),
                done == 0 ? null : ProgressFigures.oneDecimal(delaySum, done), coordinatedDone, coordinatedOverdue,
                disseminationTasks, reached, total, percent(reached, total));
    }

    public static boolean inPeriod(TaskRecord task, TaskState state, ReportPeriod period) {
        if (state.isCancelled()) {
            return false;
        }
        if (task.startDate() != null && task.startDate().isAfter(period.end())) {
            return false;
        }
        return !(state.isDone() && state.completedOn() != null && state.completedOn().isBefore(period.start()));
    }

    private static Double percent(long part, long whole) {
        return whole == 0 ? null : ProgressFigures.oneDecimal(part * 100, whole);
    }
}
