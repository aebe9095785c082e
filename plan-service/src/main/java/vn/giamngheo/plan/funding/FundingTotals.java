package vn.giamngheo.plan.funding;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.giamngheo.plan.funding.domain.FundingSource;
import vn.giamngheo.plan.plan.domain.Program;

/**
 * Totals of active allocations in VND: overall, by source, by program, and by both. Sums use exact arithmetic, so an
 * overflow is an error, never a wrong total.
 */
public record FundingTotals(Amounts total, List<BySource> bySource, List<ByProgram> byProgram,
                            List<BySourceAndProgram> bySourceAndProgram) {

    public record Amounts(long allocated, long disbursed, long count) {

        static final Amounts ZERO = new Amounts(0, 0, 0);

        Amounts plus(AllocationStore.Sum sum) {
            return new Amounts(Math.addExact(allocated, sum.allocated()), Math.addExact(disbursed, sum.disbursed()),
                    count + sum.count());
        }
    }

    public record BySource(FundingSource source, long allocated, long disbursed, long count) {
    }

    public record ByProgram(Program program, long allocated, long disbursed, long count) {
    }

    public record BySourceAndProgram(FundingSource source, Program program, long allocated, long disbursed,
                                     long count) {
    }

    public static FundingTotals of(List<AllocationStore.Sum> sums) {
        Amounts total = Amounts.ZERO;
        for (AllocationStore.Sum sum : sums) {
            total = total.plus(sum);
        }
        Map<FundingSource, Amounts> sources = fold(sums, AllocationStore.Sum::source, FundingSource.class);
        Map<Program, Amounts> programs = fold(sums, AllocationStore.Sum::program, Program.class);
        List<BySourceAndProgram> both = sums.stream()
                .sorted((a, b) -> a.source() != b.source() ? a.source().compareTo(b.source())
                        : a.program().compareTo(b.program()))
                .map(s -> new BySourceAndProgram(s.source(), s.program(), s.allocated(), s.disbursed(), s.count()))
                .toList();
        List<BySource> bySource = new ArrayList<>();
        sources.forEach((source, a) -> bySource.add(new BySource(source, a.allocated(), a.disbursed(), a.count())));
        List<ByProgram> byProgram = new ArrayList<>();
        programs.forEach((program, a) -> byProgram.add(new ByProgram(program, a.allocated(), a.disbursed(),
                a.count())));
        return new FundingTotals(total, bySource, byProgram, both);
    }

    private static <K extends Enum<K>> Map<K, Amounts> fold(List<AllocationStore.Sum> sums,
                                                           Function<AllocationStore.Sum, K> key, Class<K> type) {
        Map<K, Amounts> folded = new EnumMap<>(type);
        for (AllocationStore.Sum sum : sums) {
            folded.merge(key.apply(sum), Amounts.ZERO.plus(sum), (a, b) -> new Amounts(
                    Math.addExact(a.allocated(), b.allocated()), Math.addExact(a.disbursed(), b.disbursed()),
                    a.count() + b.count()));
        }
        return folded;
    }
}
