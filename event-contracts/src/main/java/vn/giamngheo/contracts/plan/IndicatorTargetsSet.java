package vn.giamngheo.contracts.plan;

import java.time.Instant;
import java.util.List;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** A draft plan's indicator got a new set of yearly targets; {@code targets} replaces all earlier ones. */
@EventType("plan.IndicatorTargetsSet.v1")
public record IndicatorTargetsSet(
        String planId,
        long version,
        String objectiveCode,
        String indicatorCode,
        List<TargetSnapshot> targets,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return planId;
    }
}
