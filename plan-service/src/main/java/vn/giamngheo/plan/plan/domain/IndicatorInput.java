package vn.giamngheo.plan.plan.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * An indicator as a user states it. When an existing indicator is changed, a null {@code objectiveCode} keeps its
 * objective and null {@code targets} keep its targets; a new indicator needs an objective and starts with the targets
 * given (none when null).
 */
public record IndicatorInput(String code, String objectiveCode, String nameVi, String nameEn, String unitOfMeasure,
                             Direction direction, Integer baselineYear, BigDecimal baselineValue,
                             MeasurementLevel measurementLevel, boolean allowTargetsAgainstDirection,
                             List<YearlyTarget> targets) {
}
