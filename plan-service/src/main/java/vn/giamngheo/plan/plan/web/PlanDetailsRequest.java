package vn.giamngheo.plan.plan.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.giamngheo.plan.plan.domain.PlanDetails;
import vn.giamngheo.plan.plan.domain.Program;

/** The whole editable header of a draft plan. */
public record PlanDetailsRequest(
        @NotBlank @Size(max = 500) String title,
        @Schema(description = "Left out: the program stays as it is") Program program,
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, _ and - only")
        String issuingUnitCode,
        @Size(max = 64) String parentPlanId,
        @NotNull LocalDate periodStart,
        @NotNull LocalDate periodEnd) {

    PlanDetails toDetails() {
        return new PlanDetails(title, program, issuingUnitCode, parentPlanId, periodStart, periodEnd);
    }
}
