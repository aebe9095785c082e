package vn.giamngheo.task.task.domain;

import java.time.LocalDate;

/**
 * What the task-service knows of a unit (administrative unit or agency) from plan.events: enough to tell whether it
 * exists on given dates. Units are effective-dated because agencies merge and rename (e.g. the 2025 reform that
 * dissolved the districts); {@code validTo} is null while the unit exists.
 */
public record UnitPeriod(String code, String nameVi, LocalDate validFrom, LocalDate validTo) {

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** A unit's validity is one interval, so being valid on both ends means being valid throughout. */
    public boolean validThroughout(LocalDate from, LocalDate to) {
        return validOn(from) && validOn(to);
    }

    public String describe() {
        return nameVi + " (" + code + ") exists from " + validFrom + (validTo == null ? "" : " to " + validTo);
    }
}
