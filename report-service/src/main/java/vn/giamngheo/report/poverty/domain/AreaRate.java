package vn.giamngheo.report.poverty.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The official results of one area: households, poor, near-poor, middle-income, the poor and near-poor rates, the
 * multidimensional poverty rate (poor + near-poor) / households, and per indicator how many households are deprived.
 * Rates are percentages rounded half-up to two decimals; an area without households has rates of 0.
 */
public record AreaRate(AreaKind kind, String code, String name, long households, long poor, long nearPoor,
                       long middleIncome, BigDecimal poorRate, BigDecimal nearPoorRate,
                       BigDecimal multidimensionalPovertyRate, Map<String, Long> deprivations) {

    public static AreaRate of(AreaKind kind, String code, String name, long households, long poor, long nearPoor,
                              long middleIncome, Map<String, Long> deprivations) {
        return new AreaRate(kind, code, name, households, poor, nearPoor, middleIncome, percent(poor, households),
                percent(nearPoor, households), percent(poor + nearPoor, households),
                Collections.unmodifiableMap(new LinkedHashMap<>(deprivations)));
    }

    public static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
