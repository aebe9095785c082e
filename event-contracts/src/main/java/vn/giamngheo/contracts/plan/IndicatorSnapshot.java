package vn.giamngheo.contracts.plan;

import java.math.BigDecimal;
import java.util.List;

/** An indicator with everything that defines it, including all its yearly targets. */
public record IndicatorSnapshot(
        String code,
        String nameVi,
        String nameEn,
        String unitOfMeasure,
        String direction,
        int baselineYear,
        BigDecimal baselineValue,
        String measurementLevel,
        boolean allowTargetsAgainstDirection,
        List<TargetSnapshot> targets) {
}
