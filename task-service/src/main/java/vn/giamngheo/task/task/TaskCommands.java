package vn.giamngheo.task.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.StaleVersionException;
import vn.giamngheo.support.domain.StateConflictException;
import vn.giamngheo.support.domain.UnprocessableException;
import vn.giamngheo.support.outbox.AggregateStore;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.security.Caller;
import vn.giamngheo.support.security.CurrentCaller;
import vn.giamngheo.task.plan.KnownPlans;
import vn.giamngheo.task.plan.KnownPlans.KnownPlan;
import vn.giamngheo.task.task.domain.NewDisseminationSession;
import vn.giamngheo.task.task.domain.NewTask;
import vn.giamngheo.task.task.domain.ProgressUpdate;
import vn.giamngheo.task.task.domain.Task;
import vn.giamngheo.task.task.domain.TaskStatus;
import vn.giamngheo.task.task.domain.UnitDirectory;

/**
 * Carries out commands on tasks: load, check that the caller may act on this task, let the domain decide, store
 * state and event in one write. The store records the caller as the change's actor; changes that follow a plan are
 * the service's own.
 */
@Service
public class TaskCommands {

    /**
     * A command without If-Match is re-run on fresh state this many times when another writer (the overdue check, a
     * plan event, another user) got in between; with If-Match the client asked for exactly one version, so it gets 409.
     */
    private static final int ATTEMPTS_WITHOUT_IF_MATCH = 3;

    private final TaskStore store;
    private final AggregateStore<Task> tasks;
    private final KnownPlans plans;
    private final UnitDirectory units;
    private final Clock clock;
    private final CurrentCaller callers;

    public TaskCommands(TaskStore store, KnownPlans plans, UnitDirectory units, Clock clock, CurrentCaller callers) {
        this.store = store;
        this.tasks = store.aggregates();
        this.plans = plans;
        this.units = units;
        this.clock = clock;
        this.callers = callers;
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
        Change<Task> change = Task.create(id, input, plan.isIssued(), units, clock.instant());
        Versioned<Task> created = tasks.create(id, change.state(), change.event());
        // The plan may have been issued or cancelled between reading it and storing the task, and the consumer's
        // reconciliation may have run before the task existed: look again, so the task never misses the change.
        KnownPlan now = plans.find(input.planId()).orElse(plan);
        if (!now.status().equals(plan.status())) {
            // The same change the plan-events consumer makes as the service: the audit must not depend on which of
            // the two got there first.
            callers.runAsService(() -> follow(now, created));
            return tasks.get(id);
        }
        return created;
    }

    /** The lead unit reports any progress; a coordinating unit adds notes only. */
    public Versioned<Task> reportProgress(String id, Long expectedVersion, ProgressUpdate update) {
        Caller caller = callers.get();
        return apply(id, expectedVersion, (t, v) -> {
            TaskAccess.requireMayReport(caller, t, update);
            return t.reportProgress(v, update, caller.actor(), clock.instant());
        });
    }

    public Versioned<Task> complete(String id, Long expectedVersion, String note) {
        Caller caller = callers.get();
        return apply(id, expectedVersion, (t, v) -> {
            TaskAccess.requireLeadOrAdmin(caller, t, "complete");
            return t.complete(v, note, clock.instant());
        });
    }

    public Versioned<Task> block(String id, Long expectedVersion, String reason) {
        Caller caller = callers.get();
        return apply(id, expectedVersion, (t, v) -> {
            TaskAccess.requireLeadOrAdmin(caller, t, "block");
            return t.block(v, reason, clock.instant());
        });
    }

    public Versioned<Task> unblock(String id, Long expectedVersion) {
        Caller caller = callers.get();
        return apply(id, expectedVersion, (t, v) -> {
            TaskAccess.requireLeadOrAdmin(caller, t, "unblock");
            return t.unblock(v, clock.instant());
        });
    }

    /** Only the administrator cancels (the access rules see to that): a task is the steering committee's decision. */
    public Versioned<Task> cancel(String id, Long expectedVersion, String reason) {
        return apply(id, expectedVersion, (t, v) -> t.cancel(v, reason, clock.instant()));
    }

    public Versioned<Task> extend(String id, Long expectedVersion, LocalDate newDueDate, String reason,
                                  String requestedBy) {
        Caller caller = callers.get();
        return apply(id, expectedVersion, (t, v) -> {
            TaskAccess.requireLeadOrAdmin(caller, t, "extend the deadline of");
            return t.extend(v, newDueDate, reason, requestedBy, LocalDate.now(clock), units, caller.actor(),
                    clock.instant());
        });
    }

    public Versioned<Task> recordDisseminationSession(String id, Long expectedVersion,
                                                      NewDisseminationSession session) {
        Caller caller = callers.get();
        return apply(id, expectedVersion, (t, v) -> {
            TaskAccess.requireLeadOrAdmin(caller, t, "record dissemination sessions of");
            return t.recordDisseminationSession(v, session, LocalDate.now(clock), units, caller.actor(),
                    clock.instant());
        });
    }

    /**
     * Brings a plan's open tasks in line with the plan: issued → planned tasks become assigned; cancelled → open
     * tasks are cancelled. Idempotent, so it is safe to run again on every redelivered plan event.
     */
    public void followPlan(KnownPlan plan) {
        for (Versioned<Task> task : store.openTasksOf(plan.id())) {
            follow(plan, task);
        }
    }

    private void follow(KnownPlan plan, Versioned<Task> task) {
        retryOnConcurrentWrite(task, current -> {
            Task state = current.state();
            if (plan.isIssued() && state.status() == TaskStatus.PLANNED) {
                return state.assign(current.version(), clock.instant());
            }
            if ("CANCELLED".equals(plan.status()) && state.status().isOpen()) {
                return state.cancel(current.version(), "Kế hoạch " + plan.code() + " đã bị hủy / Plan "
                        + plan.code() + " was cancelled", clock.instant());
            }
            return null;
        });
    }

    private Versioned<Task> apply(String id, Long expectedVersion, BiFunction<Task, Long, Change<Task>> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tasks.apply(id, expectedVersion, command);
            } catch (StaleVersionException e) {
                if (expectedVersion != null || attempt == ATTEMPTS_WITHOUT_IF_MATCH) {
                    throw e;
                }
            }
        }
    }

    /** Runs a decision on the task and, when it returns a change, stores it; re-reads and decides again on a race. */
    private void retryOnConcurrentWrite(Versioned<Task> read, Function<Versioned<Task>, Change<Task>> decide) {
        Versioned<Task> current = read;
        for (int attempt = 1; ; attempt++) {
            Change<Task> change = decide.apply(current);
            if (change == null) {
                return;
            }
            try {
                tasks.update(current.id(), current.version(), change.state(), change.event());
                return;
            } catch (StaleVersionException e) {
                if (attempt == ATTEMPTS_WITHOUT_IF_MATCH) {
                    throw e;
                }
                current = tasks.get(current.id());
            }
        }
    }
}
