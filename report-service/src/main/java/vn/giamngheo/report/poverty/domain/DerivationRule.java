package vn.giamngheo.report.poverty.domain;

import java.math.BigDecimal;

/**
 * How an indicator's flag follows from a raw answer, for the indicators where that is simple. Data, so a corrected
 * threshold is a change to the standard's file, not to code.
 *
 * @param kind      {@code AREA_PER_MEMBER_BELOW}: deprived when {@code answer / members < threshold} (housing area);
 *                  {@code SHARE_OF_MEMBERS_ABOVE}: deprived when {@code answer / members > threshold} (dependants)
 * @param answer    the raw answer it reads: {@code floorAreaM2} or {@code dependantCount}
 * @param threshold the cut-off, e.g. 8 (m² per person) or 0.5 (half of the members)
 */
public record DerivationRule(String kind, String answer, BigDecimal threshold) {

    public static final String AREA_PER_MEMBER_BELOW = "AREA_PER_MEMBER_BELOW";
    public static final String SHARE_OF_MEMBERS_ABOVE = "SHARE_OF_MEMBERS_ABOVE";
    public static final String FLOOR_AREA = "floorAreaM2";
    public static final String DEPENDANTS = "dependantCount";

    public DerivationRule {
        if (!AREA_PER_MEMBER_BELOW.equals(kind) && !SHARE_OF_MEMBERS_ABOVE.equals(kind)) {
            throw new IllegalArgumentException("Unknown derivation rule " + kind);
        }
        if (!FLOOR_AREA.equals(answer) && !DEPENDANTS.equals(answer)) {
            throw new IllegalArgumentException("Unknown raw answer " + answer);
        }
    }

    /** Compares exactly (no floating point), so 8.00 m² per person is not below 8 and exactly half is not above. */
    public boolean deprived(BigDecimal value, int members) {
        BigDecimal scaledThreshold = threshold.multiply(BigDecimal.valueOf(members));
        int comparison = value.compareTo(scaledThreshold);
        return AREA_PER_MEMBER_BELOW.equals(kind) ? comparison < 0 : comparison > 0;
    }
}
