package vn.giamngheo.report.feedback.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import vn.giamngheo.report.feedback.domain.Feedback;

/** An official's public answer; {@code answeredBy} names the official or office as the public should read it. */
public record AnswerRequest(@NotBlank @Size(max = 200) String answeredBy,
                            @NotBlank @Size(max = Feedback.MAX_RESPONSE) String response) {
}
