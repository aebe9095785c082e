package vn.giamngheo.contracts.funding;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * The amount disbursed so far was reported; {@code disbursedAmount} is the new total, not a delta.
 * Carries the allocation's full state after the change; amounts are whole VND.
 */
@EventType("plan.FundingDisbursementReported.v1")
public record FundingDisbursementReported(
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
