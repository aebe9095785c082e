package vn.giamngheo.plan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import vn.giamngheo.plan.plan.domain.NewPlan;
import vn.giamngheo.plan.plan.domain.Plan;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;
import vn.giamngheo.support.outbox.AggregateStore;
import vn.giamngheo.support.outbox.Versioned;

/** Carries out commands on plans: load, let the domain decide, store state and event in one write. */
@Service
public class PlanCommands {

    private final AggregateStore<Plan> plans;
    private final Clock clock;

    public PlanCommands(PlanStore store, Clock clock) {
        this.plans = store.aggregates();
        this.clock = clock;
    }

    public Versioned<Plan> draft(NewPlan input) {
        if (input.parentPlanId() != null && plans.find(input.parentPlanId()).isEmpty()) {
            throw new InvalidInputException("parentPlanId", "no plan with id " + input.parentPlanId());
        }
        if (plans.count(Criteria.where("state.code").is(input.code().trim())) > 0) {
            throw new StateConflictException("already-exists", "A plan with code " + input.code() + " exists");
        }
        String id = UUID.randomUUID().toString();
        Change<Plan> change = Plan.draft(id, input, clock.instant());
        return plans.create(id, change.state(), change.event());
    }

    public Versioned<Plan> issue(String id, Long expectedVersion, LocalDate issuedOn) {
        return plans.apply(id, expectedVersion, (plan, version) -> plan.issue(version, issuedOn, clock.instant()));
    }

    public Versioned<Plan> close(String id, Long expectedVersion) {
        return plans.apply(id, expectedVersion, (plan, version) -> plan.close(version, clock.instant()));
    }

    public Versioned<Plan> cancel(String id, Long expectedVersion, String reason) {
        return plans.apply(id, expectedVersion, (plan, version) -> plan.cancel(version, reason, clock.instant()));
    }
}
