package vn.giamngheo.plan.plan.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.plan.plan.domain.PlanRevision;
import vn.giamngheo.plan.plan.domain.Program;

/** A revision of an issued plan: why, and what changes. Parts left out change nothing. */
public record RevisionRequest(
        @NotBlank @Size(max = 2000) String reason,
        @Schema(description = "The document that decided the revision, e.g. 12/KH-UBND")
        @Size(max = 64) String documentCode,
        @Schema(description = "Date of the revision; today when left out") LocalDate revisedOn,
        @Size(max = 500) String title,
        Program program,
        LocalDate periodStart,
        LocalDate periodEnd,
        @Schema(description = "Objectives to add or rename (by code)")
        List<@Valid @NotNull ObjectiveRequest> objectives,
        List<@NotBlank String> removedObjectiveCodes,
        @Schema(description = "Indicators to add or redefine (by code); targets left out stay as they are")
        List<@Valid @NotNull IndicatorRequest> indicators,
        List<@NotBlank String> removedIndicatorCodes,
        @Schema(description = "New yearly targets, replacing each named indicator's targets")
        List<@Valid @NotNull TargetSetRequest> targets) {

    PlanRevision toRevision() {
        return new PlanRevision(reason, documentCode, revisedOn, title, program, periodStart, periodEnd,
                objectives == null ? null : objectives.stream().map(ObjectiveRequest::toInput).toList(),
                removedObjectiveCodes,
                indicators == null ? null : indicators.stream().map(IndicatorRequest::toInput).toList(),
                removedIndicatorCodes,
                targets == null ? null : targets.stream().map(TargetSetRequest::toSet).toList());
    }
}
