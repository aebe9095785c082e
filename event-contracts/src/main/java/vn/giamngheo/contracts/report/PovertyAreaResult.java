package vn.giamngheo.contracts.report;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The official results of one area of a review. Rates are percentages of all households of the area, rounded half-up
 * to two decimals; {@code multidimensionalPovertyRate} is (poor + near-poor) / households, the rate the program's
 * targets are set on. {@code deprivations} counts, per indicator code, the area's households deprived in it.
 *
 * @param kind PROVINCE, FORMER_DISTRICT, COMMUNE, ETHNIC_GROUP or ETHNICITY (ETHNIC_MINORITY vs KINH)
 */
public record PovertyAreaResult(
        String kind,
        String code,
        String name,
        long households,
        long poor,
        long nearPoor,
        long middleIncome,
        BigDecimal poorRate,
        BigDecimal nearPoorRate,
        BigDecimal multidimensionalPovertyRate,
        Map<String, Long> deprivations) {
}
