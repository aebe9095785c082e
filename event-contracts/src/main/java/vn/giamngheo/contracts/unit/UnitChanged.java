package vn.giamngheo.contracts.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** A unit's names, parent or validity were corrected or changed. Carries the unit's full state after the change. */
@EventType("plan.UnitChanged.v1")
public record UnitChanged(
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
