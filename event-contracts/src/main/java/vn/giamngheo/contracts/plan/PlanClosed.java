package vn.giamngheo.contracts.plan;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

@EventType("plan.PlanClosed.v1")
public record PlanClosed(String planId, long version, String status, Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return planId;
    }
}
