package vn.giamngheo.task.task.domain;

import java.time.Instant;
import java.time.LocalDate;
import vn.giamngheo.contracts.Actor;

/**
 * One deadline extension (gia hạn) in a task's schedule history.
 *
 * @param requestedBy who asked for it, as the user wrote it (a unit, an official or the document that asked)
 * @param extendedBy  who recorded it in the system; null for extensions stored before that was recorded
 */
public record DeadlineExtension(int number, LocalDate previousDueDate, LocalDate newDueDate, String reason,
                                String requestedBy, Instant extendedAt, Actor extendedBy) {
}
