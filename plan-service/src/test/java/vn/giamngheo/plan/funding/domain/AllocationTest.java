package vn.giamngheo.plan.funding.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.funding.FundingAllocated;
import vn.giamngheo.contracts.funding.FundingAllocationCancelled;
import vn.giamngheo.contracts.funding.FundingAllocationChanged;
import vn.giamngheo.contracts.funding.FundingDisbursementReported;
import vn.giamngheo.plan.plan.domain.NewPlan;
import vn.giamngheo.plan.plan.domain.ObjectiveInput;
import vn.giamngheo.plan.plan.domain.Plan;
import vn.giamngheo.plan.plan.domain.PlanKind;
import vn.giamngheo.plan.plan.domain.Program;
import vn.giamngheo.plan.plan.domain.UnitDirectory;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;

class AllocationTest {

    static final Instant NOW = Instant.parse("2024-02-01T02:00:00Z");
    static final UnitDirectory UNITS = code -> Optional.ofNullable(Map.of(
            "H-128", new UnitDirectory.Validity(LocalDate.of(2021, 1, 1), LocalDate.of(2025, 6, 30)),
            "SAMPLE-XM-VAN-HO", new UnitDirectory.Validity(LocalDate.of(2025, 7, 1), null)).get(code));

    final Plan plan = Plan.draft("p1", new NewPlan("61/KH-UBND", "Kế hoạch 61", PlanKind.PROGRAM_PLAN, "UBND-14",
            null, LocalDate.of(2022, 3, 3), LocalDate.of(2025, 12, 31)), NOW).state()
            .addObjective(1, new ObjectiveInput("MT-1", "Giảm nghèo", null), NOW).state();

    static NewAllocation allocation(FundingSource source, Program program, String unit, int year, long allocated,
                                    long disbursed) {
        return new NewAllocation("p1", "MT-1", unit, source, program, year, allocated, disbursed, null);
    }

    @Test
    void an_allocation_is_counted_under_the_plans_program_or_the_program_its_integrated_money_comes_from() {
        // when
        Change<Allocation> central = Allocation.allocate("a1", allocation(FundingSource.CENTRAL_BUDGET, null,
                "H-128", 2024, 12_500_000_000L, 0), plan, UNITS, NOW);
        Change<Allocation> integrated = Allocation.allocate("a2", allocation(
                FundingSource.INTEGRATED_NEW_RURAL_DEVELOPMENT, null, "H-128", 2024, 3_000_000_000L, 0), plan, UNITS,
                NOW);

        // then
        assertThat(central.event()).isInstanceOfSatisfying(FundingAllocated.class, e -> {
            assertThat(e.version()).isEqualTo(1);
            assertThat(e.planId()).isEqualTo("p1");
            assertThat(e.program()).isEqualTo("SUSTAINABLE_POVERTY_REDUCTION");
            assertThat(e.allocatedAmount()).isEqualTo(12_500_000_000L);
            assertThat(e.status()).isEqualTo("ACTIVE");
        });
        assertThat(integrated.state().program()).isEqualTo(Program.NEW_RURAL_DEVELOPMENT);
        assertThat(central.state().naturalKey())
                .isEqualTo("p1|MT-1|H-128|CENTRAL_BUDGET|SUSTAINABLE_POVERTY_REDUCTION|2024");
    }

    @Test
    void bad_allocations_are_refused_with_every_field_named() {
        // given
        NewAllocation bad = new NewAllocation("p1", "MT-9", "SAMPLE-XM-VAN-HO",
                FundingSource.INTEGRATED_ETHNIC_MINORITY_PROGRAM,
                Program.NEW_RURAL_DEVELOPMENT, 2026, 1_000, 2_000, null);

        // when / then
        assertThatThrownBy(() -> Allocation.allocate("a1", bad, plan, UNITS, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactly("year", "objectiveCode", "program", "disbursedAmount"));
        assertThatThrownBy(() -> Allocation.allocate("a1", allocation(FundingSource.LOCAL_BUDGET, null,
                "SAMPLE-XM-VAN-HO", 2024, 0, 0), plan, UNITS, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("unitCode", "allocatedAmount"));
        assertThatThrownBy(() -> Allocation.allocate("a1", allocation(FundingSource.LOCAL_BUDGET, null, "H-128",
                2024, 1, 0), plan.cancel(2, "huỷ", NOW).state(), UNITS, NOW))
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    void disbursements_are_running_totals_up_to_the_allocated_amount_and_a_cancelled_allocation_is_frozen() {
        // given
        Allocation allocation = Allocation.allocate("a1", allocation(FundingSource.CENTRAL_BUDGET, null, "H-128",
                2024, 10_000_000_000L, 0), plan, UNITS, NOW).state();

        // when
        Change<Allocation> disbursed = allocation.reportDisbursement(1, 4_000_000_000L, NOW).orElseThrow();
        Optional<Change<Allocation>> sameAgain = disbursed.state().reportDisbursement(2, 4_000_000_000L, NOW);
        Change<Allocation> corrected = disbursed.state().change(2, 9_000_000_000L, "Điều chỉnh theo QĐ 12", NOW)
                .orElseThrow();
        Change<Allocation> cancelled = corrected.state().cancel(3, "Trùng với phân bổ khác", NOW);

        // then
        assertThat(disbursed.event()).isInstanceOfSatisfying(FundingDisbursementReported.class, e -> {
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.disbursedAmount()).isEqualTo(4_000_000_000L);
            assertThat(e.allocatedAmount()).isEqualTo(10_000_000_000L);
        });
        assertThat(sameAgain).isEmpty();
        assertThat(corrected.event()).isInstanceOfSatisfying(FundingAllocationChanged.class, e -> {
            assertThat(e.allocatedAmount()).isEqualTo(9_000_000_000L);
            assertThat(e.note()).isEqualTo("Điều chỉnh theo QĐ 12");
        });
        assertThat(cancelled.event()).isInstanceOfSatisfying(FundingAllocationCancelled.class, e -> {
            assertThat(e.status()).isEqualTo("CANCELLED");
            assertThat(e.reason()).isEqualTo("Trùng với phân bổ khác");
        });
        assertThat(cancelled.state().naturalKey()).endsWith("|cancelled|a1");
        assertThatThrownBy(() -> disbursed.state().reportDisbursement(2, 10_000_000_001L, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("disbursedAmount"));
        assertThatThrownBy(() -> disbursed.state().change(2, 3_000_000_000L, null, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("allocatedAmount"));
        assertThatThrownBy(() -> cancelled.state().reportDisbursement(4, 1, NOW))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> cancelled.state().cancel(4, "lần nữa", NOW))
                .isInstanceOf(StateConflictException.class);
    }
}
