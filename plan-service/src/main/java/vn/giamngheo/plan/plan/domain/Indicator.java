package vn.giamngheo.plan.plan.domain;

import java.math.BigDecimal;
import java.util.List;
import vn.giamngheo.contracts.plan.IndicatorSnapshot;

/**
 * An indicator (chỉ tiêu) of an objective: what is measured, in which unit, which way it should move from its
 * baseline, where it is measured, and its yearly targets (ordered by year, then area).
 *
 * @param allowTargetsAgainstDirection set when targets may lie on the wrong side of the baseline (above it for a
 *                                     decreasing indicator, below it for an increasing one) on purpose
 */
public record Indicator(String code, String nameVi, String nameEn, String unitOfMeasure, Direction direction,
                        int baselineYear, BigDecimal baselineValue, MeasurementLevel measurementLevel,
                        boolean allowTargetsAgainstDirection, List<YearlyTarget> targets) {

    public Indicator {
        baselineValue = Numbers.normalize(baselineValue);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    Indicator withTargets(List<YearlyTarget> newTargets) {
        return new Indicator(code, nameVi, nameEn, unitOfMeasure, direction, baselineYear, baselineValue,
                measurementLevel, allowTargetsAgainstDirection, newTargets);
    }

    IndicatorSnapshot snapshot() {
        return new IndicatorSnapshot(code, nameVi, nameEn, unitOfMeasure, direction.name(), baselineYear,
                baselineValue, measurementLevel.name(), allowTargetsAgainstDirection,
                targets.stream().map(YearlyTarget::snapshot).toList());
    }
}
