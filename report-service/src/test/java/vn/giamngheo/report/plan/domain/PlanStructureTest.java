package vn.giamngheo.report.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.plan.IndicatorAdded;
import vn.giamngheo.contracts.plan.IndicatorChanged;
import vn.giamngheo.contracts.plan.IndicatorRemoved;
import vn.giamngheo.contracts.plan.IndicatorSnapshot;
import vn.giamngheo.contracts.plan.IndicatorTargetsSet;
import vn.giamngheo.contracts.plan.ObjectiveAdded;
import vn.giamngheo.contracts.plan.ObjectiveChanged;
import vn.giamngheo.contracts.plan.ObjectiveRemoved;
import vn.giamngheo.contracts.plan.ObjectiveSnapshot;
import vn.giamngheo.contracts.plan.PlanIssued;
import vn.giamngheo.contracts.plan.PlanRevised;
import vn.giamngheo.contracts.plan.TargetSnapshot;

class PlanStructureTest {

    static final Instant AT = Instant.parse("2022-03-01T02:00:00Z");

    static IndicatorSnapshot rate(List<TargetSnapshot> targets) {
        return new IndicatorSnapshot("TL-HN", "Tỷ lệ hộ nghèo đa chiều", "Multidimensional poverty rate", "%",
                "DECREASE", 2021, new BigDecimal("21.66"), "PROVINCE", false, targets);
    }

    @Test
    void a_drafts_edits_fold_into_its_objectives_and_indicators() {
        // given
        PlanStructure structure = PlanStructure.EMPTY;

        // when
        structure = structure.apply(new ObjectiveAdded("p", 2, "MT-1", "Giảm nghèo", null, "DRAFT", AT))
                .apply(new ObjectiveAdded("p", 3, "MT-2", "Y tế", null, "DRAFT", AT))
                .apply(new IndicatorAdded("p", 4, "MT-1", rate(List.of(new TargetSnapshot(2025, null,
                        new BigDecimal("12")))), "DRAFT", AT))
                .apply(new IndicatorTargetsSet("p", 5, "MT-1", "TL-HN", List.of(
                        new TargetSnapshot(2024, null, new BigDecimal("14.5")),
                        new TargetSnapshot(2025, "H-128", new BigDecimal("30"))), "DRAFT", AT))
                .apply(new ObjectiveChanged("p", 6, "MT-1", "Giảm nghèo bền vững", "Poverty", "DRAFT", AT))
                .apply(new IndicatorChanged("p", 7, "MT-2", rate(List.of(new TargetSnapshot(2025, null,
                        BigDecimal.TEN))), "DRAFT", AT))
                .apply(new PlanIssued("p", 8, LocalDate.of(2022, 3, 3), "ISSUED", AT));

        // then: the indicator moved to MT-2 with the redefinition's targets; MT-1 was renamed in place
        assertThat(structure.objectives()).extracting(ObjectiveDef::code, ObjectiveDef::nameVi)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MT-1", "Giảm nghèo bền vững"),
                        org.assertj.core.groups.Tuple.tuple("MT-2", "Y tế"));
        assertThat(structure.indicators()).singleElement().satisfies(i -> {
            assertThat(i.objectiveCode()).isEqualTo("MT-2");
            assertThat(i.baselineValue()).isEqualByComparingTo("21.66");
            assertThat(i.target(2025, null)).hasValueSatisfying(t -> assertThat(t.value()).isEqualByComparingTo("10"));
            assertThat(i.target(2024, null)).isEmpty();
        });
    }

    @Test
    void removing_an_objective_removes_its_indicators_and_a_revision_replaces_everything() {
        // given
        PlanStructure structure = PlanStructure.EMPTY
                .apply(new ObjectiveAdded("p", 2, "MT-1", "Giảm nghèo", null, "DRAFT", AT))
                .apply(new IndicatorAdded("p", 3, "MT-1", rate(List.of()), "DRAFT", AT));

        // when
        PlanStructure removed = structure.apply(new ObjectiveRemoved("p", 4, "MT-1", List.of("TL-HN"), "DRAFT", AT));
        PlanStructure withoutIndicator = structure.apply(new IndicatorRemoved("p", 4, "MT-1", "TL-HN", "DRAFT", AT));
        PlanStructure revised = structure.apply(new PlanRevised("p", 9, 1, "Điều chỉnh", "12/KH-UBND",
                LocalDate.of(2024, 3, 1), List.of(), "Kế hoạch", "SUSTAINABLE_POVERTY_REDUCTION",
                LocalDate.of(2022, 3, 3), LocalDate.of(2025, 12, 31), List.of(new ObjectiveSnapshot("MT-9",
                "Mục tiêu mới", null, List.of(rate(List.of(new TargetSnapshot(2024, null, new BigDecimal("17.16"))))))),
                "ISSUED", AT));

        // then
        assertThat(removed).isEqualTo(PlanStructure.EMPTY);
        assertThat(withoutIndicator.indicators()).isEmpty();
        assertThat(withoutIndicator.objectives()).hasSize(1);
        assertThat(revised.objectives()).extracting(ObjectiveDef::code).containsExactly("MT-9");
        assertThat(revised.indicators()).singleElement().satisfies(i -> {
            assertThat(i.objectiveCode()).isEqualTo("MT-9");
            assertThat(i.target(2024, null)).isPresent();
        });
    }
}
