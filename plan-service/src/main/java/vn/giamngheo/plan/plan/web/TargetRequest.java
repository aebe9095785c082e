package vn.giamngheo.plan.plan.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import vn.giamngheo.plan.plan.domain.YearlyTarget;

/** A yearly target of an indicator. */
public record TargetRequest(
        @NotNull @Min(1900) @Max(2100) Integer year,
        @Schema(description = "The unit whose area the target is for (e.g. H-128); left out: the plan's whole area")
        @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, _ and - only")
        String areaCode,
        @NotNull BigDecimal value) {

    YearlyTarget toTarget() {
        return new YearlyTarget(year, areaCode, value);
    }

    static List<YearlyTarget> toTargets(List<TargetRequest> targets) {
        return targets == null ? null : targets.stream().map(TargetRequest::toTarget).toList();
    }
}
