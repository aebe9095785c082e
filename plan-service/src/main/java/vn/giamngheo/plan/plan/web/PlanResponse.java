package vn.giamngheo.plan.plan.web;

import java.time.LocalDate;
import vn.giamngheo.plan.plan.domain.Plan;
import vn.giamngheo.plan.plan.domain.PlanKind;
import vn.giamngheo.plan.plan.domain.PlanStatus;
import vn.giamngheo.support.outbox.Versioned;

public record PlanResponse(String id, long version, String code, String title, PlanKind kind, String issuingUnitCode,
                           String parentPlanId, LocalDate periodStart, LocalDate periodEnd, PlanStatus status,
                           LocalDate issuedOn, String cancellationReason) {

    static PlanResponse of(Versioned<Plan> versioned) {
        Plan p = versioned.state();
        return new PlanResponse(versioned.id(), versioned.version(), p.code(), p.title(), p.kind(),
                p.issuingUnitCode(), p.parentPlanId(), p.periodStart(), p.periodEnd(), p.status(), p.issuedOn(),
                p.cancellationReason());
    }
}
