package vn.giamngheo.contracts.report;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** An official answered a feedback (trả lời ý kiến), publicly. */
@EventType("report.FeedbackAnswered.v1")
public record FeedbackAnswered(
        String feedbackId,
        long version,
        String subjectKind,
        String taskId,
        String planId,
        String communeCode,
        String answeredBy,
        String response,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return feedbackId;
    }
}
