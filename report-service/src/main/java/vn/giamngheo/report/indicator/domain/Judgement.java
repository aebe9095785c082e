package vn.giamngheo.report.indicator.domain;

import java.math.BigDecimal;

/**
 * The outcome of the status rule: the status, the value projected for the target's year (null without data) and how
 * far the projection falls short of the target in the indicator's direction (negative or zero = met).
 */
public record Judgement(IndicatorStatus status, BigDecimal projectedValue, BigDecimal shortfall) {
}
