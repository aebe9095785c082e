package vn.giamngheo.task.task.domain;

import java.time.Instant;
import java.time.LocalDate;

/** One deadline extension (gia hạn) in a task's schedule history. */
public record DeadlineExtension(int number, LocalDate previousDueDate, LocalDate newDueDate, String reason,
                                String requestedBy, Instant extendedAt) {
}
