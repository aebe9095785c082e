package vn.giamngheo.report.poverty.domain;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** One household across the reviews on record (matched by its stable code): what each review found. */
public final class HouseholdTimeline {

    /** What one review found about the household. */
    public record Entry(Classification classification, String communeCode, String ethnicGroup) {

        boolean poor() {
            return classification == Classification.POOR;
        }
    }

    private final String householdCode;
    private final NavigableMap<Integer, Entry> byYear = new TreeMap<>();

    public HouseholdTimeline(String householdCode) {
        this.householdCode = householdCode;
    }

    public String householdCode() {
        return householdCode;
    }

    public HouseholdTimeline with(int year, Entry entry) {
        byYear.put(year, entry);
        return this;
    }

    public Entry in(int year) {
        return byYear.get(year);
    }

    /** Poor in some review before {@code year}. */
    boolean poorBefore(int year) {
        return byYear.headMap(year, false).values().stream().anyMatch(Entry::poor);
    }

    /** Escaped before {@code year}: poor in one review and found not poor in a later one, both before it. */
    boolean escapedBefore(int year) {
        boolean wasPoor = false;
        for (Map.Entry<Integer, Entry> review : byYear.headMap(year, false).entrySet()) {
            if (review.getValue().poor()) {
                wasPoor = true;
            } else if (wasPoor) {
                return true;
            }
        }
        return false;
    }
}
