package vn.giamngheo.contracts.plan;

import java.time.Instant;
import java.util.List;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** An objective was removed from a draft plan, together with its indicators (named in removedIndicatorCodes). */
@EventType("plan.ObjectiveRemoved.v1")
public record ObjectiveRemoved(
        String planId,
        long version,
        String objectiveCode,
        List<String> removedIndicatorCodes,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return planId;
    }
}
