package vn.giamngheo.plan.plan.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.giamngheo.support.domain.Change;

/** Plans and units for the domain tests: Plan 61/KH-UBND (2022–2025) with the province's headline indicator. */
final class PlanFixtures {

    static final Instant NOW = Instant.parse("2022-03-03T02:00:00Z");

    static final UnitDirectory UNITS = code -> Optional.ofNullable(Map.of(
            "UBND-14", new UnitDirectory.Validity(LocalDate.of(2021, 1, 1), null),
            "H-128", new UnitDirectory.Validity(LocalDate.of(2021, 1, 1), LocalDate.of(2025, 6, 30)),
            "SAMPLE-XM-VAN-HO", new UnitDirectory.Validity(LocalDate.of(2025, 7, 1), null)).get(code));

    static final NewPlan PLAN_61 = new NewPlan("61/KH-UBND", "Kế hoạch thực hiện Nghị quyết 20-NQ/TU",
            PlanKind.PROGRAM_PLAN, "UBND-14", null, LocalDate.of(2022, 3, 3), LocalDate.of(2025, 12, 31));

    private PlanFixtures() {
    }

    static YearlyTarget target(int year, String value) {
        return new YearlyTarget(year, null, new BigDecimal(value));
    }

    static YearlyTarget target(int year, String area, String value) {
        return new YearlyTarget(year, area, new BigDecimal(value));
    }

    /** The multidimensional poverty rate: 21.66% in 2021, down 1.5 points a year. */
    static IndicatorInput povertyRate(List<YearlyTarget> targets) {
        return new IndicatorInput("TL-HN", null, "Tỷ lệ hộ nghèo đa chiều", "Multidimensional poverty rate", "%",
                Direction.DECREASE, 2021, new BigDecimal("21.66"), MeasurementLevel.PROVINCE, false, targets);
    }

    static ObjectiveInput objective(String code) {
        return new ObjectiveInput(code, "Giảm tỷ lệ hộ nghèo đa chiều bền vững", "Sustainably reduce poverty");
    }

    /** A draft with objective MT-1 and indicator TL-HN (targets 2022–2025), at version 3. */
    static Plan draftWithIndicator() {
        Plan plan = Plan.draft("p1", PLAN_61, NOW).state();
        plan = plan.addObjective(1, objective("MT-1"), NOW).state();
        return plan.addIndicator(2, "MT-1", povertyRate(List.of(target(2022, "20.16"), target(2023, "18.66"),
                target(2024, "17.16"), target(2025, "15.66"))), UNITS, NOW).state();
    }

    static Change<Plan> issue(Plan draft, long version) {
        return draft.issue(version, LocalDate.of(2022, 3, 3), NOW);
    }
}
