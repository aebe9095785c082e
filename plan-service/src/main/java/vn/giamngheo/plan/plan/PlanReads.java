package vn.giamngheo.plan.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.plan.Access;
import vn.giamngheo.plan.plan.domain.Plan;
import vn.giamngheo.plan.plan.domain.PlanStatus;
import vn.giamngheo.support.domain.NotFoundException;
import vn.giamngheo.support.outbox.AuditEntry;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.security.CurrentCaller;
import vn.giamngheo.support.web.PageResponse;

/**
 * Reads plans as the current caller may see them. A draft is work in progress of the province's officials: to the
 * public (and to machine clients without {@code api.read}) it does not exist, so it answers 404 exactly like an
 * unknown id and is left out of lists, even when asked for by status or code.
 */
@Service
public class PlanReads {

    private final PlanStore store;
    private final CurrentCaller caller;

    public PlanReads(PlanStore store, CurrentCaller caller) {
        this.store = store;
        this.caller = caller;
    }

    public Versioned<Plan> get(String id) {
        Versioned<Plan> plan = store.get(id);
        if (plan.state().status() == PlanStatus.DRAFT && !readsEverything()) {
            throw new NotFoundException("Plan", id);
        }
        return plan;
    }

    public PageResponse<Versioned<Plan>> search(PlanStore.PlanFilter filter, int page, int size) {
        return store.search(readsEverything() ? filter : filter.withoutDrafts(), page, size);
    }

    /**
     * Who made each step of the plan, by the version the step produced. Taken from the audit trail, which the store
     * writes in the same single-document write as the step itself, so history and actor can never disagree; steps
     * stored before audit trails existed have no entry.
     */
    public Map<Long, Actor> actorsByVersion(String id) {
        List<AuditEntry> trail = store.auditTrail(id);
        Map<Long, Actor> actors = new HashMap<>();
        trail.forEach(entry -> actors.put(entry.version(), entry.actor()));
        return actors;
    }

    /** Whether the current caller may see who acted (account and name), not only the kind of actor and unit. */
    public boolean readsEverything() {
        return Access.readsEverything(caller.get());
    }
}
