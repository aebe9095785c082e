package vn.giamngheo.contracts.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * A unit submitted its report to the level above ({@code submissionCount} 1 the first time, 2, 3 … after returns).
 * {@code late} and {@code daysLate} compare {@code submittedOn} (the province's calendar) with {@code dueDate}.
 */
@EventType("report.SubmissionSubmitted.v1")
public record SubmissionSubmitted(
        String submissionId,
        long version,
        String unitCode,
        String period,
        LocalDate dueDate,
        LocalDate submittedOn,
        boolean late,
        int daysLate,
        int submissionCount,
        String submittedBy,
        List<SubmissionValue> values,
        String narrative,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return submissionId;
    }
}
