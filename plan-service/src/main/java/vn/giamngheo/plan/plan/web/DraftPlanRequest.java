package vn.giamngheo.plan.plan.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.giamngheo.plan.plan.domain.NewPlan;
import vn.giamngheo.plan.plan.domain.PlanKind;
import vn.giamngheo.plan.plan.domain.Program;

public record DraftPlanRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[\\p{L}\\p{N}/._-]+", message = "letters, digits and / . _ - only")
        String code,
        @NotBlank @Size(max = 500) String title,
        @NotNull PlanKind kind,
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, _ and - only")
        String issuingUnitCode,
        @Size(max = 64) String parentPlanId,
        @NotNull LocalDate periodStart,
        @NotNull LocalDate periodEnd,
        @Schema(description = "The national target program; SUSTAINABLE_POVERTY_REDUCTION when left out")
        Program program) {

    NewPlan toNewPlan() {
        return new NewPlan(code, title, kind, issuingUnitCode, parentPlanId, periodStart, periodEnd, program);
    }
}
