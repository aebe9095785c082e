package vn.giamngheo.contracts.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** A unit (province, district, commune, ward or agency) was registered. Carries the unit's full state. */
@EventType("plan.UnitRegistered.v1")
public record UnitRegistered(
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
