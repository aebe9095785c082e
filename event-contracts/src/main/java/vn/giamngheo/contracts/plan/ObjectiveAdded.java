package vn.giamngheo.contracts.plan;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** An objective was added to a draft plan. */
@EventType("plan.ObjectiveAdded.v1")
public record ObjectiveAdded(
        String planId,
        long version,
        String objectiveCode,
        String nameVi,
        String nameEn,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return planId;
    }
}
