package vn.giamngheo.report.poverty.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.giamngheo.support.domain.InvalidInputException;

/** The shipped standards; the review year picks one. */
public final class PovertyStandards {

    private final List<PovertyStandard> standards;

    public PovertyStandards(List<PovertyStandard> standards) {
        this.standards = standards.stream().sorted(Comparator.comparingInt(PovertyStandard::fromYear)).toList();
        for (int i = 1; i < this.standards.size(); i++) {
            if (this.standards.get(i).fromYear() <= this.standards.get(i - 1).toYear()) {
                throw new IllegalArgumentException("Standards " + this.standards.get(i - 1).code() + " and "
                        + this.standards.get(i).code() + " overlap");
            }
        }
    }

    public List<PovertyStandard> all() {
        return standards;
    }

    public Optional<PovertyStandard> find(int year) {
        return standards.stream().filter(s -> s.appliesTo(year)).findFirst();
    }

    public Optional<PovertyStandard> byCode(String code) {
        return standards.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The standard of a review year; a year no standard covers is a 400 on the field {@code year}. */
    public PovertyStandard forYear(int year) {
        return find(year).orElseThrow(() -> new InvalidInputException("year", "no poverty standard covers " + year
                + " (years covered: " + standards.stream().map(s -> s.fromYear() + "–" + s.toYear()).toList() + ")"));
    }
}
