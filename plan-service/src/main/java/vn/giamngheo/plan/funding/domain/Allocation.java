package vn.giamngheo.plan.funding.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.giamngheo.contracts.funding.FundingAllocated;
import vn.giamngheo.contracts.funding.FundingAllocationCancelled;
import vn.giamngheo.contracts.funding.FundingAllocationChanged;
import vn.giamngheo.contracts.funding.FundingDisbursementReported;
import vn.giamngheo.plan.plan.domain.Plan;
import vn.giamngheo.plan.plan.domain.PlanStatus;
import vn.giamngheo.plan.plan.domain.Program;
import vn.giamngheo.plan.plan.domain.UnitDirectory;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;

/**
 * Money allocated to a plan (lồng ghép nguồn lực): for one unit, from one source, counted under one program, for one
 * year, with the amount disbursed so far. Amounts are whole VND. An allocation is its own aggregate, apart from the
 * plan, because disbursements keep coming while a plan is issued and must not collide with its revisions.
 *
 * @param naturalKey plan, objective, unit, source, program and year: at most one active allocation has it (a
 *                   cancelled one gets its id appended, so it never blocks a new allocation)
 */
public record Allocation(String id, String planId, String objectiveCode, String unitCode, FundingSource source,
                         Program program, int year, long allocatedAmount, long disbursedAmount, String note,
                         AllocationStatus status, String cancellationReason, String naturalKey) {

    public static final long MAX_AMOUNT = 10_000_000_000_000_000L;

    public Allocation {
        String key = String.join("|", planId, Objects.toString(objectiveCode, "-"), unitCode, source.name(),
                program.name(), String.valueOf(year));
        naturalKey = status == AllocationStatus.CANCELLED ? key + "|cancelled|" + id : key;
    }

    public static Change<Allocation> allocate(String id, NewAllocation input, Plan plan, UnitDirectory units,
                                              Instant now) {
        if (plan.status() != PlanStatus.DRAFT && plan.status() != PlanStatus.ISSUED) {
            throw new StateConflictException("Cannot allocate funds to plan " + plan.code() + ": it is "
                    + plan.status());
        }
        List<FieldViolation> violations = new ArrayList<>();
        if (input.year() < plan.periodStart().getYear() || input.year() > plan.periodEnd().getYear()) {
            violations.add(new FieldViolation("year", "must be within the plan's period ("
                    + plan.periodStart().getYear() + "–" + plan.periodEnd().getYear() + ")"));
        }
        if (input.objectiveCode() != null && plan.objective(input.objectiveCode()).isEmpty()) {
            violations.add(new FieldViolation("objectiveCode", "no objective " + input.objectiveCode()
                    + " in plan " + plan.code()));
        }
        Optional<UnitDirectory.Validity> unit = units.find(input.unitCode());
        if (unit.isEmpty()) {
            violations.add(new FieldViolation("unitCode", "no unit " + input.unitCode()));
        } else if (!unit.get().overlaps(LocalDate.of(input.year(), 1, 1), LocalDate.of(input.year(), 12, 31))) {
            violations.add(new FieldViolation("unitCode", "unit " + input.unitCode() + " did not exist in "
                    + input.year()));
        }
        Program program = input.program();
        Optional<Program> sourceProgram = input.source().program();
        if (program == null) {
            program = sourceProgram.orElse(plan.program());
        } else if (sourceProgram.isPresent() && sourceProgram.get() != program) {
            violations.add(new FieldViolation("program", input.source() + " money is counted under "
                    + sourceProgram.get()));
        }
        violations.addAll(amountViolations(input.allocatedAmount(), input.disbursedAmount()));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Allocation allocation = new Allocation(id, plan.id(), input.objectiveCode(), input.unitCode(), input.source(),
                program, input.year(), input.allocatedAmount(), input.disbursedAmount(), clean(input.note()),
                AllocationStatus.ACTIVE, null, null);
        return new Change<>(allocation, new FundingAllocated(id, 1, allocation.planId, allocation.objectiveCode,
                allocation.unitCode, allocation.source.name(), allocation.program.name(), allocation.year,
                allocation.allocatedAmount, allocation.disbursedAmount, allocation.note, allocation.status.name(),
                now));
    }

    /** Corrects the allocated amount and note; nothing happens when both are the same. */
    public Optional<Change<Allocation>> change(long version, long newAllocatedAmount, String newNote, Instant now) {
        requireActive("change");
        List<FieldViolation> violations = amountViolations(newAllocatedAmount, disbursedAmount);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.stream().map(v -> v.field().equals("disbursedAmount")
                    ? new FieldViolation("allocatedAmount", "must not be below the " + disbursedAmount
                    + " VND already disbursed") : v).toList());
        }
        Allocation changed = with(newAllocatedAmount, disbursedAmount, clean(newNote), status, null);
        if (changed.equals(this)) {
            return Optional.empty();
        }
        return Optional.of(new Change<>(changed, new FundingAllocationChanged(id, version + 1, planId, objectiveCode,
                unitCode, source.name(), program.name(), year, changed.allocatedAmount, changed.disbursedAmount,
                changed.note, changed.status.name(), now)));
    }

    /** Records the amount disbursed so far (a total, not a delta); nothing happens when it is the same. */
    public Optional<Change<Allocation>> reportDisbursement(long version, long totalDisbursed, Instant now) {
        requireActive("report a disbursement on");
        List<FieldViolation> violations = amountViolations(allocatedAmount, totalDisbursed);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (totalDisbursed == disbursedAmount) {
            return Optional.empty();
        }
        Allocation changed = with(allocatedAmount, totalDisbursed, note, status, null);
        return Optional.of(new Change<>(changed, new FundingDisbursementReported(id, version + 1, planId,
                objectiveCode, unitCode, source.name(), program.name(), year, changed.allocatedAmount,
                changed.disbursedAmount, changed.note, changed.status.name(), now)));
    }

    public Change<Allocation> cancel(long version, String reason, Instant now) {
        requireActive("cancel");
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "must say why the allocation is withdrawn");
        }
        Allocation cancelled = with(allocatedAmount, disbursedAmount, note, AllocationStatus.CANCELLED,
                reason.strip());
        return new Change<>(cancelled, new FundingAllocationCancelled(id, version + 1, planId, objectiveCode,
                unitCode, source.name(), program.name(), year, allocatedAmount, disbursedAmount, note,
                cancelled.cancellationReason, cancelled.status.name(), now));
    }

    private static List<FieldViolation> amountViolations(long allocated, long disbursed) {
        List<FieldViolation> violations = new ArrayList<>();
        if (allocated <= 0 || allocated > MAX_AMOUNT) {
            violations.add(new FieldViolation("allocatedAmount", "must be between 1 and " + MAX_AMOUNT + " VND"));
        }
        if (disbursed < 0) {
            violations.add(new FieldViolation("disbursedAmount", "must not be negative"));
        } else if (disbursed > allocated) {
            violations.add(new FieldViolation("disbursedAmount", "must not exceed the " + allocated
                    + " VND allocated"));
        }
        return violations;
    }

    private void requireActive(String action) {
        if (status != AllocationStatus.ACTIVE) {
            throw new StateConflictException("Cannot " + action + " allocation " + id + ": it is " + status);
        }
    }

    private Allocation with(long allocated, long disbursed, String newNote, AllocationStatus newStatus,
                            String reason) {
        return new Allocation(id, planId, objectiveCode, unitCode, source, program, year, allocated, disbursed,
                newNote, newStatus, reason, null);
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
