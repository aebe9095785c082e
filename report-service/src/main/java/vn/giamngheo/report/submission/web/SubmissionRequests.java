package vn.giamngheo.report.submission.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import vn.giamngheo.report.period.ReportPeriod;
import vn.giamngheo.report.submission.domain.IndicatorValue;
import vn.giamngheo.report.submission.domain.Submission;

/** The request bodies of the submission API. */
public final class SubmissionRequests {

    private SubmissionRequests() {
    }

    /** One indicator value: plan, indicator code, optional area (null = the plan's whole area), value, note. */
    public record ValueRequest(@NotBlank @Size(max = 64) String planId,
                               @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+") String indicatorCode,
                               @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+") String areaCode,
                               @NotNull BigDecimal value,
                               @Size(max = Submission.MAX_NOTE) String note) {

        IndicatorValue toValue() {
            return new IndicatorValue(planId, indicatorCode, areaCode, value, note);
        }
    }

    static List<IndicatorValue> values(List<ValueRequest> values) {
        return values == null ? List.of() : values.stream().map(ValueRequest::toValue).toList();
    }

    /** Start a unit's report for a period (2024-H1, 2024-H2 or 2024). */
    public record DraftRequest(@NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+") String unitCode,
                               @NotBlank @Pattern(regexp = ReportPeriod.PATTERN,
                                       message = "a period such as 2024-H1, 2024-H2 or 2024") String period,
                               @Size(max = Submission.MAX_VALUES) List<@Valid @NotNull ValueRequest> values,
                               @Size(max = Submission.MAX_NARRATIVE) String narrative) {
    }

    /** Replace a draft's or returned report's values and narrative. */
    public record EditRequest(@Size(max = Submission.MAX_VALUES) List<@Valid @NotNull ValueRequest> values,
                              @Size(max = Submission.MAX_NARRATIVE) String narrative) {
    }

    /** Submit to the level above; who submits is optional. */
    public record SubmitRequest(@Size(max = 200) String submittedBy) {
    }

    /** Return to the unit for corrections. */
    public record ReturnRequest(@NotBlank @Size(max = 200) String returnedBy,
                                @NotBlank @Size(max = 2000) String reason) {
    }

    /** Approve: its values become the indicators' actuals. */
    public record ApproveRequest(@NotBlank @Size(max = 200) String approvedBy) {
    }
}
