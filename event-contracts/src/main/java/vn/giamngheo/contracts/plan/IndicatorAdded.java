package vn.giamngheo.contracts.plan;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** An indicator was added under an objective of a draft plan. Carries the whole indicator. */
@EventType("plan.IndicatorAdded.v1")
public record IndicatorAdded(
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
