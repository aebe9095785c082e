package vn.giamngheo.plan.plan.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.giamngheo.contracts.plan.PlanCancelled;
import vn.giamngheo.contracts.plan.PlanClosed;
import vn.giamngheo.contracts.plan.PlanCreated;
import vn.giamngheo.contracts.plan.PlanIssued;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;

/**
 * A plan: a resolution, a program plan, an annual or a unit plan, with its legal basis and lifecycle. Each command
 * returns the new state and the single event that records it; the caller stores both in one write.
 */
public record Plan(String id, String code, String title, PlanKind kind, String issuingUnitCode, String parentPlanId,
                   LocalDate periodStart, LocalDate periodEnd, PlanStatus status, LocalDate issuedOn,
                   String cancellationReason) {

    public static Change<Plan> draft(String id, NewPlan input, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        if (input.periodStart() != null && input.periodEnd() != null
                && input.periodEnd().isBefore(input.periodStart())) {
            violations.add(new FieldViolation("periodEnd", "must not be before periodStart"));
        }
        if (id.equals(input.parentPlanId())) {
            violations.add(new FieldViolation("parentPlanId", "a plan cannot be its own parent"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Plan plan = new Plan(id, input.code().trim(), input.title().trim(), input.kind(), input.issuingUnitCode(),
                input.parentPlanId(), input.periodStart(), input.periodEnd(), PlanStatus.DRAFT, null, null);
        return new Change<>(plan, new PlanCreated(id, 1, plan.code, plan.title, plan.kind.name(),
                plan.issuingUnitCode, plan.parentPlanId, plan.periodStart, plan.periodEnd, plan.status.name(), now));
    }

    public Change<Plan> issue(long version, LocalDate issuedOn, Instant now) {
        requireStatus("issue", PlanStatus.DRAFT);
        LocalDate date = issuedOn == null ? LocalDate.ofInstant(now, java.time.ZoneOffset.UTC) : issuedOn;
        Plan issued = with(PlanStatus.ISSUED, date, null);
        return new Change<>(issued, new PlanIssued(id, version + 1, date, issued.status.name(), now));
    }

    public Change<Plan> close(long version, Instant now) {
        requireStatus("close", PlanStatus.ISSUED);
        Plan closed = with(PlanStatus.CLOSED, issuedOn, null);
        return new Change<>(closed, new PlanClosed(id, version + 1, closed.status.name(), now));
    }

    public Change<Plan> cancel(long version, String reason, Instant now) {
        requireStatus("cancel", PlanStatus.DRAFT, PlanStatus.ISSUED);
        Plan cancelled = with(PlanStatus.CANCELLED, issuedOn, reason);
        return new Change<>(cancelled, new PlanCancelled(id, version + 1, reason, cancelled.status.name(), now));
    }

    private void requireStatus(String action, PlanStatus... allowed) {
        for (PlanStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new StateConflictException("Cannot " + action + " plan " + code + ": it is " + status);
    }

    private Plan with(PlanStatus newStatus, LocalDate newIssuedOn, String reason) {
        return new Plan(id, code, title, kind, issuingUnitCode, parentPlanId, periodStart, periodEnd, newStatus,
                newIssuedOn, reason);
    }
}
