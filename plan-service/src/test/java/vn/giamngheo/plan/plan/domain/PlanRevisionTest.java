package vn.giamngheo.plan.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static vn.giamngheo.plan.plan.domain.PlanFixtures.NOW;
import static vn.giamngheo.plan.plan.domain.PlanFixtures.UNITS;
import static vn.giamngheo.plan.plan.domain.PlanFixtures.draftWithIndicator;
import static vn.giamngheo.plan.plan.domain.PlanFixtures.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.plan.PlanRevised;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;

/** An issued plan changes only through revisions, each one event and one history entry with what, when and why. */
class PlanRevisionTest {

    static final Instant LATER = Instant.parse("2023-06-15T03:00:00Z");
    static final LocalDate REVISED_ON = LocalDate.of(2023, 6, 12);

    final Plan issued = PlanFixtures.issue(draftWithIndicator(), 3).state();

    static PlanRevision revision(String reason, List<ObjectiveInput> objectives, List<IndicatorInput> indicators,
                                 List<TargetSet> targets) {
        return new PlanRevision(reason, "89/KH-UBND", REVISED_ON, null, null, null, null, objectives, null,
                indicators, null, targets);
    }

    static IndicatorInput ethnicMinorityRate(String objectiveCode) {
        return new IndicatorInput("TL-HN-DTTS", objectiveCode, "Tỷ lệ hộ nghèo dân tộc thiểu số",
                "Ethnic-minority poverty rate", "%", Direction.DECREASE, 2021, new BigDecimal("26.5"),
                MeasurementLevel.ETHNIC_GROUP, false, List.of(target(2024, "20.5"), target(2025, "17.5")));
    }

    @Test
    void a_revision_applies_all_its_changes_as_one_event_and_keeps_what_changed_when_and_why() {
        // given
        PlanRevision revision = revision("Điều chỉnh chỉ tiêu theo kết quả rà soát hộ nghèo năm 2022",
                List.of(new ObjectiveInput("MT-2", "Giảm nghèo vùng đồng bào dân tộc thiểu số", null)),
                List.of(ethnicMinorityRate("MT-2")),
                List.of(new TargetSet("TL-HN", List.of(target(2022, "20.16"), target(2023, "18"),
                        target(2024, "16.5"), target(2025, "15")))));

        // when
        Change<Plan> revised = issued.revise(4, revision, UNITS, LATER);

        // then
        assertThat(revised.event()).isInstanceOfSatisfying(PlanRevised.class, e -> {
            assertThat(e.version()).isEqualTo(5);
            assertThat(e.revisionNumber()).isEqualTo(1);
            assertThat(e.reason()).startsWith("Điều chỉnh chỉ tiêu");
            assertThat(e.documentCode()).isEqualTo("89/KH-UBND");
            assertThat(e.revisedOn()).isEqualTo(REVISED_ON);
            assertThat(e.status()).isEqualTo("ISSUED");
            assertThat(e.objectives()).extracting(o -> o.code()).containsExactly("MT-1", "MT-2");
            assertThat(e.objectives().get(1).indicators()).extracting(i -> i.code()).containsExactly("TL-HN-DTTS");
            assertThat(e.changes()).extracting(c -> c.path(), c -> c.before(), c -> c.after()).contains(
                    tuple("indicators.TL-HN.targets.2023", "18.66", "18"),
                    tuple("indicators.TL-HN.targets.2025", "15.66", "15"),
                    tuple("objectives.MT-2", null, "Giảm nghèo vùng đồng bào dân tộc thiểu số"),
                    tuple("indicators.TL-HN-DTTS.targets.2024", null, "20.5"));
            assertThat(e.changes()).extracting(c -> c.path()).doesNotContain("indicators.TL-HN.targets.2022");
        });
        HistoryEntry entry = revised.state().history().get(revised.state().history().size() - 1);
        assertThat(entry).satisfies(h -> {
            assertThat(h.action()).isEqualTo(PlanAction.REVISED);
            assertThat(h.version()).isEqualTo(5);
            assertThat(h.recordedAt()).isEqualTo(LATER);
            assertThat(h.effectiveOn()).isEqualTo(REVISED_ON);
            assertThat(h.revisionNumber()).isEqualTo(1);
        });
        assertThat(revised.state().status()).isEqualTo(PlanStatus.ISSUED);
        assertThat(revised.state().revisions()).hasSize(1);
    }

    @Test
    void revisions_are_numbered_and_may_change_the_title_period_and_remove_parts() {
        // given
        Plan once = issued.revise(4, revision("Bổ sung mục tiêu 2", List.of(new ObjectiveInput("MT-2", "Mục tiêu 2",
                null)), List.of(ethnicMinorityRate("MT-2")), null), UNITS, LATER).state();
        PlanRevision second = new PlanRevision("Kéo dài kỳ kế hoạch; bỏ mục tiêu 2", null, null,
                "Kế hoạch 61/KH-UBND (điều chỉnh)", null, null, LocalDate.of(2026, 12, 31), null, List.of("MT-2"),
                null, List.of("TL-HN-DTTS"), null);

        // when
        Change<Plan> twice = once.revise(5, second, UNITS, LATER.plusSeconds(60));

        // then
        assertThat(twice.event()).isInstanceOfSatisfying(PlanRevised.class, e -> {
            assertThat(e.revisionNumber()).isEqualTo(2);
            assertThat(e.revisedOn()).isEqualTo(LocalDate.of(2023, 6, 15));
            assertThat(e.documentCode()).isNull();
            assertThat(e.periodEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(e.objectives()).extracting(o -> o.code()).containsExactly("MT-1");
            assertThat(e.changes()).extracting(c -> c.path()).contains("title", "periodEnd", "objectives.MT-2",
                    "indicators.TL-HN-DTTS");
        });
        assertThat(twice.state().revisions()).extracting(HistoryEntry::revisionNumber).containsExactly(1, 2);
        assertThat(twice.state().searchText()).contains("dieu chinh");
    }

    @Test
    void a_bad_revision_is_refused_whole_with_each_problem_named_by_its_request_field() {
        // given
        IndicatorInput newWithoutObjective = new IndicatorInput("TL-X", null, "Chỉ tiêu X", null, "%",
                Direction.INCREASE, 2021, BigDecimal.ONE, MeasurementLevel.COMMUNE, false, null);
        PlanRevision bad = new PlanRevision(" ", null, LocalDate.of(2022, 1, 1), null, null,
                LocalDate.of(2023, 1, 1), null, null, List.of("MT-9"),
                List.of(newWithoutObjective, ethnicMinorityRate("MT-1"), ethnicMinorityRate("MT-1")),
                List.of("NOPE"), List.of(new TargetSet("TL-HN", List.of(target(2025, "25"))),
                new TargetSet("MISSING", List.of())));

        // when / then
        assertThatThrownBy(() -> issued.revise(4, bad, UNITS, LATER))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactlyInAnyOrder(
                                "reason", "revisedOn", "removedObjectiveCodes[0]", "removedIndicatorCodes[0]",
                                "indicators[0].objectiveCode", "indicators[2].code", "targets[0].targets[0].value",
                                "targets[1].indicatorCode"));
        assertThatThrownBy(() -> issued.revise(4, new PlanRevision("Rút ngắn kỳ kế hoạch", null, null, null, null,
                LocalDate.of(2023, 1, 1), null, null, null, null, null, null), UNITS, LATER))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("periodStart");
                            assertThat(v.message()).contains("indicator TL-HN has a target for 2022");
                        }));
    }

    @Test
    void a_revision_that_changes_nothing_and_revisions_outside_the_issued_state_are_refused() {
        // given
        Plan draft = draftWithIndicator();
        Plan closed = issued.close(4, NOW).state();
        PlanRevision nothing = revision("Không thay đổi", null, null, List.of(new TargetSet("TL-HN",
                List.of(target(2022, "20.16"), target(2023, "18.66"), target(2024, "17.16"), target(2025, "15.66")))));

        // then
        assertThatThrownBy(() -> issued.revise(4, nothing, UNITS, LATER))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("revision"));
        assertThatThrownBy(() -> draft.revise(3, nothing, UNITS, LATER))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.getMessage()).contains("edit it directly"));
        assertThatThrownBy(() -> closed.revise(5, nothing, UNITS, LATER)).isInstanceOf(StateConflictException.class);
    }
}
