package vn.giamngheo.plan.funding.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import vn.giamngheo.plan.funding.domain.FundingSource;
import vn.giamngheo.plan.funding.domain.NewAllocation;
import vn.giamngheo.plan.plan.domain.Program;

/** Funds allocated to a plan; amounts in whole VND. */
public record AllocationRequest(
        @Schema(description = "The plan's objective the money serves; left out: the plan as a whole")
        @Size(max = 32) String objectiveCode,
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, _ and - only")
        String unitCode,
        @NotNull FundingSource source,
        @Schema(description = "Left out: the integrated program for INTEGRATED_* sources, else the plan's program")
        Program program,
        @NotNull @Min(1900) @Max(2100) Integer year,
        @Schema(description = "VND, a whole number", example = "12500000000")
        @NotNull @DecimalMin("1") @Digits(integer = 17, fraction = 0, message = "whole VND, at most 17 digits")
        BigDecimal allocatedAmount,
        @Schema(description = "VND disbursed so far; 0 when left out")
        @PositiveOrZero @Digits(integer = 17, fraction = 0, message = "whole VND, at most 17 digits")
        BigDecimal disbursedAmount,
        @Size(max = 1000) String note) {

    NewAllocation toNewAllocation(String planId) {
        return new NewAllocation(planId, objectiveCode, unitCode, source, program, year,
                allocatedAmount.longValueExact(), disbursedAmount == null ? 0 : disbursedAmount.longValueExact(),
                note);
    }
}
