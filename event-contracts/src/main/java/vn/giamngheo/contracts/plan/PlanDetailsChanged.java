package vn.giamngheo.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** A draft plan's header was edited. Carries the whole editable header after the change and what changed. */
@EventType("plan.PlanDetailsChanged.v1")
public record PlanDetailsChanged(
        String planId,
        long version,
        String title,
        String program,
        String issuingUnitCode,
        String parentPlanId,
        LocalDate periodStart,
        LocalDate periodEnd,
        List<ChangeEntry> changes,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return planId;
    }
}
