package vn.giamngheo.report.feedback.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.giamngheo.report.feedback.domain.Feedback;
import vn.giamngheo.report.feedback.domain.NewFeedback;
import vn.giamngheo.report.feedback.domain.SubjectKind;

/**
 * Góp ý của người dân: on a task ({@code subjectKind TASK}, {@code taskId}) or on a commune's project
 * ({@code COMMUNE_PROJECT}, {@code projectName}, {@code communeCode}); a rating from 1 to 5, a text of at most 2,000
 * characters, optionally a contact (phone or e-mail) for an answer — it is never published.
 */
public record FeedbackRequest(
        @NotNull SubjectKind subjectKind,
        @Size(max = 64) String taskId,
        @Size(max = Feedback.MAX_PROJECT_NAME) String projectName,
        @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, _ and - only")
        String communeCode,
        @NotNull @Min(1) @Max(5) Integer rating,
        @NotBlank @Size(max = Feedback.MAX_TEXT) String text,
        @Size(max = Feedback.MAX_CONTACT) String contact) {

    NewFeedback toNewFeedback() {
        return new NewFeedback(subjectKind, taskId, projectName, communeCode, rating, text, contact);
    }
}
