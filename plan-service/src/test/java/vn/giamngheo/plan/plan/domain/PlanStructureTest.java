package vn.giamngheo.plan.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.giamngheo.plan.plan.domain.PlanFixtures.NOW;
import static vn.giamngheo.plan.plan.domain.PlanFixtures.PLAN_61;
import static vn.giamngheo.plan.plan.domain.PlanFixtures.UNITS;
import static vn.giamngheo.plan.plan.domain.PlanFixtures.draftWithIndicator;
import static vn.giamngheo.plan.plan.domain.PlanFixtures.objective;
import static vn.giamngheo.plan.plan.domain.PlanFixtures.povertyRate;
import static vn.giamngheo.plan.plan.domain.PlanFixtures.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.plan.IndicatorAdded;
import vn.giamngheo.contracts.plan.IndicatorChanged;
import vn.giamngheo.contracts.plan.IndicatorRemoved;
import vn.giamngheo.contracts.plan.IndicatorTargetsSet;
import vn.giamngheo.contracts.plan.ObjectiveAdded;
import vn.giamngheo.contracts.plan.ObjectiveChanged;
import vn.giamngheo.contracts.plan.ObjectiveRemoved;
import vn.giamngheo.contracts.plan.PlanDetailsChanged;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.NotFoundException;
import vn.giamngheo.support.domain.StateConflictException;

/** Objectives, indicators and targets of a draft plan, and the rules they must meet. */
class PlanStructureTest {

    @Test
    void objectives_and_indicators_are_added_each_as_one_event_that_carries_the_plans_status() {
        // given
        Plan draft = Plan.draft("p1", PLAN_61, NOW).state();

        // when
        Change<Plan> objective = draft.addObjective(1, objective("MT-1"), NOW);
        Change<Plan> indicator = objective.state().addIndicator(2, "MT-1", povertyRate(List.of(
                target(2023, "18.660"), target(2022, "20.16"), target(2024, "H-128", "40"))), UNITS, NOW);

        // then
        assertThat(objective.event()).isInstanceOfSatisfying(ObjectiveAdded.class, e -> {
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.objectiveCode()).isEqualTo("MT-1");
            assertThat(e.status()).isEqualTo("DRAFT");
        });
        assertThat(indicator.event()).isInstanceOfSatisfying(IndicatorAdded.class, e -> {
            assertThat(e.version()).isEqualTo(3);
            assertThat(e.objectiveCode()).isEqualTo("MT-1");
            assertThat(e.indicator().direction()).isEqualTo("DECREASE");
            assertThat(e.indicator().targets()).extracting(t -> t.year() + "/" + t.areaCode() + "/" + t.value())
                    .containsExactly("2022/null/20.16", "2023/null/18.66", "2024/H-128/40");
            assertThat(e.status()).isEqualTo("DRAFT");
        });
        Plan plan = indicator.state();
        assertThat(plan.objectives()).singleElement().satisfies(o ->
                assertThat(o.indicators()).extracting(Indicator::code).containsExactly("TL-HN"));
        assertThat(plan.history()).extracting(HistoryEntry::action).containsExactly(PlanAction.DRAFTED,
                PlanAction.OBJECTIVE_ADDED, PlanAction.INDICATOR_ADDED);
        assertThat(plan.history().get(2).changes()).extracting(FieldChange::path)
                .contains("indicators.TL-HN", "indicators.TL-HN.targets.2022", "indicators.TL-HN.targets.2024.H-128");
    }

    @Test
    void targets_outside_the_period_and_above_a_decreasing_baseline_are_refused_with_their_fields_named() {
        // given
        Plan plan = Plan.draft("p1", PLAN_61, NOW).state().addObjective(1, objective("MT-1"), NOW).state();
        IndicatorInput bad = povertyRate(List.of(target(2021, "20"), target(2024, "22.5"), target(2026, "10"),
                target(2024, "22.5")));

        // when / then
        assertThatThrownBy(() -> plan.addIndicator(2, "MT-1", bad, UNITS, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactly("targets[0].year", "targets[1].value", "targets[2].year", "targets[3]",
                                "targets[3].value"));
    }

    @Test
    void targets_against_the_direction_pass_when_explicitly_allowed_and_area_targets_are_not_held_to_the_baseline() {
        // given
        Plan plan = Plan.draft("p1", PLAN_61, NOW).state().addObjective(1, objective("MT-1"), NOW).state();
        IndicatorInput allowed = new IndicatorInput("TL-HN", null, "Tỷ lệ hộ nghèo đa chiều", null, "%",
                Direction.DECREASE, 2021, new BigDecimal("21.66"), MeasurementLevel.PROVINCE, true,
                List.of(target(2022, "23")));
        IndicatorInput coverage = new IndicatorInput("BHYT", null, "Tỷ lệ người tham gia bảo hiểm y tế", null, "%",
                Direction.INCREASE, 2021, new BigDecimal("95"), MeasurementLevel.PROVINCE, false,
                List.of(target(2022, "94"), target(2023, "H-128", "80")));

        // when
        Change<Plan> added = plan.addIndicator(2, "MT-1", allowed, UNITS, NOW);

        // then
        assertThat(added.state().indicator("TL-HN")).isPresent();
        assertThatThrownBy(() -> added.state().addIndicator(3, "MT-1", coverage, UNITS, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("targets[0].value");
                            assertThat(v.message()).contains("below the baseline 95");
                        }));
    }

    @Test
    void codes_are_unique_within_a_plan_and_target_areas_must_exist_in_the_targets_year() {
        // given
        Plan plan = draftWithIndicator();
        IndicatorInput sameCode = povertyRate(List.of());
        IndicatorInput areas = new IndicatorInput("TL-HN-DTTS", null, "Tỷ lệ hộ nghèo dân tộc thiểu số", null, "%",
                Direction.DECREASE, 2021, new BigDecimal("30"), MeasurementLevel.ETHNIC_GROUP, false,
                List.of(target(2025, "H-128", "25"), target(2025, "SAMPLE-XM-VAN-HO", "24"),
                        target(2024, "SAMPLE-XM-VAN-HO", "26"), target(2024, "H-999", "1")));

        // then
        assertThatThrownBy(() -> plan.addObjective(3, objective("MT-1"), NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("code"));
        assertThatThrownBy(() -> plan.addIndicator(3, "MT-1", sameCode, UNITS, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::message)
                        .containsExactly("indicator TL-HN already exists in this plan (objective MT-1)"));
        assertThatThrownBy(() -> plan.addIndicator(3, "MT-1", areas, UNITS, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field, FieldViolation::message).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("targets[2].areaCode",
                                        "unit SAMPLE-XM-VAN-HO did not exist in 2024"),
                                org.assertj.core.groups.Tuple.tuple("targets[3].areaCode", "no unit H-999")));
        assertThatThrownBy(() -> plan.addIndicator(3, "MT-9", sameCode, UNITS, NOW))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void targets_are_replaced_as_a_whole_and_the_same_targets_again_change_nothing() {
        // given
        Plan plan = draftWithIndicator();
        List<YearlyTarget> revised = List.of(target(2022, "20"), target(2023, "18.5"), target(2024, "H-128", "35"));

        // when
        Change<Plan> set = plan.setTargets(3, "TL-HN", revised, UNITS, NOW).orElseThrow();
        Optional<Change<Plan>> again = set.state().setTargets(4, "TL-HN", List.of(target(2024, "H-128", "35.0"),
                target(2022, "20.00"), target(2023, "18.5")), UNITS, NOW);

        // then
        assertThat(set.event()).isInstanceOfSatisfying(IndicatorTargetsSet.class, e -> {
            assertThat(e.version()).isEqualTo(4);
            assertThat(e.targets()).hasSize(3);
            assertThat(e.status()).isEqualTo("DRAFT");
        });
        assertThat(set.state().history().get(3).changes()).extracting(FieldChange::path, FieldChange::before,
                FieldChange::after).contains(
                org.assertj.core.groups.Tuple.tuple("indicators.TL-HN.targets.2022", "20.16", "20"),
                org.assertj.core.groups.Tuple.tuple("indicators.TL-HN.targets.2025", "15.66", null),
                org.assertj.core.groups.Tuple.tuple("indicators.TL-HN.targets.2024.H-128", null, "35"));
        assertThat(again).isEmpty();
    }

    @Test
    void an_indicator_is_redefined_moved_and_removed_and_an_objective_takes_its_indicators_with_it() {
        // given
        Plan plan = draftWithIndicator().addObjective(3, objective("MT-2"), NOW).state();
        IndicatorInput baselineLowered = new IndicatorInput(null, "MT-2", "Tỷ lệ hộ nghèo đa chiều", null, "%",
                Direction.DECREASE, 2021, new BigDecimal("16"), MeasurementLevel.PROVINCE, false, null);
        IndicatorInput moved = new IndicatorInput(null, "MT-2", "Tỷ lệ hộ nghèo đa chiều (%)", null, "%",
                Direction.DECREASE, 2021, new BigDecimal("21.66"), MeasurementLevel.PROVINCE, false, null);

        // when
        Change<Plan> changed = plan.changeIndicator(4, "TL-HN", moved, UNITS, NOW).orElseThrow();
        Change<Plan> renamed = changed.state().changeObjective(5, "MT-2", "Mục tiêu 2", null, NOW).orElseThrow();
        Change<Plan> removedObjective = renamed.state().removeObjective(6, "MT-2", NOW);
        Change<Plan> removedIndicator = changed.state().removeIndicator(5, "TL-HN", NOW);

        // then
        assertThatThrownBy(() -> plan.changeIndicator(4, "TL-HN", baselineLowered, UNITS, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsOnly("baselineValue"));
        assertThat(changed.event()).isInstanceOfSatisfying(IndicatorChanged.class, e -> {
            assertThat(e.objectiveCode()).isEqualTo("MT-2");
            assertThat(e.indicator().targets()).hasSize(4);
        });
        assertThat(renamed.event()).isInstanceOfSatisfying(ObjectiveChanged.class,
                e -> assertThat(e.nameVi()).isEqualTo("Mục tiêu 2"));
        assertThat(removedObjective.event()).isInstanceOfSatisfying(ObjectiveRemoved.class,
                e -> assertThat(e.removedIndicatorCodes()).containsExactly("TL-HN"));
        assertThat(removedObjective.state().indicator("TL-HN")).isEmpty();
        assertThat(removedIndicator.event()).isInstanceOfSatisfying(IndicatorRemoved.class,
                e -> assertThat(e.objectiveCode()).isEqualTo("MT-2"));
        assertThat(plan.changeObjective(4, "MT-2", "Giảm tỷ lệ hộ nghèo đa chiều bền vững",
                "Sustainably reduce poverty", NOW)).isEmpty();
    }

    @Test
    void a_drafts_header_changes_within_the_rules_and_a_period_that_would_strand_targets_is_refused() {
        // given
        Plan plan = draftWithIndicator();
        PlanDetails longer = new PlanDetails("Kế hoạch 61/KH-UBND (sửa)", Program.SUSTAINABLE_POVERTY_REDUCTION,
                "UBND-14", null, LocalDate.of(2022, 3, 3), LocalDate.of(2026, 12, 31));
        PlanDetails shorter = new PlanDetails(plan.title(), null, "UBND-14", null, LocalDate.of(2023, 1, 1),
                LocalDate.of(2024, 12, 31));
        PlanDetails unknownIssuer = new PlanDetails(plan.title(), null, "UBND-99", null, plan.periodStart(),
                plan.periodEnd());

        // when
        Change<Plan> changed = plan.changeDetails(3, longer, UNITS, NOW).orElseThrow();

        // then
        assertThat(changed.event()).isInstanceOfSatisfying(PlanDetailsChanged.class, e -> {
            assertThat(e.periodEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(e.changes()).extracting(c -> c.path()).containsExactly("title", "periodEnd");
            assertThat(e.status()).isEqualTo("DRAFT");
        });
        assertThat(changed.state().searchText()).contains("(sua)");
        assertThatThrownBy(() -> plan.changeDetails(3, shorter, UNITS, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("periodStart", "periodEnd"));
        assertThatThrownBy(() -> plan.changeDetails(3, unknownIssuer, UNITS, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("issuingUnitCode"));
        assertThat(plan.changeDetails(3, new PlanDetails(plan.title(), null, "UBND-14", null, plan.periodStart(),
                plan.periodEnd()), UNITS, NOW)).isEmpty();
    }

    @Test
    void once_issued_the_structure_is_only_changed_through_a_revision() {
        // given
        Plan issued = PlanFixtures.issue(draftWithIndicator(), 3).state();

        // then
        assertThatThrownBy(() -> issued.addObjective(4, objective("MT-2"), NOW))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.getMessage()).contains("only through a revision"));
        assertThatThrownBy(() -> issued.setTargets(4, "TL-HN", List.of(), UNITS, NOW))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> issued.removeIndicator(4, "TL-HN", NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> issued.changeDetails(4, new PlanDetails("x", null, "UBND-14", null,
                issued.periodStart(), issued.periodEnd()), UNITS, NOW)).isInstanceOf(StateConflictException.class);
    }
}
