package vn.giamngheo.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * An issued plan was revised (điều chỉnh kế hoạch): why, on which date, by which document, what changed — and the
 * plan's whole editable content after the revision, so a consumer can replace its copy without earlier events.
 */
@EventType("plan.PlanRevised.v1")
public record PlanRevised(
        String planId,
        long version,
        int revisionNumber,
        String reason,
        String documentCode,
        LocalDate revisedOn,
        List<ChangeEntry> changes,
        String title,
        String program,
        LocalDate periodStart,
        LocalDate periodEnd,
        List<ObjectiveSnapshot> objectives,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return planId;
    }
}
