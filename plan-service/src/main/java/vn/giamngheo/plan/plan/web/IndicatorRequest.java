package vn.giamngheo.plan.plan.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import vn.giamngheo.plan.plan.domain.Direction;
import vn.giamngheo.plan.plan.domain.IndicatorInput;
import vn.giamngheo.plan.plan.domain.MeasurementLevel;

/** An indicator (chỉ tiêu) with its baseline and, optionally, its yearly targets. */
public record IndicatorRequest(
        @Schema(description = "Unique within the plan; taken from the path when changing an indicator")
        @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, . _ and - only")
        String code,
        @Schema(description = "The objective it belongs to: from the path when adding; to move it when changing; "
                + "required for a new indicator in a revision")
        @Size(max = 32) String objectiveCode,
        @NotBlank @Size(max = 500) String nameVi,
        @Size(max = 500) String nameEn,
        @Schema(example = "%") @NotBlank @Size(max = 64) String unitOfMeasure,
        @NotNull Direction direction,
        @NotNull @Min(1900) @Max(2100) Integer baselineYear,
        @NotNull BigDecimal baselineValue,
        @NotNull MeasurementLevel measurementLevel,
        @Schema(description = "Allow targets on the wrong side of the baseline (above it for DECREASE, below it for "
                + "INCREASE)")
        Boolean allowTargetsAgainstDirection,
        @Schema(description = "Left out when changing an indicator: its targets stay as they are")
        List<@Valid @NotNull TargetRequest> targets) {

    IndicatorInput toInput() {
        return new IndicatorInput(code, objectiveCode, nameVi, nameEn, unitOfMeasure, direction, baselineYear,
                baselineValue, measurementLevel, Boolean.TRUE.equals(allowTargetsAgainstDirection),
                TargetRequest.toTargets(targets));
    }
}
