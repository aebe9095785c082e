package vn.giamngheo.plan.unit.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.giamngheo.contracts.unit.UnitChanged;
import vn.giamngheo.contracts.unit.UnitRegistered;
import vn.giamngheo.contracts.unit.UnitRetired;
import vn.giamngheo.plan.text.SearchText;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;

/**
 * An administrative unit or agency, keyed by its stable code and effective-dated: it exists from {@code validFrom}
 * through {@code validTo} (open-ended while null). When it merges or is renamed it is retired and its
 * {@code successorCodes} name what it became. Every event carries the unit's full state.
 *
 * @param searchText the folded code and names, derived, for searching with or without diacritics
 */
public record Unit(String code, UnitKind kind, String nameVi, String nameEn, String parentCode, LocalDate validFrom,
                   LocalDate validTo, List<String> successorCodes, String searchText) {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    static final int MAX_NAME = 300;

    public Unit {
        successorCodes = successorCodes == null ? List.of() : List.copyOf(successorCodes);
        searchText = SearchText.of(code, nameVi, nameEn);
    }

    static Unit of(UnitData data) {
        return new Unit(data.code(), data.kind(), data.nameVi(), data.nameEn(), data.parentCode(), data.validFrom(),
                data.validTo(), data.successorCodes(), null);
    }

    public UnitData data() {
        return new UnitData(code, kind, nameVi, nameEn, parentCode, validFrom, validTo, successorCodes);
    }

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    /** True when the unit existed on at least one day of [from, to]. */
    public boolean validDuring(LocalDate from, LocalDate to) {
        return !validFrom.isAfter(to) && (validTo == null || !validTo.isBefore(from));
    }

    public static Change<Unit> register(UnitData data, Instant now) {
        requireValid(data);
        Unit unit = of(data);
        return new Change<>(unit, new UnitRegistered(unit.code, 1, unit.kind.name(), unit.nameVi, unit.nameEn,
                unit.parentCode, unit.validFrom, unit.validTo, unit.successorCodes, now));
    }

    /**
     * Replaces the unit's state with {@code data}. Nothing happens when nothing differs; setting an end date on a unit
     * that had none is a retirement, anything else a change.
     */
    public Optional<Change<Unit>> revise(long version, UnitData data, Instant now) {
        if (!code.equals(data.code())) {
            throw new InvalidInputException("code", "is " + data.code() + " but the unit is " + code
                    + "; a unit's code never changes");
        }
        requireValid(data);
        Unit revised = of(data);
        if (revised.equals(this)) {
            return Optional.empty();
        }
        if (validTo == null && revised.validTo != null) {
            return Optional.of(new Change<>(revised, new UnitRetired(code, version + 1, revised.kind.name(),
                    revised.nameVi, revised.nameEn, revised.parentCode, revised.validFrom, revised.validTo,
                    revised.successorCodes, now)));
        }
        return Optional.of(new Change<>(revised, new UnitChanged(code, version + 1, revised.kind.name(),
                revised.nameVi, revised.nameEn, revised.parentCode, revised.validFrom, revised.validTo,
                revised.successorCodes, now)));
    }

    /** The unit ceased to exist on {@code lastDay}; it became {@code successors} (none when it was dissolved). */
    public Change<Unit> retire(long version, LocalDate lastDay, List<String> successors, Instant now) {
        if (validTo != null) {
            throw new StateConflictException("Unit " + code + " was already retired on " + validTo);
        }
        UnitData retired = new UnitData(code, kind, nameVi, nameEn, parentCode, validFrom, lastDay, successors);
        return revise(version, retired, now).orElseThrow();
    }

    /** The rules a unit's own fields must meet; references to other units are checked by {@link UnitReferences}. */
    public static List<FieldViolation> violations(UnitData data) {
        List<FieldViolation> violations = new ArrayList<>();
        if (data.code() == null || !CODE.matcher(data.code()).matches()) {
            violations.add(new FieldViolation("code", "1 to 32 letters, digits, _ or -"));
        }
        if (data.kind() == null) {
            violations.add(new FieldViolation("kind", "one of PROVINCE, DISTRICT, COMMUNE, WARD, TOWNSHIP, AGENCY"));
        }
        requireName(violations, "nameVi", data.nameVi());
        requireName(violations, "nameEn", data.nameEn());
        if (data.parentCode() != null && !CODE.matcher(data.parentCode()).matches()) {
            violations.add(new FieldViolation("parentCode", "1 to 32 letters, digits, _ or -"));
        } else if (data.parentCode() != null && data.parentCode().equals(data.code())) {
            violations.add(new FieldViolation("parentCode", "a unit cannot be its own parent"));
        }
        if (data.validFrom() == null) {
            violations.add(new FieldViolation("validFrom", "must be given"));
        } else if (data.validTo() != null && data.validTo().isBefore(data.validFrom())) {
            violations.add(new FieldViolation("validTo", "must not be before validFrom"));
        }
        for (String successor : data.successorCodes()) {
            if (!CODE.matcher(successor).matches()) {
                violations.add(new FieldViolation("successorCodes", successor + " is not a unit code"));
            } else if (successor.equals(data.code())) {
                violations.add(new FieldViolation("successorCodes", "a unit cannot succeed itself"));
            }
        }
        if (!data.successorCodes().isEmpty() && data.validTo() == null) {
            violations.add(new FieldViolation("successorCodes", "only a unit with validTo has successors"));
        }
        return violations;
    }

    private static void requireName(List<FieldViolation> violations, String field, String name) {
        if (name == null) {
            violations.add(new FieldViolation(field, "must be given"));
        } else if (name.length() > MAX_NAME) {
            violations.add(new FieldViolation(field, "at most " + MAX_NAME + " characters"));
        }
    }

    private static void requireValid(UnitData data) {
        List<FieldViolation> violations = violations(data);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
