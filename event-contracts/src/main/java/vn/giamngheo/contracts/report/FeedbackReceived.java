package vn.giamngheo.contracts.report;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * A member of the public left feedback (ý kiến người dân) on a task ({@code TASK}: taskId, its plan and lead unit) or
 * on a commune's project ({@code COMMUNE_PROJECT}: projectName and communeCode), with a rating from 1 to 5. The
 * contact the person may have left is personal data and never leaves the report-service; {@code contactProvided}
 * says whether there is one.
 */
@EventType("report.FeedbackReceived.v1")
public record FeedbackReceived(
        String feedbackId,
        long version,
        String subjectKind,
        String taskId,
        String planId,
        String leadUnitCode,
        String projectName,
        String communeCode,
        int rating,
        String text,
        boolean contactProvided,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return feedbackId;
    }
}
