package vn.giamngheo.contracts.funding;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * An allocation's amount or note was corrected.
 * Carries the allocation's full state after the change; amounts are whole VND.
 */
@EventType("plan.FundingAllocationChanged.v1")
public record FundingAllocationChanged(
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
