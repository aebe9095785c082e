package vn.giamngheo.report.plan.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An indicator of a plan with its baseline and yearly targets, as the plan's events last described it. */
public record IndicatorDef(String code, String objectiveCode, String nameVi, String nameEn, String unitOfMeasure,
                           String direction, int baselineYear, BigDecimal baselineValue, String measurementLevel,
                           List<TargetDef> targets) {

    public IndicatorDef {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    public IndicatorDef withObjective(String newObjectiveCode) {
        return new IndicatorDef(code, newObjectiveCode, nameVi, nameEn, unitOfMeasure, direction, baselineYear,
                baselineValue, measurementLevel, targets);
    }

    public IndicatorDef withTargets(List<TargetDef> newTargets) {
        return new IndicatorDef(code, objectiveCode, nameVi, nameEn, unitOfMeasure, direction, baselineYear,
                baselineValue, measurementLevel, newTargets);
    }

    public Optional<TargetDef> target(int year, String areaCode) {
        return targets.stream().filter(t -> t.year() == year && Objects.equals(t.areaCode(), areaCode)).findFirst();
    }
}
