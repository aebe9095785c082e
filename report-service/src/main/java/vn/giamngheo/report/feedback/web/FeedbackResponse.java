package vn.giamngheo.report.feedback.web;

import java.time.Instant;
import vn.giamngheo.report.feedback.domain.Feedback;
import vn.giamngheo.support.outbox.Versioned;

/**
 * A feedback as the public sees it. The contact is not shown: without authentication every reader is the public, and
 * a contact is personal data; {@code contactProvided} says whether officials have one to answer privately.
 */
public record FeedbackResponse(String id, long version, String subjectKind, String taskId, String planId,
                               String leadUnitCode, String projectName, String communeCode, int rating, String text,
                               boolean contactProvided, String status, Instant receivedAt, String answeredBy,
                               String response, Instant answeredAt) {

    static FeedbackResponse of(Versioned<Feedback> versioned) {
        Feedback f = versioned.state();
        return new FeedbackResponse(f.id(), versioned.version(), f.subjectKind().name(), f.taskId(), f.planId(),
                f.leadUnitCode(), f.projectName(), f.communeCode(), f.rating(), f.text(), f.contact() != null,
                f.status().name(), f.receivedAt(), f.answeredBy(), f.response(), f.answeredAt());
    }
}
