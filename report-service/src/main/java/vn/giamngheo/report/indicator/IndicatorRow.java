package vn.giamngheo.report.indicator;

import java.math.BigDecimal;
import java.util.List;
import vn.giamngheo.report.indicator.domain.IndicatorStatus;

/**
 * One indicator of a plan for one area and target year: baseline, target, the latest actual up to that year, the
 * projection to the year and the status (see the README for the rule). {@code areaCode} null = the plan's whole area.
 */
public record IndicatorRow(String planId, String planCode, String objectiveCode, String indicatorCode, String nameVi,
                           String nameEn, String unitOfMeasure, String direction, String measurementLevel,
                           String areaCode, String areaName, int year, int baselineYear, BigDecimal baselineValue,
                           BigDecimal target, ActualView latestActual, BigDecimal projectedValue,
                           IndicatorStatus status, List<ActualView> actuals) {

    /** An actual as reports show it: its year and period, value, and where it comes from. */
    public record ActualView(int year, String period, BigDecimal value, String source, String reference) {
    }
}
