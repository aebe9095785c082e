package vn.giamngheo.plan.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.plan.PlanCancelled;
import vn.giamngheo.contracts.plan.PlanCreated;
import vn.giamngheo.contracts.plan.PlanIssued;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;

class PlanTest {

    static final Instant NOW = Instant.parse("2022-03-03T02:00:00Z");
    static final NewPlan PLAN_61 = new NewPlan(" 61/KH-UBND ", "Kế hoạch thực hiện Nghị quyết 20-NQ/TU",
            PlanKind.PROGRAM_PLAN, "UBND-14", "resolution-20", LocalDate.of(2022, 3, 3), LocalDate.of(2025, 12, 31));

    @Test
    void a_drafted_plan_starts_as_draft_at_version_one() {
        // when
        Change<Plan> change = Plan.draft("p1", PLAN_61, NOW);

        // then
        assertThat(change.state().status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(change.state().code()).isEqualTo("61/KH-UBND");
        assertThat(change.event()).isInstanceOfSatisfying(PlanCreated.class, e -> {
            assertThat(e.version()).isEqualTo(1);
            assertThat(e.parentPlanId()).isEqualTo("resolution-20");
            assertThat(e.status()).isEqualTo("DRAFT");
        });
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused_with_the_field_named() {
        NewPlan backwards = new NewPlan("1/KH", "x", PlanKind.ANNUAL_PLAN, "UBND-14", null,
                LocalDate.of(2025, 1, 1), LocalDate.of(2024, 1, 1));

        assertThatThrownBy(() -> Plan.draft("p1", backwards, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting("field").containsExactly("periodEnd"));
    }

    @Test
    void issuing_moves_draft_to_issued_and_the_event_carries_the_next_version() {
        // given
        Plan draft = Plan.draft("p1", PLAN_61, NOW).state();

        // when
        Change<Plan> issued = draft.issue(1, LocalDate.of(2022, 3, 3), NOW);

        // then
        assertThat(issued.state().status()).isEqualTo(PlanStatus.ISSUED);
        assertThat(issued.state().issuedOn()).isEqualTo(LocalDate.of(2022, 3, 3));
        assertThat(issued.event()).isInstanceOfSatisfying(PlanIssued.class, e -> assertThat(e.version()).isEqualTo(2));
    }

    @Test
    void the_lifecycle_refuses_illegal_transitions() {
        // given
        Plan draft = Plan.draft("p1", PLAN_61, NOW).state();
        Plan issued = draft.issue(1, null, NOW).state();
        Plan closed = issued.close(2, NOW).state();
        Plan cancelled = draft.cancel(1, "trùng", NOW).state();

        // then
        assertThatThrownBy(() -> draft.close(1, NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> issued.issue(2, null, NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> closed.cancel(3, "x", NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> cancelled.issue(2, null, NOW)).isInstanceOf(StateConflictException.class);
        assertThat(issued.cancel(2, "thay thế", NOW).event()).isInstanceOfSatisfying(PlanCancelled.class,
                e -> assertThat(e.reason()).isEqualTo("thay thế"));
    }

    @Test
    void a_plan_belongs_to_the_sustainable_poverty_reduction_program_unless_another_is_named() {
        // given
        NewPlan ruralDevelopment = new NewPlan("12/KH-UBND", "Kế hoạch xây dựng nông thôn mới năm 2024",
                PlanKind.ANNUAL_PLAN, "UBND-14", null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                Program.NEW_RURAL_DEVELOPMENT);

        // when
        Change<Plan> plain = Plan.draft("p1", PLAN_61, NOW);
        Change<Plan> other = Plan.draft("p2", ruralDevelopment, NOW);

        // then
        assertThat(plain.state().program()).isEqualTo(Program.SUSTAINABLE_POVERTY_REDUCTION);
        assertThat(plain.event()).isInstanceOfSatisfying(PlanCreated.class,
                e -> assertThat(e.program()).isEqualTo("SUSTAINABLE_POVERTY_REDUCTION"));
        assertThat(other.event()).isInstanceOfSatisfying(PlanCreated.class,
                e -> assertThat(e.program()).isEqualTo("NEW_RURAL_DEVELOPMENT"));
        assertThat(plain.state().searchText()).isEqualTo("61/kh-ubnd ke hoach thuc hien nghi quyet 20-nq/tu");
    }

    @Test
    void a_plan_stored_before_programs_and_objectives_existed_reads_with_defaults() {
        // when: what the Mongo mapping builds from an old document that lacks the new fields
        Plan old = new Plan("p1", "61/KH-UBND", "Kế hoạch", PlanKind.PROGRAM_PLAN, null, "UBND-14", null,
                LocalDate.of(2022, 3, 3), LocalDate.of(2025, 12, 31), PlanStatus.ISSUED, LocalDate.of(2022, 3, 3),
                null, null, null, null);

        // then
        assertThat(old.program()).isEqualTo(Program.SUSTAINABLE_POVERTY_REDUCTION);
        assertThat(old.objectives()).isEmpty();
        assertThat(old.history()).isEmpty();
        assertThat(old.searchText()).isEqualTo("61/kh-ubnd ke hoach");
    }

    @Test
    void every_lifecycle_step_is_kept_in_the_history_with_the_version_it_produced() {
        // given
        Plan draft = Plan.draft("p1", PLAN_61, NOW).state();

        // when
        Plan issued = draft.issue(1, LocalDate.of(2022, 3, 3), NOW).state();
        Plan cancelled = issued.cancel(2, "Thay thế bằng kế hoạch khác", NOW).state();

        // then
        assertThat(cancelled.history()).extracting(HistoryEntry::version, HistoryEntry::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, PlanAction.DRAFTED),
                org.assertj.core.groups.Tuple.tuple(2L, PlanAction.ISSUED),
                org.assertj.core.groups.Tuple.tuple(3L, PlanAction.CANCELLED));
        assertThat(cancelled.history().get(1).effectiveOn()).isEqualTo(LocalDate.of(2022, 3, 3));
        assertThat(cancelled.history().get(2).reason()).isEqualTo("Thay thế bằng kế hoạch khác");
    }
}
