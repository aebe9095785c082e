package vn.giamngheo.report.poverty.review;

import com.mongodb.client.MongoCursor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.stereotype.Service;
import vn.giamngheo.report.poverty.PovertyProperties;
import vn.giamngheo.report.poverty.domain.AlkireFoster;
import vn.giamngheo.report.poverty.domain.AreaKind;
import vn.giamngheo.report.poverty.domain.AreaRate;
import vn.giamngheo.report.poverty.domain.EthnicGroups;
import vn.giamngheo.report.poverty.domain.HouseholdRecord;
import vn.giamngheo.report.poverty.domain.HouseholdTimeline;
import vn.giamngheo.report.poverty.domain.MovementCounts;
import vn.giamngheo.report.poverty.domain.MovementTable;
import vn.giamngheo.report.poverty.domain.MpiResult;
import vn.giamngheo.report.poverty.domain.MpiSpec;
import vn.giamngheo.report.poverty.domain.PovertyReview;
import vn.giamngheo.report.poverty.domain.PovertyStandard;
import vn.giamngheo.report.poverty.domain.PovertyStandards;
import vn.giamngheo.report.poverty.domain.RateTable;
import vn.giamngheo.report.poverty.domain.Rational;
import vn.giamngheo.report.poverty.domain.ReviewStatus;
import vn.giamngheo.report.poverty.domain.UnitCrosswalk;
import vn.giamngheo.report.poverty.household.HouseholdStore;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.NotFoundException;
import vn.giamngheo.support.outbox.Versioned;

/**
 * Rates, MPI and movements of reviews. Everything streams through the households of a review once, so a review of
 * 400,000 households is computed in bounded memory. Movements merge the reviews' households in household-code order;
 * codes are upper-case ASCII (the parser makes them so), so MongoDB's order and Java's agree.
 */
@Service
public class ReviewQueries {

    /** A review's rates: the published ones, or — while it is open — the provisional ones as they stand. */
    public record Rates(String reviewId, int year, String standardCode, ReviewStatus status, int revision,
                        boolean provisional, boolean synthetic, List<AreaRate> areas) {
    }

    /** One area's Alkire–Foster result. */
    public record AreaMpi(AreaKind kind, String code, String name, MpiResult result) {
    }

    /** The measure's choices and every area's result. */
    public record Mpi(String standardCode, MpiSpec spec, AreaKind by, List<AreaMpi> areas) {
    }

    /** Movements between two reviews, by commune or ethnic group, with the province's totals. */
    public record Movements(int from, int to, MovementTable.By by, List<Integer> reviewsOnRecord,
                            MovementCounts total,
                            List<MovementCounts> areas) {
    }

    private final HouseholdStore households;
    private final ReviewStore reviews;
    private final PovertyStandards standards;
    private final UnitCrosswalk units;
    private final EthnicGroups ethnicGroups;
    private final String provinceCode;

    public ReviewQueries(HouseholdStore households, ReviewStore reviews, PovertyStandards standards,
                         UnitCrosswalk units, EthnicGroups ethnicGroups, PovertyProperties properties) {
        this.households = households;
        this.reviews = reviews;
        this.standards = standards;
        this.units = units;
        this.ethnicGroups = ethnicGroups;
        this.provinceCode = properties.provinceCode();
    }

    public Versioned<PovertyReview> review(int year) {
        return reviews.get(PovertyReview.idOf(provinceCode, year));
    }

    /** The review holds generated demo households. */
    public boolean synthetic(int year) {
        return households.countFrom(year, HouseholdStore.Source.DEMO) > 0;
    }

    /** Every area's rates as they stand, and whether generated demo households are among them. */
    public record LiveRates(List<AreaRate> areas, boolean synthetic) {
    }

    /**
     * Every area's rates computed from the households now, in one pass that also notes demo households: on the
     * MongoDB-wire server every query of a review's households scans the whole collection, so a separate count
     * would cost as much as the rates.
     */
    public LiveRates liveRates(int year) {
        RateTable table = new RateTable(year, standards.forYear(year), units, ethnicGroups);
        boolean[] synthetic = {false};
        String demo = HouseholdStore.Source.DEMO.name();
        households.forEachWithSource(year, (household, source) -> {
            table.add(household);
            synthetic[0] |= demo.equals(source);
        });
        return new LiveRates(table.results(), synthetic[0]);
    }

    public Rates rates(int year, Set<AreaKind> kinds) {
        Versioned<PovertyReview> review = review(year);
        PovertyReview state = review.state();
        boolean provisional = state.status() == ReviewStatus.OPEN;
        LiveRates live = provisional ? liveRates(year) : new LiveRates(state.publishedRates(), state.synthetic());
        Set<AreaKind> wanted = kinds == null || kinds.isEmpty() ? EnumSet.allOf(AreaKind.class) : kinds;
        return new Rates(state.id(), year, state.standardCode(), state.status(), state.revision(), provisional,
                live.synthetic(), live.areas().stream().filter(r -> wanted.contains(r.kind())).toList());
    }

    /** The Alkire–Foster measure of one review by area; null weights or k mean the defaults of the standard. */
    public Mpi mpi(int year, String k, Map<String, String> weights, AreaKind by) {
        review(year);
        PovertyStandard standard = standards.forYear(year);
        MpiSpec spec = spec(standard, k, weights);
        AlkireFoster measure = new AlkireFoster(spec);
        Map<String, AlkireFoster.Accumulator> byArea = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        households.forEach(year, household -> {
            String[] area = area(by, household, year);
            names.putIfAbsent(area[0], area[1]);
            byArea.computeIfAbsent(area[0], c -> measure.accumulator()).add(household.deprived());
        });
        if (byArea.isEmpty() && by == AreaKind.PROVINCE) {
            byArea.put(units.provinceCode(), measure.accumulator());
            names.put(units.provinceCode(), units.provinceName());
        }
        List<AreaMpi> results = new ArrayList<>();
        byArea.forEach((code, accumulator) -> results.add(new AreaMpi(by, code, names.get(code),
                accumulator.result())));
        return new Mpi(standard.code(), spec, by, results);
    }

    private MpiSpec spec(PovertyStandard standard, String k, Map<String, String> weights) {
        Map<String, Rational> parsed;
        if (weights == null || weights.isEmpty()) {
            parsed = MpiSpec.equalNestedWeights(standard);
        } else {
            parsed = new LinkedHashMap<>();
            for (Map.Entry<String, String> weight : weights.entrySet()) {
                if (standard.indicator(weight.getKey()).isEmpty()) {
                    throw new InvalidInputException("weights", weight.getKey() + " is not an indicator of "
                            + standard.code() + " (" + String.join(", ", standard.indicatorCodes()) + ")");
                }
                parsed.put(weight.getKey(), rational("weights", weight.getValue()));
            }
        }
        return new MpiSpec(parsed, k == null || k.isBlank() ? MpiSpec.defaultK(standard) : rational("k", k));
    }

    private static Rational rational(String field, String text) {
        try {
            return Rational.parse(text);
        } catch (RuntimeException e) {
            throw new InvalidInputException(field, "'" + text + "' is not a number or fraction such as 0.25 or 1/3");
        }
    }

    private String[] area(AreaKind by, HouseholdRecord household, int year) {
        return switch (by) {
            case PROVINCE -> new String[] {units.provinceCode(), units.provinceName()};
            case FORMER_DISTRICT -> {
                String district = units.formerDistrictOf(household.communeCode(), year);
                yield new String[] {district, units.formerDistrictName(district)};
            }
            case COMMUNE -> new String[] {household.communeCode(),
                    units.communeName(household.communeCode(), year)};
            case ETHNIC_GROUP -> new String[] {household.ethnicGroup(), household.ethnicGroup()};
            case ETHNICITY -> {
                String ethnicity = ethnicGroups.ethnicity(household.ethnicGroup());
                yield new String[] {ethnicity, EthnicGroups.ethnicityName(ethnicity)};
            }
        };
    }

    /**
     * Movements between two reviews. Households are matched by their stable code across every review on record up
     * to {@code to} (a k-way merge of the reviews' households in code order), which is what tells re-poverty from
     * new poverty.
     */
    public Movements movements(int from, int to, MovementTable.By by) {
        review(from);
        review(to);
        MovementTable table = new MovementTable(from, to, by, units);
        List<Integer> years = new ArrayList<>();
        for (Versioned<PovertyReview> review : reviews.all(provinceCode)) {
            if (review.state().year() <= to) {
                years.add(review.state().year());
            }
        }
        List<MongoCursor<Document>> cursors = new ArrayList<>();
        try {
            List<Head> heads = new ArrayList<>();
            for (int year : years) {
                MongoCursor<Document> cursor = households.cursor(year);
                cursors.add(cursor);
                Head head = new Head(year, standards.forYear(year), cursor);
                if (head.advance()) {
                    heads.add(head);
                }
            }
            while (!heads.isEmpty()) {
                String code = heads.stream().map(h -> h.current.householdCode()).min(String::compareTo).orElseThrow();
                HouseholdTimeline timeline = new HouseholdTimeline(code);
                List<Head> exhausted = new ArrayList<>();
                for (Head head : heads) {
                    if (head.current.householdCode().equals(code)) {
                        HouseholdRecord record = head.current;
                        timeline.with(head.year, new HouseholdTimeline.Entry(
                                record.classification(head.standard), record.communeCode(),
                                record.ethnicGroup()));
                        if (!head.advance()) {
                            exhausted.add(head);
                        }
                    }
                }
                heads.removeAll(exhausted);
                table.add(timeline);
            }
        } finally {
            cursors.forEach(MongoCursor::close);
        }
        return new Movements(from, to, by, years, table.total(), table.areas());
    }

    /** One review's cursor and its current household. */
    private static final class Head {
        final int year;
        final PovertyStandard standard;
        final MongoCursor<Document> cursor;
        HouseholdRecord current;

        Head(int year, PovertyStandard standard, MongoCursor<Document> cursor) {
            this.year = year;
            this.standard = standard;
            this.cursor = cursor;
        }

        boolean advance() {
            if (!cursor.hasNext()) {
                current = null;
                return false;
            }
            current = HouseholdStore.record(cursor.next());
            return true;
        }
    }

    /** The record of a household in a review, or 404. */
    public HouseholdStore.Stored household(int year, String householdCode) {
        review(year);
        return households.find(year, householdCode)
                .orElseThrow(() -> new NotFoundException("Household", householdCode + " in the " + year + " review"));
    }

    public List<HouseholdStore.Stored> householdHistory(String householdCode) {
        List<HouseholdStore.Stored> history = households.history(householdCode);
        if (history.isEmpty()) {
            throw new NotFoundException("Household", householdCode);
        }
        return history;
    }

    public PovertyStandard standardOf(int year) {
        return standards.forYear(year);
    }
}
