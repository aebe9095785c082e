package vn.giamngheo.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

@EventType("plan.PlanCreated.v1")
public record PlanCreated(
        String planId,
        long version,
        String code,
        String title,
        String kind,
        String issuingUnitCode,
        String parentPlanId,
        LocalDate periodStart,
        LocalDate periodEnd,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return planId;
    }
}
