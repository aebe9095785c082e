package vn.giamngheo.report.submission.domain;

import java.math.BigDecimal;
import vn.giamngheo.contracts.report.SubmissionValue;

/**
 * An actual value reported for one indicator of a plan, for an area ({@code areaCode} null = the plan's whole
 * area), with an optional note on how it was obtained.
 */
public record IndicatorValue(String planId, String indicatorCode, String areaCode, BigDecimal value, String note) {

    /** The key a submission holds at most one value for. */
    public String key() {
        return planId + "|" + indicatorCode + "|" + (areaCode == null ? "" : areaCode);
    }

    SubmissionValue contract() {
        return new SubmissionValue(planId, indicatorCode, areaCode, value, note);
    }
}
