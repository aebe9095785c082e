package vn.giamngheo.contracts.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * A unit started its periodic report (báo cáo định kỳ, Circular 10/2022 spirit) for a period: a half year
 * ({@code 2024-H1}, {@code 2024-H2}) or a year ({@code 2024}). One submission per unit and period; the id is
 * {@code SUB-<unitCode>-<period>}. {@code dueDate} is when the report is due.
 */
@EventType("report.SubmissionDrafted.v1")
public record SubmissionDrafted(
        String submissionId,
        long version,
        String unitCode,
        String period,
        String periodKind,
        int year,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate dueDate,
        List<SubmissionValue> values,
        String narrative,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return submissionId;
    }
}
