package vn.giamngheo.contracts.report;

import java.time.Instant;
import java.util.List;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** A draft (or returned) submission's values or narrative were edited; carries all values after the edit. */
@EventType("report.SubmissionDraftChanged.v1")
public record SubmissionDraftChanged(
        String submissionId,
        long version,
        String unitCode,
        String period,
        List<SubmissionValue> values,
        String narrative,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return submissionId;
    }
}
