package vn.giamngheo.report.funding;

import java.util.List;

/**
 * Funds allocated and disbursed (whole VND) by the active allocations that match, in total and by source, program,
 * unit and year; {@code disbursementRate} = disbursed / allocated in %, one decimal.
 */
public record FundingReport(String planId, boolean includeSubPlans, int planCount, Totals total, List<Group> bySource,
                            List<Group> byProgram, List<Group> byUnit, List<Group> byYear) {

    public record Totals(long allocations, long allocated, long disbursed, Double disbursementRate) {
    }

    /** One group: the key (a source, program, unit code or year) with its Vietnamese name where there is one. */
    public record Group(String key, String name, long allocations, long allocated, long disbursed,
                        Double disbursementRate) {
    }
}
