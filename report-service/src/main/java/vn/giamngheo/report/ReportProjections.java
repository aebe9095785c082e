package vn.giamngheo.report;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.EventCatalog;
import vn.giamngheo.report.funding.AllocationViews;
import vn.giamngheo.report.plan.PlanViews;
import vn.giamngheo.report.task.TaskViews;
import vn.giamngheo.report.unit.UnitViews;
import vn.giamngheo.support.consume.IncomingEvent;
import vn.giamngheo.support.consume.VersionedCopies;

/**
 * Every projection fed from plan.events and task.events, by aggregate kind. The projections are rebuildable: applying
 * the topics from the beginning to an empty database gives the same documents (see the replay scenario).
 */
@Component
public class ReportProjections {

    private final PlanViews plans;
    private final UnitViews units;
    private final AllocationViews allocations;
    private final TaskViews tasks;

    public ReportProjections(PlanViews plans, UnitViews units, AllocationViews allocations, TaskViews tasks) {
        this.plans = plans;
        this.units = units;
        this.allocations = allocations;
        this.tasks = tasks;
    }

    /** The projections on another database, e.g. to rebuild them from the topics elsewhere and compare. */
    public static ReportProjections on(MongoTemplate mongo) {
        VersionedCopies copies = new VersionedCopies(mongo);
        return new ReportProjections(new PlanViews(mongo, copies), new UnitViews(mongo, copies),
                new AllocationViews(mongo, copies), new TaskViews(mongo, copies));
    }

    /** Applies one event of a kind the reports follow; other kinds (none yet) are ignored. */
    public void apply(IncomingEvent event) {
        if (event.isAbout(EventCatalog.PLAN)) {
            plans.apply(event);
        } else if (event.isAbout(EventCatalog.UNIT)) {
            units.apply(event);
        } else if (event.isAbout(EventCatalog.ALLOCATION)) {
            allocations.apply(event);
        } else if (event.isAbout(EventCatalog.TASK)) {
            tasks.apply(event);
        }
    }
}
