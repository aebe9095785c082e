package vn.giamngheo.report.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.giamngheo.report.feedback.FeedbackSummary;
import vn.giamngheo.report.progress.domain.ProgressFigures;

/**
 * Progress of one plan: its own tasks (counts by status, the average percentage of the tasks that count — cancelled
 * ones do not —, the priority-weighted percentage, open tasks past due, tasks done on time), the community's feedback
 * on them, the same figures rolled up over the plan and every plan below it, and each direct sub-plan's roll-up.
 *
 * @param asOf the day the figures describe when asked "as of" a past date; null for now
 */
public record PlanProgress(String planId, String code, String title, String kind, String status, LocalDate asOf,
                           long taskCount, Map<String, Long> tasksByStatus, double averagePercentComplete,
                           double weightedPercentComplete, long overdueTasks, long doneTasks, long doneOnTime,
                           FeedbackSummary feedback, Rollup rollup, List<SubPlan> children) {

    /** The plan and every plan below it, together. */
    public record Rollup(int planCount, long taskCount, Map<String, Long> tasksByStatus,
                         double averagePercentComplete, double weightedPercentComplete, long overdueTasks,
                         long doneTasks, long doneOnTime, FeedbackSummary feedback) {

        static Rollup of(int planCount, ProgressFigures f, FeedbackSummary feedback) {
            return new Rollup(planCount, f.taskCount(), f.tasksByStatus(), f.averagePercentComplete(),
                    f.weightedPercentComplete(), f.overdueTasks(), f.doneTasks(), f.doneOnTime(), feedback);
        }
    }

    /** A direct sub-plan with the roll-up of its own subtree. */
    public record SubPlan(String planId, String code, String title, String kind, String status, int planCount,
                          long taskCount, double averagePercentComplete, double weightedPercentComplete,
                          long overdueTasks, long doneTasks) {
    }
}
