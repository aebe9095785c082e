package vn.giamngheo.plan.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.plan.funding.domain.FundingSource;
import vn.giamngheo.plan.plan.domain.Program;

class FundingTotalsTest {

    @Test
    void sums_by_source_and_program_fold_into_totals_by_source_by_program_and_overall() {
        // given
        List<AllocationStore.Sum> sums = List.of(
                new AllocationStore.Sum(FundingSource.LOCAL_BUDGET, Program.SUSTAINABLE_POVERTY_REDUCTION, 2_000, 500,
                        1),
                new AllocationStore.Sum(FundingSource.CENTRAL_BUDGET, Program.SUSTAINABLE_POVERTY_REDUCTION, 10_000,
                        4_000, 2),
                new AllocationStore.Sum(FundingSource.CENTRAL_BUDGET, Program.NEW_RURAL_DEVELOPMENT, 1_000, 0, 1),
                new AllocationStore.Sum(FundingSource.INTEGRATED_NEW_RURAL_DEVELOPMENT, Program.NEW_RURAL_DEVELOPMENT,
                        3_000, 3_000, 1));

        // when
        FundingTotals totals = FundingTotals.of(sums);

        // then
        assertThat(totals.total()).isEqualTo(new FundingTotals.Amounts(16_000, 7_500, 5));
        assertThat(totals.bySource()).containsExactly(
                new FundingTotals.BySource(FundingSource.CENTRAL_BUDGET, 11_000, 4_000, 3),
                new FundingTotals.BySource(FundingSource.LOCAL_BUDGET, 2_000, 500, 1),
                new FundingTotals.BySource(FundingSource.INTEGRATED_NEW_RURAL_DEVELOPMENT, 3_000, 3_000, 1));
        assertThat(totals.byProgram()).containsExactly(
                new FundingTotals.ByProgram(Program.SUSTAINABLE_POVERTY_REDUCTION, 12_000, 4_500, 3),
                new FundingTotals.ByProgram(Program.NEW_RURAL_DEVELOPMENT, 4_000, 3_000, 2));
        assertThat(totals.bySourceAndProgram()).extracting(FundingTotals.BySourceAndProgram::source)
                .containsExactly(FundingSource.CENTRAL_BUDGET, FundingSource.CENTRAL_BUDGET,
                        FundingSource.LOCAL_BUDGET, FundingSource.INTEGRATED_NEW_RURAL_DEVELOPMENT);
        assertThat(FundingTotals.of(List.of()).total()).isEqualTo(new FundingTotals.Amounts(0, 0, 0));
    }

    @Test
    void a_sum_too_large_for_whole_vnd_is_an_error_not_a_wrong_total() {
        List<AllocationStore.Sum> huge = List.of(
                new AllocationStore.Sum(FundingSource.CENTRAL_BUDGET, Program.NEW_RURAL_DEVELOPMENT, Long.MAX_VALUE,
                        0, 1),
                new AllocationStore.Sum(FundingSource.LOCAL_BUDGET, Program.NEW_RURAL_DEVELOPMENT, 1, 0, 1));

        assertThatThrownBy(() -> FundingTotals.of(huge)).isInstanceOf(ArithmeticException.class);
    }
}
