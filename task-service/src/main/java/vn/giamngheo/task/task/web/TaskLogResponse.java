package vn.giamngheo.task.task.web;

import java.util.List;

/**
 * One of a task's append-only logs (progress reports, deadline extensions, the audit trail), oldest first, at the
 * task's version.
 */
public record TaskLogResponse<T>(String taskId, long version, List<T> items) {
}
