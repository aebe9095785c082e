package vn.giamngheo.contracts.funding;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * Funds from one source were allocated to a plan (optionally one of its objectives) for a unit and a year
 * (lồng ghép nguồn lực).
 * Carries the allocation's full state after the change; amounts are whole VND.
 */
@EventType("plan.FundingAllocated.v1")
public record FundingAllocated(
        String allocationId,
        long version,
        String planId,
        String objectiveCode,
        String unitCode,
        String source,
        String program,
        int year,
        long allocatedAmount,
        long disbursedAmount,
        String note,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return allocationId;
    }
}
