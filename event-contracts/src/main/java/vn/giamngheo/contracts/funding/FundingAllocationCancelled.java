package vn.giamngheo.contracts.funding;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * The allocation was withdrawn; it no longer counts in totals.
 * Carries the allocation's full state after the change; amounts are whole VND.
 */
@EventType("plan.FundingAllocationCancelled.v1")
public record FundingAllocationCancelled(
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
        String reason,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return allocationId;
    }
}
