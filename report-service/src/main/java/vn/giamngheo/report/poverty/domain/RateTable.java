package vn.giamngheo.report.poverty.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds up one review's households, one at a time (so a review of any size streams through it), into every area they
 * belong to: the province, their former district (through the crosswalk), their commune, their head's ethnic group,
 * and ethnic minority vs Kinh.
 */
public final class RateTable {

    private final int year;
    private final PovertyStandard standard;
    private final UnitCrosswalk units;
    private final EthnicGroups ethnicGroups;
    private final List<String> indicatorCodes;
    private final Map<AreaKind, Map<String, Tally>> tallies = new LinkedHashMap<>();

    private static final class Tally {
        final String name;
        long households;
        long poor;
        long nearPoor;
        long middleIncome;
        final long[] deprivations;

        Tally(String name, int indicators) {
            this.name = name;
            this.deprivations = new long[indicators];
        }
    }

    public RateTable(int year, PovertyStandard standard, UnitCrosswalk units, EthnicGroups ethnicGroups) {
        this.year = year;
        this.standard = standard;
        this.units = units;
        this.ethnicGroups = ethnicGroups;
        this.indicatorCodes = standard.indicatorCodes();
        for (AreaKind kind : AreaKind.values()) {
            tallies.put(kind, new TreeMap<>());
        }
    }

    public void add(HouseholdRecord household) {
        List<String> counted = standard.countedDeprivations(household.deprived());
        Classification classification = standard.classification(household.areaType(),
                household.monthlyIncomePerCapita(), counted.size());
        String district = units.formerDistrictOf(household.communeCode(), year);
        String ethnicity = ethnicGroups.ethnicity(household.ethnicGroup());
        count(AreaKind.PROVINCE, units.provinceCode(), units.provinceName(), classification, counted);
        count(AreaKind.FORMER_DISTRICT, district, units.formerDistrictName(district), classification, counted);
        count(AreaKind.COMMUNE, household.communeCode(), units.communeName(household.communeCode(), year),
                classification, counted);
        count(AreaKind.ETHNIC_GROUP, household.ethnicGroup(), household.ethnicGroup(), classification, counted);
        count(AreaKind.ETHNICITY, ethnicity, EthnicGroups.ethnicityName(ethnicity), classification, counted);
    }

    private void count(AreaKind kind, String code, String name, Classification classification,
                       List<String> counted) {
        Tally tally = tallies.get(kind).computeIfAbsent(code, c -> new Tally(name, indicatorCodes.size()));
        tally.households++;
        switch (classification) {
            case POOR -> tally.poor++;
            case NEAR_POOR -> tally.nearPoor++;
            case MIDDLE_INCOME -> tally.middleIncome++;
            case NONE -> {
            }
        }
        for (String deprived : counted) {
            tally.deprivations[indicatorCodes.indexOf(deprived)]++;
        }
    }

    /**
     * The results: the province first, then former districts and communes by code, ethnic groups by number of
     * households (largest first), and ethnic minority before Kinh (their codes' order). The province is present even when empty.
     */
    public List<AreaRate> results() {
        List<AreaRate> rates = new ArrayList<>();
        if (tallies.get(AreaKind.PROVINCE).isEmpty()) {
            rates.add(AreaRate.of(AreaKind.PROVINCE, units.provinceCode(), units.provinceName(), 0, 0, 0, 0,
                    deprivations(new long[indicatorCodes.size()])));
        }
        for (AreaKind kind : AreaKind.values()) {
            List<Map.Entry<String, Tally>> entries = new ArrayList<>(tallies.get(kind).entrySet());
            if (kind == AreaKind.ETHNIC_GROUP) {
                entries.sort(Comparator.comparingLong((Map.Entry<String, Tally> e) -> -e.getValue().households)
                        .thenComparing(Map.Entry::getKey));
            }
            for (Map.Entry<String, Tally> entry : entries) {
                Tally t = entry.getValue();
                rates.add(AreaRate.of(kind, entry.getKey(), t.name, t.households, t.poor, t.nearPoor,
                        t.middleIncome, deprivations(t.deprivations)));
            }
        }
        return rates;
    }

    private Map<String, Long> deprivations(long[] counts) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            map.put(indicatorCodes.get(i), counts[i]);
        }
        return map;
    }
}
