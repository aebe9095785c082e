package vn.giamngheo.report.feedback.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import vn.giamngheo.report.feedback.domain.Feedback;
import vn.giamngheo.support.outbox.Versioned;

/**
 * A feedback. The sender's contact is personal data: {@code contact} is only filled in for those who answer (the
 * administrator and the officers of the units it is addressed to) and only when one feedback is read; lists, summaries
 * and the public never see it. {@code contactProvided} says whether officials have one to answer privately.
 */
public record FeedbackResponse(String id, long version, String subjectKind, String taskId, String planId,
                               String leadUnitCode, String projectName, String communeCode, int rating, String text,
                               boolean contactProvided, @JsonInclude(JsonInclude.Include.NON_NULL) String contact,
                               String status, Instant receivedAt, String answeredBy, String response,
                               Instant answeredAt) {

    /** Without the contact. */
    static FeedbackResponse of(Versioned<Feedback> versioned) {
        return of(versioned, false);
    }

    static FeedbackResponse of(Versioned<Feedback> versioned, boolean withContact) {
        Feedback f = versioned.state();
        return new FeedbackResponse(f.id(), versioned.version(), f.subjectKind().name(), f.taskId(), f.planId(),
                f.leadUnitCode(), f.projectName(), f.communeCode(), f.rating(), f.text(), f.contact() != null,
                withContact ? f.contact() : null, f.status().name(), f.receivedAt(), f.answeredBy(), f.response(),
                f.answeredAt());
    }
}
