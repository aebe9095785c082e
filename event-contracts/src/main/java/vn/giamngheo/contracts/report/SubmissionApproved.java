package vn.giamngheo.contracts.report;

import java.time.Instant;
import java.util.List;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * The level above approved a submitted report (phê duyệt); its values are from now on the indicators' actuals for
 * the period. Final: an approved submission does not change.
 */
@EventType("report.SubmissionApproved.v1")
public record SubmissionApproved(
        String submissionId,
        long version,
        String unitCode,
        String period,
        int year,
        String approvedBy,
        List<SubmissionValue> values,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return submissionId;
    }
}
