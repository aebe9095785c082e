package vn.giamngheo.report.scorecard;

import java.time.LocalDate;
import vn.giamngheo.report.feedback.FeedbackSummary;
import vn.giamngheo.report.scorecard.domain.ScorecardFigures;

/**
 * A unit's scorecard (bảng đánh giá kết quả thực hiện nhiệm vụ) for a report period, evaluated on
 * {@code evaluatedOn}: the figures of {@link ScorecardFigures} and the community's feedback on the unit's tasks and
 * commune received in the period up to that day.
 */
public record Scorecard(String unitCode, String unitName, String period, LocalDate periodStart, LocalDate periodEnd,
                        LocalDate evaluatedOn, long tasksLed, long tasksCoordinated, long done, long doneOnTime,
                        long overdue, long open, Double onTimeRate, Double averageDelayDays, long coordinatedDone,
                        long coordinatedOverdue, Dissemination dissemination, FeedbackSummary feedback) {

    /** Dissemination coverage (tỷ lệ cán bộ được quán triệt): officials reached / officials, in %. */
    public record Dissemination(int tasks, long officialsReached, long officialsTotal, Double coverage) {
    }

    static Scorecard of(String unitCode, String unitName, String period, LocalDate start, LocalDate end,
                        LocalDate evaluatedOn, ScorecardFigures f, FeedbackSummary feedback) {
        return new Scorecard(unitCode, unitName, period, start, end, evaluatedOn, f.tasksLed(), f.tasksCoordinated(),
                f.done(), f.doneOnTime(), f.overdue(), f.open(), f.onTimeRate(), f.averageDelayDays(),
                f.coordinatedDone(), f.coordinatedOverdue(), new Dissemination(f.disseminationTasks(),
                        f.officialsReached(), f.officialsTotal(), f.disseminationCoverage()), feedback);
    }
}
