package vn.giamngheo.plan.plan.domain;

import java.math.BigDecimal;
import java.util.Comparator;
import vn.giamngheo.contracts.plan.TargetSnapshot;

/** An indicator's target for one year, for the plan's whole area ({@code areaCode} null) or one unit's area. */
public record YearlyTarget(int year, String areaCode, BigDecimal value) {

    static final Comparator<YearlyTarget> ORDER = Comparator.comparingInt(YearlyTarget::year)
            .thenComparing(YearlyTarget::areaCode, Comparator.nullsFirst(Comparator.naturalOrder()));

    public YearlyTarget {
        areaCode = areaCode == null || areaCode.isBlank() ? null : areaCode.strip();
        value = Numbers.normalize(value);
    }

    /** How the target is named in a plan's history: the year, and the area when it has one. */
    String key() {
        return areaCode == null ? String.valueOf(year) : year + "." + areaCode;
    }

    TargetSnapshot snapshot() {
        return new TargetSnapshot(year, areaCode, value);
    }
}
