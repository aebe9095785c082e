package vn.giamngheo.report.plan;

import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.report.plan.domain.PlanRecord;
import vn.giamngheo.support.security.CurrentCaller;

/**
 * Which plans the current caller's reports may show. A DRAFT plan is not published yet: for the public (no token) it
 * does not exist — its reports are 404 and it is left out of roll-ups, indicator tables and funding totals, as in the
 * plan-service. Signed-in readers see every plan.
 */
@Component
public class PlanVisibility {

    private final CurrentCaller caller;

    public PlanVisibility(CurrentCaller caller) {
        this.caller = caller;
    }

    /** The current caller is the public, who sees no DRAFT plan. */
    public boolean draftsHidden() {
        return caller.get().kind() == Actor.Kind.PUBLIC;
    }

    public static boolean isDraft(PlanRecord plan) {
        return "DRAFT".equals(plan.status());
    }
}
