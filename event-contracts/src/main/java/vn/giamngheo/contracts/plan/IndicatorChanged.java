package vn.giamngheo.contracts.plan;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * A draft plan's indicator was redefined (and possibly moved to another objective). Carries the whole indicator after
 * the change.
 */
@EventType("plan.IndicatorChanged.v1")
public record IndicatorChanged(
        String planId,
        long version,
        String objectiveCode,
        IndicatorSnapshot indicator,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return planId;
    }
}
