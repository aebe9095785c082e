package vn.giamngheo.contracts.task;

import java.math.BigDecimal;

/**
 * A measured output of a progress report, e.g. {@code {"indicator": "Số hộ được hỗ trợ nhà ở", "value": 120,
 * "unit": "hộ"}}. {@code value} is the amount reached by this report's date (cumulative), not a delta.
 */
public record QuantitativeOutput(String indicator, BigDecimal value, String unit) {
}
