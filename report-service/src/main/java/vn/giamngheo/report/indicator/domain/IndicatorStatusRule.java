package vn.giamngheo.report.indicator.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Whether an indicator is on track to its target — a simple, documented projection:
 *
 * <ol>
 *   <li>No actual value in or before the target's year: {@code NO_DATA}; no target: {@code NO_TARGET}.</li>
 *   <li>The <b>projected value</b> for the target year Y: the latest actual if it is for Y or later; otherwise the
 *   straight line from the trend's start (the baseline, or for an area the area's earliest actual) through the latest
 *   actual, extended to Y: {@code latest + (latest − start) / (latestYear − startYear) × (Y − latestYear)}. With no
 *   earlier point to draw a line from, the latest actual itself.</li>
 *   <li>The <b>direction</b>: DECREASE (lower is better), INCREASE (higher is better), REACH (the target is a level
 *   to reach from the start: higher is better when the target lies above the start, lower when below).</li>
 *   <li>The <b>shortfall</b>: how far the projection stays on the wrong side of the target (projected − target for
 *   a decrease, target − projected for an increase). {@code ON_TRACK} when ≤ 0; {@code AT_RISK} when it is at most
 *   {@code atRiskShare} (default 10%) of the planned change |target − start|; {@code OFF_TRACK} beyond.</li>
 * </ol>
 *
 * <p>Example: poverty rate 20% in 2021 (baseline), target 10% in 2025 (DECREASE, planned change 10 points, AT_RISK
 * band 1 point). An actual of 19% in 2023 projects 18% for 2025 — OFF_TRACK. An actual of 12% in 2024 projects 9.33%
 * — ON_TRACK. An actual of 14% in 2024 projects 12% — 2 points short: OFF_TRACK; 13% projects 10.67% — AT_RISK.
 */
public final class IndicatorStatusRule {

    private static final MathContext MATH = MathContext.DECIMAL64;

    private final BigDecimal atRiskShare;

    public IndicatorStatusRule(BigDecimal atRiskShare) {
        this.atRiskShare = atRiskShare;
    }

    /**
     * @param direction DECREASE, INCREASE or REACH
     * @param start     the trend's start (baseline); may be null when unknown
     * @param latest    the latest actual in or before the target's year; null when there is none
     * @param target    the target; null when there is none
     */
    public Judgement judge(String direction, Point start, Point latest, Point target) {
        if (target == null) {
            return new Judgement(IndicatorStatus.NO_TARGET, latest == null ? null : scaled(latest.value()), null);
        }
        if (latest == null) {
            return new Judgement(IndicatorStatus.NO_DATA, null, null);
        }
        BigDecimal projected = project(start, latest, target.year());
        BigDecimal reference = start == null ? latest.value() : start.value();
        boolean lowerIsBetter = switch (direction == null ? "REACH" : direction) {
            case "DECREASE" -> true;
            case "INCREASE" -> false;
            default -> target.value().compareTo(reference) < 0;
        };
        BigDecimal shortfall = lowerIsBetter ? projected.subtract(target.value(), MATH)
                : target.value().subtract(projected, MATH);
        BigDecimal tolerance = target.value().subtract(reference, MATH).abs().multiply(atRiskShare, MATH);
        IndicatorStatus status = shortfall.signum() <= 0 ? IndicatorStatus.ON_TRACK
                : shortfall.compareTo(tolerance) <= 0 ? IndicatorStatus.AT_RISK : IndicatorStatus.OFF_TRACK;
        return new Judgement(status, scaled(projected), scaled(shortfall));
    }

    static BigDecimal project(Point start, Point latest, int year) {
        if (latest.year() >= year || start == null || start.year() >= latest.year()) {
            return latest.value();
        }
        BigDecimal slope = latest.value().subtract(start.value(), MATH)
                .divide(BigDecimal.valueOf(latest.year() - start.year()), MATH);
        return latest.value().add(slope.multiply(BigDecimal.valueOf(year - latest.year()), MATH), MATH);
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
