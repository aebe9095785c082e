package vn.giamngheo.contracts.plan;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

@EventType("plan.PlanCancelled.v1")
public record PlanCancelled(String planId, long version, String reason, String status, Instant occurredAt)
        implements DomainEvent {

    @Override
    public String subject() {
        return planId;
    }
}
