package vn.giamngheo.plan.plan.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.InvalidInputException;

/**
 * A working copy of a plan's editable content. Draft edits and revisions apply their changes here, then the whole
 * content is checked once, so a plan is never stored with a target outside its period, a decreasing indicator's target
 * above its baseline (unless allowed), a duplicate code or an unknown area.
 *
 * <p>Errors name the request field that caused them: each change is applied with the path prefix of the part of the
 * request it came from ({@code targets[1].value} for a draft edit, {@code indicators[0].targets[1].value} in a
 * revision). A stored indicator that no part of the request touched can only be broken by a new period; its errors
 * then name {@code periodStart} or {@code periodEnd}.
 */
final class PlanEditor {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    static final int MAX_NAME = 500;
    static final int MAX_UNIT_OF_MEASURE = 64;

    private record ObjectiveSlot(String code, String nameVi, String nameEn) {
    }

    private static final class IndicatorSlot {
        private String objectiveCode;
        private Indicator indicator;
        /** Prefix of the request fields that defined the indicator in this edit; null when untouched. */
        private String fieldPrefix;
        /** Path of the request's target list that set the targets in this edit; null when untouched. */
        private String targetsPath;
    }

    String title;
    Program program;
    String issuingUnitCode;
    String parentPlanId;
    LocalDate periodStart;
    LocalDate periodEnd;
    private final Map<String, ObjectiveSlot> objectives = new LinkedHashMap<>();
    private final Map<String, IndicatorSlot> indicators = new LinkedHashMap<>();
    private final List<FieldViolation> violations = new ArrayList<>();

    PlanEditor(Plan plan) {
        title = plan.title();
        program = plan.program();
        issuingUnitCode = plan.issuingUnitCode();
        parentPlanId = plan.parentPlanId();
        periodStart = plan.periodStart();
        periodEnd = plan.periodEnd();
        for (Objective objective : plan.objectives()) {
            objectives.put(objective.code(), new ObjectiveSlot(objective.code(), objective.nameVi(),
                    objective.nameEn()));
            for (Indicator indicator : objective.indicators()) {
                IndicatorSlot slot = new IndicatorSlot();
                slot.objectiveCode = objective.code();
                slot.indicator = indicator;
                indicators.put(indicator.code(), slot);
            }
        }
    }

    boolean hasObjective(String code) {
        return objectives.containsKey(code);
    }

    boolean hasIndicator(String code) {
        return indicators.containsKey(code);
    }

    String objectiveOf(String indicatorCode) {
        return indicators.get(indicatorCode).objectiveCode;
    }

    Indicator indicator(String code) {
        return indicators.get(code).indicator;
    }

    void violation(String field, String message) {
        violations.add(new FieldViolation(field, message));
    }

    void title(String newTitle, String field) {
        if (newTitle == null || newTitle.isBlank()) {
            violation(field, "must not be blank");
        } else if (newTitle.strip().length() > MAX_NAME) {
            violation(field, "at most " + MAX_NAME + " characters");
        } else {
            title = newTitle.strip();
        }
    }

    void period(LocalDate start, LocalDate end) {
        if (start != null) {
            periodStart = start;
        }
        if (end != null) {
            periodEnd = end;
        }
        if (periodEnd.isBefore(periodStart)) {
            violation("periodEnd", "must not be before periodStart");
        }
    }

    /** Adds an objective, or renames it when {@code mayExist} and its code is already there. */
    void putObjective(ObjectiveInput input, String prefix, boolean mayExist) {
        if (input.code() == null || !CODE.matcher(input.code()).matches()) {
            violation(prefix + "code", "1 to 32 letters, digits, . _ or -");
            return;
        }
        if (!mayExist && objectives.containsKey(input.code())) {
            violation(prefix + "code", "objective " + input.code() + " already exists in this plan");
            return;
        }
        String nameVi = requireName(input.nameVi(), prefix + "nameVi");
        String nameEn = optionalName(input.nameEn(), prefix + "nameEn");
        if (nameVi != null) {
            objectives.put(input.code(), new ObjectiveSlot(input.code(), nameVi, nameEn));
        }
    }

    /** Removes an objective with its indicators; returns the codes of the indicators removed with it. */
    List<String> removeObjective(String code) {
        List<String> removed = indicators.entrySet().stream().filter(e -> e.getValue().objectiveCode.equals(code))
                .map(Map.Entry::getKey).toList();
        removed.forEach(indicators::remove);
        objectives.remove(code);
        return removed;
    }

    /**
     * Adds an indicator, or (when {@code mayExist}) redefines the one with the same code, keeping its objective and
     * targets where the input leaves them out.
     */
    void putIndicator(IndicatorInput input, String prefix, boolean mayExist) {
        String code = input.code();
        if (code == null || !CODE.matcher(code).matches()) {
            violation(prefix + "code", "1 to 32 letters, digits, . _ or -");
            return;
        }
        IndicatorSlot existing = indicators.get(code);
        if (existing != null && !mayExist) {
            violation(prefix + "code", "indicator " + code + " already exists in this plan (objective "
                    + existing.objectiveCode + ")");
            return;
        }
        int before = violations.size();
        String objectiveCode = input.objectiveCode() != null ? input.objectiveCode()
                : existing == null ? null : existing.objectiveCode;
        if (objectiveCode == null) {
            violation(prefix + "objectiveCode", "must be given for a new indicator");
        } else if (!objectives.containsKey(objectiveCode)) {
            violation(prefix + "objectiveCode", "no objective " + objectiveCode + " in this plan");
        }
        String nameVi = requireName(input.nameVi(), prefix + "nameVi");
        String nameEn = optionalName(input.nameEn(), prefix + "nameEn");
        String unitOfMeasure = input.unitOfMeasure() == null ? null : input.unitOfMeasure().strip();
        if (unitOfMeasure == null || unitOfMeasure.isEmpty()) {
            violation(prefix + "unitOfMeasure", "must not be blank");
        } else if (unitOfMeasure.length() > MAX_UNIT_OF_MEASURE) {
            violation(prefix + "unitOfMeasure", "at most " + MAX_UNIT_OF_MEASURE + " characters");
        }
        if (input.direction() == null) {
            violation(prefix + "direction", "one of DECREASE, INCREASE, REACH");
        }
        if (input.measurementLevel() == null) {
            violation(prefix + "measurementLevel", "one of PROVINCE, DISTRICT, COMMUNE, ETHNIC_GROUP");
        }
        if (input.baselineYear() == null || input.baselineYear() < 1900 || input.baselineYear() > 2100) {
            violation(prefix + "baselineYear", "a year between 1900 and 2100");
        }
        if (input.baselineValue() == null) {
            violation(prefix + "baselineValue", "must be given");
        }
        if (input.targets() != null) {
            checkTargetFields(input.targets(), prefix + "targets");
        }
        if (violations.size() > before) {
            return;
        }
        List<YearlyTarget> targets = input.targets() != null ? input.targets()
                : existing == null ? List.of() : existing.indicator.targets();
        IndicatorSlot slot = existing == null ? new IndicatorSlot() : existing;
        slot.objectiveCode = objectiveCode;
        slot.indicator = new Indicator(code, nameVi, nameEn, unitOfMeasure, input.direction(), input.baselineYear(),
                input.baselineValue(), input.measurementLevel(), input.allowTargetsAgainstDirection(), targets);
        slot.fieldPrefix = prefix;
        if (input.targets() != null) {
            slot.targetsPath = prefix + "targets";
        }
        indicators.put(code, slot);
    }

    void removeIndicator(String code) {
        indicators.remove(code);
    }

    void setTargets(String code, List<YearlyTarget> targets, String targetsPath) {
        int before = violations.size();
        checkTargetFields(targets, targetsPath);
        if (violations.size() > before) {
            return;
        }
        IndicatorSlot slot = indicators.get(code);
        slot.indicator = slot.indicator.withTargets(targets);
        slot.targetsPath = targetsPath;
    }

    /** Checks the whole content; the rules between fields, and against the units, live here. */
    void validate(UnitDirectory units) {
        if (periodStart == null || periodEnd == null || periodEnd.isBefore(periodStart)) {
            return;
        }
        int first = periodStart.getYear();
        int last = periodEnd.getYear();
        for (IndicatorSlot slot : indicators.values()) {
            Indicator indicator = slot.indicator;
            if (indicator.baselineYear() > last) {
                violation(slot.fieldPrefix != null ? slot.fieldPrefix + "baselineYear" : "periodEnd",
                        "the baseline year " + indicator.baselineYear() + " of indicator " + indicator.code()
                                + " is after the plan's period (" + first + "–" + last + ")");
            }
            Set<String> seen = new HashSet<>();
            List<YearlyTarget> targets = indicator.targets();
            for (int i = 0; i < targets.size(); i++) {
                YearlyTarget target = targets.get(i);
                String at = slot.targetsPath == null ? null : slot.targetsPath + "[" + i + "]";
                if (target.year() < first || target.year() > last) {
                    violation(at != null ? at + ".year" : target.year() < first ? "periodStart" : "periodEnd",
                            "indicator " + indicator.code() + " has a target for " + target.year()
                                    + ", outside the plan's period (" + first + "–" + last + ")");
                }
                if (at != null && !seen.add(target.key())) {
                    violation(at, "a target for " + target.year()
                            + (target.areaCode() == null ? "" : " in " + target.areaCode()) + " is given twice");
                }
                if (slot.fieldPrefix != null || at != null) {
                    checkAgainstBaseline(indicator, target, at != null ? at + ".value"
                            : slot.fieldPrefix + "baselineValue");
                }
                if (at != null && target.areaCode() != null) {
                    checkArea(units, target, at + ".areaCode");
                }
            }
        }
    }

    void requireValid() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    /** The objectives with their indicators, targets ordered by year and area. */
    List<Objective> objectives() {
        List<Objective> result = new ArrayList<>();
        for (ObjectiveSlot objective : objectives.values()) {
            List<Indicator> own = indicators.values().stream()
                    .filter(slot -> slot.objectiveCode.equals(objective.code()))
                    .map(slot -> slot.indicator.withTargets(
                            slot.indicator.targets().stream().sorted(YearlyTarget.ORDER).toList()))
                    .toList();
            result.add(new Objective(objective.code(), objective.nameVi(), objective.nameEn(), own));
        }
        return result;
    }

    private void checkAgainstBaseline(Indicator indicator, YearlyTarget target, String field) {
        // Area targets start from the area's own level, not the plan's baseline, so only plan-wide targets are held
        // to it.
        if (target.areaCode() != null || target.value() == null || indicator.allowTargetsAgainstDirection()) {
            return;
        }
        int comparison = target.value().compareTo(indicator.baselineValue());
        if (indicator.direction() == Direction.DECREASE && comparison > 0) {
            violation(field, "the " + target.year() + " target " + target.value().toPlainString()
                    + " is above the baseline " + indicator.baselineValue().toPlainString()
                    + " of decreasing indicator " + indicator.code() + "; set allowTargetsAgainstDirection to allow it");
        } else if (indicator.direction() == Direction.INCREASE && comparison < 0) {
            violation(field, "the " + target.year() + " target " + target.value().toPlainString()
                    + " is below the baseline " + indicator.baselineValue().toPlainString()
                    + " of increasing indicator " + indicator.code() + "; set allowTargetsAgainstDirection to allow it");
        }
    }

    private void checkArea(UnitDirectory units, YearlyTarget target, String field) {
        Optional<UnitDirectory.Validity> unit = units.find(target.areaCode());
        if (unit.isEmpty()) {
            violation(field, "no unit " + target.areaCode());
        } else if (!unit.get().overlaps(LocalDate.of(target.year(), 1, 1), LocalDate.of(target.year(), 12, 31))) {
            violation(field, "unit " + target.areaCode() + " did not exist in " + target.year());
        }
    }

    private void checkTargetFields(List<YearlyTarget> targets, String path) {
        for (int i = 0; i < targets.size(); i++) {
            YearlyTarget target = targets.get(i);
            if (target.year() < 1900 || target.year() > 2100) {
                violation(path + "[" + i + "].year", "a year between 1900 and 2100");
            }
            if (target.value() == null) {
                violation(path + "[" + i + "].value", "must be given");
            }
            if (target.areaCode() != null && target.areaCode().length() > 32) {
                violation(path + "[" + i + "].areaCode", "at most 32 characters");
            }
        }
    }

    private String requireName(String name, String field) {
        if (name == null || name.isBlank()) {
            violation(field, "must not be blank");
            return null;
        }
        return optionalName(name, field);
    }

    private String optionalName(String name, String field) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (name.strip().length() > MAX_NAME) {
            violation(field, "at most " + MAX_NAME + " characters");
            return null;
        }
        return name.strip();
    }
}
