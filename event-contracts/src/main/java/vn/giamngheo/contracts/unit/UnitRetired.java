package vn.giamngheo.contracts.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** A unit ceased to exist on {@code validTo} (merged, renamed or dissolved); {@code successorCodes} name what it became. Carries the full state. */
@EventType("plan.UnitRetired.v1")
public record UnitRetired(
        String unitCode,
        long version,
        String kind,
        String nameVi,
        String nameEn,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo,
        List<String> successorCodes,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return unitCode;
    }
}
