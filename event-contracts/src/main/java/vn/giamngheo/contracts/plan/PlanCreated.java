package vn.giamngheo.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * A plan was drafted. {@code program} was added later (additively): events published before it may lack it, and
 * consumers read a missing program as {@code SUSTAINABLE_POVERTY_REDUCTION}.
 */
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
        Instant occurredAt,
        String program) implements DomainEvent {

    /** The original shape, for producers and tests written before {@code program} existed. */
    public PlanCreated(String planId, long version, String code, String title, String kind, String issuingUnitCode,
                       String parentPlanId, LocalDate periodStart, LocalDate periodEnd, String status,
                       Instant occurredAt) {
        this(planId, version, code, title, kind, issuingUnitCode, parentPlanId, periodStart, periodEnd, status,
                occurredAt, null);
    }

    @Override
    public String subject() {
        return planId;
    }
}
