package vn.giamngheo.plan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import vn.giamngheo.plan.plan.domain.IndicatorInput;
import vn.giamngheo.plan.plan.domain.NewPlan;
import vn.giamngheo.plan.plan.domain.ObjectiveInput;
import vn.giamngheo.plan.plan.domain.Plan;
import vn.giamngheo.plan.plan.domain.PlanDetails;
import vn.giamngheo.plan.plan.domain.PlanRevision;
import vn.giamngheo.plan.plan.domain.UnitDirectory;
import vn.giamngheo.plan.plan.domain.YearlyTarget;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StaleVersionException;
import vn.giamngheo.support.domain.StateConflictException;
import vn.giamngheo.support.outbox.AggregateStore;
import vn.giamngheo.support.outbox.Versioned;

/** Carries out commands on plans: load, let the domain decide, store state and event in one write. */
@Service
public class PlanCommands {

    private final AggregateStore<Plan> plans;
    private final UnitDirectory units;
    private final Clock clock;

    public PlanCommands(PlanStore store, UnitDirectory units, Clock clock) {
        this.plans = store.aggregates();
        this.units = units;
        this.clock = clock;
    }

    public Versioned<Plan> draft(NewPlan input) {
        String id = UUID.randomUUID().toString();
        List<FieldViolation> violations = new ArrayList<>(Plan.draftViolations(id, input));
        violations.addAll(Plan.issuingUnitViolations(input.issuingUnitCode(), input.periodStart(),
                input.periodEnd(), units));
        if (input.parentPlanId() != null && plans.find(input.parentPlanId()).isEmpty()) {
            violations.add(new FieldViolation("parentPlanId", "no plan with id " + input.parentPlanId()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (plans.count(Criteria.where("state.code").is(input.code().trim())) > 0) {
            throw new StateConflictException("already-exists", "A plan with code " + input.code() + " exists");
        }
        Change<Plan> change = Plan.draft(id, input, clock.instant());
        return plans.create(id, change.state(), change.event());
    }

    public Versioned<Plan> changeDetails(String id, Long expectedVersion, PlanDetails details) {
        if (details.parentPlanId() != null) {
            requireParentWithoutCycle(id, details.parentPlanId());
        }
        return applyIfChanged(id, expectedVersion,
                (plan, version) -> plan.changeDetails(version, details, units, clock.instant()));
    }

    public Versioned<Plan> addObjective(String id, Long expectedVersion, ObjectiveInput input) {
        return plans.apply(id, expectedVersion, (plan, version) -> plan.addObjective(version, input, clock.instant()));
    }

    public Versioned<Plan> changeObjective(String id, Long expectedVersion, String code, String nameVi,
                                           String nameEn) {
        return applyIfChanged(id, expectedVersion,
                (plan, version) -> plan.changeObjective(version, code, nameVi, nameEn, clock.instant()));
    }

    public Versioned<Plan> removeObjective(String id, Long expectedVersion, String code) {
        return plans.apply(id, expectedVersion, (plan, version) -> plan.removeObjective(version, code,
                clock.instant()));
    }

    public Versioned<Plan> addIndicator(String id, Long expectedVersion, String objectiveCode, IndicatorInput input) {
        return plans.apply(id, expectedVersion, (plan, version) -> plan.addIndicator(version, objectiveCode, input,
                units, clock.instant()));
    }

    public Versioned<Plan> changeIndicator(String id, Long expectedVersion, String code, IndicatorInput input) {
        return applyIfChanged(id, expectedVersion,
                (plan, version) -> plan.changeIndicator(version, code, input, units, clock.instant()));
    }

    public Versioned<Plan> removeIndicator(String id, Long expectedVersion, String code) {
        return plans.apply(id, expectedVersion, (plan, version) -> plan.removeIndicator(version, code,
                clock.instant()));
    }

    public Versioned<Plan> setTargets(String id, Long expectedVersion, String code, List<YearlyTarget> targets) {
        return applyIfChanged(id, expectedVersion,
                (plan, version) -> plan.setTargets(version, code, targets, units, clock.instant()));
    }

    public Versioned<Plan> revise(String id, Long expectedVersion, PlanRevision revision) {
        return plans.apply(id, expectedVersion, (plan, version) -> plan.revise(version, revision, units,
                clock.instant()));
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

    /** Like {@link AggregateStore#apply}, but an edit that changes nothing stores and publishes nothing. */
    private Versioned<Plan> applyIfChanged(String id, Long expectedVersion,
                                           BiFunction<Plan, Long, Optional<Change<Plan>>> command) {
        Versioned<Plan> current = plans.get(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersionException("Plan", id, expectedVersion, current.version());
        }
        Optional<Change<Plan>> change = command.apply(current.state(), current.version());
        if (change.isEmpty()) {
            return current;
        }
        return plans.update(id, current.version(), change.get().state(), change.get().event());
    }

    private void requireParentWithoutCycle(String id, String parentPlanId) {
        Set<String> seen = new HashSet<>();
        String cursor = parentPlanId;
        while (cursor != null && seen.add(cursor)) {
            if (cursor.equals(id)) {
                throw new InvalidInputException("parentPlanId", "plan " + parentPlanId
                        + " is this plan or one of its sub-plans; plans cannot form a cycle");
            }
            Optional<Versioned<Plan>> parent = plans.find(cursor);
            if (parent.isEmpty()) {
                throw new InvalidInputException("parentPlanId", "no plan with id " + cursor);
            }
            cursor = parent.get().state().parentPlanId();
        }
    }
}
