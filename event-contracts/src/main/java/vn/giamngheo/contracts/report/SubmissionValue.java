package vn.giamngheo.contracts.report;

import java.math.BigDecimal;

/**
 * One indicator value in a periodic report submission: the plan and indicator it measures, the area it is for (null =
 * the plan's whole area), the value in the indicator's unit of measure and an optional explanation.
 */
public record SubmissionValue(String planId, String indicatorCode, String areaCode, BigDecimal value, String note) {
}
