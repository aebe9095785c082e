package vn.giamngheo.report.task.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event in a task's history as the report-service keeps it: the version, when it happened, the task's status and
 * percentage after it, the due date when the event carries one (created, extended, overdue), and for a dissemination
 * session the unit whose officials attended with its running total reached and its number of officials.
 */
public record TaskEntry(long version, Instant at, String type, String status, int percent, LocalDate dueDate,
                        String disseminationUnit, Integer officialsReached, Integer officialsTotal) {
}
