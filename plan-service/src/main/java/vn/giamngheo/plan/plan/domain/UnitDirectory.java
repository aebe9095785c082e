package vn.giamngheo.plan.plan.domain;

import java.time.LocalDate;
import java.util.Optional;

/** The units a plan may name (issuing unit, target areas), as far as plans need to know them: when they existed. */
public interface UnitDirectory {

    Optional<Validity> find(String unitCode);

    /** A unit's validity; {@code validTo} null while it exists. */
    record Validity(LocalDate validFrom, LocalDate validTo) {

        public boolean overlaps(LocalDate from, LocalDate to) {
            return !validFrom.isAfter(to) && (validTo == null || !validTo.isBefore(from));
        }
    }
}
