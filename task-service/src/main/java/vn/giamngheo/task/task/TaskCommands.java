package vn.giamngheo.task.task;

import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.StateConflictException;
import vn.giamngheo.support.domain.UnprocessableException;
import vn.giamngheo.support.outbox.AggregateStore;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.task.plan.KnownPlans;
import vn.giamngheo.task.plan.KnownPlans.KnownPlan;
import vn.giamngheo.task.task.domain.NewTask;
import vn.giamngheo.task.task.domain.Task;
import vn.giamngheo.task.task.domain.TaskStatus;

/** Carries out commands on tasks: load, let the domain decide, store state and event in one write. */
@Service
public class TaskCommands {

    private final TaskStore store;
    private final AggregateStore<Task> tasks;
    private final KnownPlans plans;
    private final Clock clock;

    public TaskCommands(TaskStore store, KnownPlans plans, Clock clock) {
        this.store = store;
        this.tasks = store.aggregates();
        this.plans = plans;
        this.clock = clock;
    }

    public Versioned<Task> create(NewTask input) {
        KnownPlan plan = plans.find(input.planId()).orElseThrow(() -> new UnprocessableException("unknown-plan",
                "Plan " + input.planId() + " is not known to the task-service (yet): create it in the "
                        + "plan-service first; it arrives here within seconds"));
        if (!plan.acceptsTasks()) {
            throw new StateConflictException("plan-not-open", "Plan " + plan.code() + " is " + plan.status()
                    + " and takes no new tasks");
        }
        String id = UUID.randomUUID().toString();
        Change<Task> change = Task.create(id, input, plan.isIssued(), clock.instant());
        return tasks.create(id, change.state(), change.event());
    }

    public Versioned<Task> reportProgress(String id, Long expectedVersion, int percent, String note) {
        return tasks.apply(id, expectedVersion, (t, v) -> t.reportProgress(v, percent, note, clock.instant()));
    }

    public Versioned<Task> complete(String id, Long expectedVersion, String note) {
        return tasks.apply(id, expectedVersion, (t, v) -> t.complete(v, note, clock.instant()));
    }

    public Versioned<Task> block(String id, Long expectedVersion, String reason) {
        return tasks.apply(id, expectedVersion, (t, v) -> t.block(v, reason, clock.instant()));
    }

    public Versioned<Task> unblock(String id, Long expectedVersion) {
        return tasks.apply(id, expectedVersion, (t, v) -> t.unblock(v, clock.instant()));
    }

    public Versioned<Task> cancel(String id, Long expectedVersion, String reason) {
        return tasks.apply(id, expectedVersion, (t, v) -> t.cancel(v, reason, clock.instant()));
    }

    /**
     * Brings a plan's open tasks in line with the plan: issued → planned tasks become assigned; cancelled → open
     * tasks are cancelled. Idempotent, so it is safe to run again on every redelivered plan event.
     */
    public void followPlan(KnownPlan plan) {
        for (Versioned<Task> task : store.openTasksOf(plan.id())) {
            if (plan.isIssued() && task.state().status() == TaskStatus.PLANNED) {
                Change<Task> change = task.state().assign(task.version(), clock.instant());
                tasks.update(task.id(), task.version(), change.state(), change.event());
            } else if ("CANCELLED".equals(plan.status())) {
                Change<Task> change = task.state().cancel(task.version(), "Kế hoạch " + plan.code()
                        + " đã bị hủy / Plan " + plan.code() + " was cancelled", clock.instant());
                tasks.update(task.id(), task.version(), change.state(), change.event());
            }
        }
    }
}
