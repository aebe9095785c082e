package vn.giamngheo.report.progress.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.giamngheo.report.task.domain.TaskState;

/**
 * Progress figures of a set of tasks on a given day.
 *
 * <ul>
 *   <li>{@code averagePercentComplete}: the mean percentage of the tasks that count — every task except cancelled
 *   ones — rounded to one decimal;</li>
 *   <li>{@code weightedPercentComplete}: the same mean weighted by priority (HIGH 3, NORMAL 2, LOW 1), so that the
 *   important work moves the figure more;</li>
 *   <li>{@code overdueTasks}: open tasks (neither done nor cancelled) whose due date lies before the day;</li>
 *   <li>{@code doneOnTime}: done tasks completed on or before the due date in force when they were completed.</li>
 * </ul>
 */
public record ProgressFigures(long taskCount, Map<String, Long> tasksByStatus, double averagePercentComplete,
                              double weightedPercentComplete, long overdueTasks, long doneTasks, long doneOnTime) {

    public static final List<String> STATUSES =
            List.of("PLANNED", "ASSIGNED", "IN_PROGRESS", "BLOCKED", "DONE", "CANCELLED");

    /** A task's state with the priority that weighs it. */
    public record Item(TaskState state, String priority) {
    }

    public static int weightOf(String priority) {
        if ("HIGH".equals(priority)) {
            return 3;
        }
        return "LOW".equals(priority) ? 1 : 2;
    }

    public static ProgressFigures of(Collection<Item> tasks, LocalDate day) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(s -> byStatus.put(s, 0L));
        long counted = 0;
        long percentSum = 0;
        long weightSum = 0;
        long weightedSum = 0;
        long overdue = 0;
        long done = 0;
        long onTime = 0;
        for (Item task : tasks) {
            TaskState state = task.state();
            byStatus.merge(state.status(), 1L, Long::sum);
            if (!state.isCancelled()) {
                int weight = weightOf(task.priority());
                counted++;
                percentSum += state.percentComplete();
                weightSum += weight;
                weightedSum += (long) weight * state.percentComplete();
            }
            if (state.isOverdueOn(day)) {
                overdue++;
            }
            if (state.isDone()) {
                done++;
                if (state.isDoneOnTime()) {
                    onTime++;
                }
            }
        }
        return new ProgressFigures(tasks.size(), byStatus, oneDecimal(percentSum, counted),
                oneDecimal(weightedSum, weightSum), overdue, done, onTime);
    }

    /** numerator / denominator rounded half up to one decimal; 0 when there is nothing to divide. */
    public static double oneDecimal(long numerator, long denominator) {
        return denominator == 0 ? 0 : Math.round(numerator * 10.0 / denominator) / 10.0;
    }
}
