package vn.giamngheo.plan.funding.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A corrected allocated amount (whole VND) and note. */
public record AllocationChangeRequest(
        @NotNull @DecimalMin("1") @Digits(integer = 17, fraction = 0, message = "whole VND, at most 17 digits")
        BigDecimal allocatedAmount,
        @Size(max = 1000) String note) {
}
