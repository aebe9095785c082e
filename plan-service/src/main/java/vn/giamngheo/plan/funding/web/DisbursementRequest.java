package vn.giamngheo.plan.funding.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/** The amount disbursed so far, in whole VND: a running total, not the amount of this payment. */
public record DisbursementRequest(
        @Schema(description = "Total VND disbursed so far")
        @NotNull @PositiveOrZero @Digits(integer = 17, fraction = 0, message = "whole VND, at most 17 digits")
        BigDecimal disbursedAmount) {
}
