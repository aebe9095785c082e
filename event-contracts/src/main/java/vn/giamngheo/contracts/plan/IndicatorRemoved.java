package vn.giamngheo.contracts.plan;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** An indicator was removed from a draft plan. */
@EventType("plan.IndicatorRemoved.v1")
public record IndicatorRemoved(
        String planId,
        long version,
        String objectiveCode,
        String indicatorCode,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return planId;
    }
}
