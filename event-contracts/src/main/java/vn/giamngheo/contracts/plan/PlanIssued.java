package vn.giamngheo.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

@EventType("plan.PlanIssued.v1")
public record PlanIssued(String planId, long version, LocalDate issuedOn, String status, Instant occurredAt)
        implements DomainEvent {

    @Override
    public String subject() {
        return planId;
    }
}
