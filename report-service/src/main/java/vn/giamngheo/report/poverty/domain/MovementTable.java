package vn.giamngheo.report.poverty.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Movements between review {@code from} and review {@code to}, by commune or by ethnic group. Areas are those of the
 * later review: a household is counted where its latest record puts it, and a household only in the earlier review
 * is counted in the commune its old commune became (through the crosswalk), so merged communes add up.
 */
public final class MovementTable {

    /** The breakdowns movements are reported by. */
    public enum By { COMMUNE, ETHNIC_GROUP }

    private final int from;
    private final int to;
    private final By by;
    private final UnitCrosswalk units;
    private final Map<String, long[]> tallies = new TreeMap<>();
    private final Map<String, String> names = new TreeMap<>();
    private final long[] total = new long[13];

    public MovementTable(int from, int to, By by, UnitCrosswalk units) {
        if (from >= to) {
            throw new vn.giamngheo.support.domain.InvalidInputException("from",
                    "the earlier review (" + from + ") must be before the later one (" + to + ")");
        }
        this.from = from;
        this.to = to;
        this.by = by;
        this.units = units;
    }

    public void add(HouseholdTimeline household) {
        HouseholdTimeline.Entry earlier = household.in(from);
        HouseholdTimeline.Entry later = household.in(to);
        if (earlier == null && later == null) {
            return;
        }
        String code;
        String name;
        if (by == By.ETHNIC_GROUP) {
            code = (later != null ? later : earlier).ethnicGroup();
            name = code;
        } else if (later != null) {
            code = later.communeCode();
            name = units.communeName(code, to);
        } else {
            code = units.codeIn(earlier.communeCode(), from, to);
            name = units.communeName(code, to);
        }
        names.putIfAbsent(code, name);
        long[] tally = tallies.computeIfAbsent(code, c -> new long[13]);
        count(tally, household, earlier, later);
        count(total, household, earlier, later);
    }

    private void count(long[] t, HouseholdTimeline household, HouseholdTimeline.Entry earlier,
                       HouseholdTimeline.Entry later) {
        boolean poorFrom = earlier != null && earlier.poor();
        boolean poorTo = later != null && later.poor();
        if (earlier != null) {
            t[0]++;
        }
        if (later != null) {
            t[1]++;
        }
        if (poorFrom) {
            t[2]++;
        }
        if (poorTo) {
            t[3]++;
        }
        if (poorFrom && later != null && !poorTo) {
            t[4]++;
            if (later.classification() == Classification.NEAR_POOR) {
                t[5]++;
            }
        }
        if (poorFrom && poorTo) {
            t[6]++;
        }
        if (poorTo && !poorFrom) {
            if (household.escapedBefore(to)) {
                t[7]++;
            } else if (!household.poorBefore(to)) {
                t[8]++;
            } else {
                t[9]++;
            }
        }
        if (poorFrom && later == null) {
            t[10]++;
        }
        if (earlier == null) {
            t[11]++;
        }
        if (later == null) {
            t[12]++;
        }
    }

    public List<MovementCounts> areas() {
        List<MovementCounts> areas = new ArrayList<>();
        tallies.forEach((code, t) -> areas.add(counts(code, names.get(code), t)));
        return areas;
    }

    public MovementCounts total() {
        return counts(units.provinceCode(), units.provinceName(), total);
    }

    private static MovementCounts counts(String code, String name, long[] t) {
        return new MovementCounts(code, name, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10],
                t[11], t[12]);
    }
}
