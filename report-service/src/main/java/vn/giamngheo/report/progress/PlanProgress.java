package vn.giamngheo.report.progress;

import java.util.Map;

/**
 * Progress of one plan's tasks: counts by status, the average percentage of the tasks that count (cancelled ones do
 * not), and how many open tasks are past due.
 */
public record PlanProgress(String planId, String code, String title, String status, long taskCount,
                           Map<String, Long> tasksByStatus, double averagePercentComplete, long overdueTasks) {
}
