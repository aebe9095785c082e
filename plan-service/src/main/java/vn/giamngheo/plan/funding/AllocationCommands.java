package vn.giamngheo.plan.funding;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import vn.giamngheo.plan.funding.domain.Allocation;
import vn.giamngheo.plan.funding.domain.NewAllocation;
import vn.giamngheo.plan.plan.PlanStore;
import vn.giamngheo.plan.plan.domain.Plan;
import vn.giamngheo.plan.plan.domain.UnitDirectory;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.StaleVersionException;
import vn.giamngheo.support.domain.StateConflictException;
import vn.giamngheo.support.outbox.AggregateStore;
import vn.giamngheo.support.outbox.Versioned;

/** Allocates funds to plans, corrects allocations, records disbursements and withdraws allocations. */
@Service
public class AllocationCommands {

    private final AggregateStore<Allocation> allocations;
    private final PlanStore plans;
    private final UnitDirectory units;
    private final Clock clock;

    public AllocationCommands(AllocationStore store, PlanStore plans, UnitDirectory units, Clock clock) {
        this.allocations = store.aggregates();
        this.plans = plans;
        this.units = units;
        this.clock = clock;
    }

    public Versioned<Allocation> allocate(NewAllocation input) {
        Plan plan = plans.get(input.planId()).state();
        String id = UUID.randomUUID().toString();
        Change<Allocation> change = Allocation.allocate(id, input, plan, units, clock.instant());
        if (allocations.count(Criteria.where("state.naturalKey").is(change.state().naturalKey())) > 0) {
            throw new StateConflictException("already-exists", "An active allocation of " + input.source() + " for "
                    + input.unitCode() + " in " + input.year() + " exists for this plan"
                    + (input.objectiveCode() == null ? "" : " and objective " + input.objectiveCode())
                    + "; change its amount instead");
        }
        // A concurrent twin is caught by the unique index on naturalKey, also as 409 already-exists.
        return allocations.create(id, change.state(), change.event());
    }

    public Versioned<Allocation> change(String id, Long expectedVersion, long allocatedAmount, String note) {
        return applyIfChanged(id, expectedVersion,
                (allocation, version) -> allocation.change(version, allocatedAmount, note, clock.instant()));
    }

    public Versioned<Allocation> reportDisbursement(String id, Long expectedVersion, long totalDisbursed) {
        return applyIfChanged(id, expectedVersion,
                (allocation, version) -> allocation.reportDisbursement(version, totalDisbursed, clock.instant()));
    }

    public Versioned<Allocation> cancel(String id, Long expectedVersion, String reason) {
        return allocations.apply(id, expectedVersion,
                (allocation, version) -> allocation.cancel(version, reason, clock.instant()));
    }

    private Versioned<Allocation> applyIfChanged(String id, Long expectedVersion,
                                                 BiFunction<Allocation, Long, Optional<Change<Allocation>>> command) {
        Versioned<Allocation> current = allocations.get(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersionException("Allocation", id, expectedVersion, current.version());
        }
        Optional<Change<Allocation>> change = command.apply(current.state(), current.version());
        if (change.isEmpty()) {
            return current;
        }
        return allocations.update(id, current.version(), change.get().state(), change.get().event());
    }
}
