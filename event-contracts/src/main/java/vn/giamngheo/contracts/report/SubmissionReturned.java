package vn.giamngheo.contracts.report;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** The level above returned a submitted report to its unit for corrections (trả lại), with the reason. */
@EventType("report.SubmissionReturned.v1")
public record SubmissionReturned(
        String submissionId,
        long version,
        String unitCode,
        String period,
        String returnedBy,
        String reason,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return submissionId;
    }
}
