package vn.giamngheo.contracts.plan;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** A draft plan's objective was renamed. Carries the objective's names after the change. */
@EventType("plan.ObjectiveChanged.v1")
public record ObjectiveChanged(
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
