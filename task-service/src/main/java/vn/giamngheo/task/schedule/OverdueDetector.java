package vn.giamngheo.task.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.StaleVersionException;
import vn.giamngheo.support.outbox.AggregateStore;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.task.task.TaskStore;
import vn.giamngheo.task.task.domain.Task;

/**
 * Finds open tasks whose due date has passed and reports each one overdue once per due date.
 *
 * <p>Safe with any number of instances running at the same time, by construction and without a lock: the mark
 * "reported overdue for this due date" is part of the task's state, and it is written together with the
 * {@code TaskOverdue} event in one single-document update conditioned on the version the detector read. Of two
 * detectors that read the same task, the second one's write matches no document (the version moved on) and is
 * dropped; a detector that reads after the first write sees the mark and skips the task. A deadline extension
 * clears the mark, so the new due date can be reported once more.
 */
public class OverdueDetector {

    /** A run looks at this many tasks per query, and at most this many queries, so one run is always bounded. */
    static final int BATCH = 200;
    static final int MAX_BATCHES = 50;

    private final TaskStore store;
    private final AggregateStore<Task> tasks;
    private final Clock clock;

    public OverdueDetector(TaskStore store, Clock clock) {
        this.store = store;
        this.tasks = store.aggregates();
        this.clock = clock;
    }

    /** What one run did: tasks it reported overdue, and tasks another writer changed first (left to them). */
    public record Run(LocalDate today, int reported, int lostRaces) {
    }

    public Run detect() {
        LocalDate today = LocalDate.now(clock);
        int reported = 0;
        int lostRaces = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<Versioned<Task>> candidates = store.overdueUnreported(today, BATCH);
            Run run = report(candidates, today);
            reported += run.reported();
            lostRaces += run.lostRaces();
            if (candidates.size() < BATCH || run.reported() == 0) {
                break;
            }
        }
        return new Run(today, reported, lostRaces);
    }

    /** Reports tasks as read earlier; a task someone changed since that read is left alone. */
    Run report(List<Versioned<Task>> candidates, LocalDate today) {
        int reported = 0;
        int lostRaces = 0;
        for (Versioned<Task> task : candidates) {
            if (!task.state().isOverdueUnreported(today)) {
                continue;
            }
            Change<Task> change = task.state().markOverdue(task.version(), today, clock.instant());
            try {
                tasks.update(task.id(), task.version(), change.state(), change.event());
                reported++;
            } catch (StaleVersionException someoneElseWroteFirst) {
                // Another detector marked it, or a user changed it; in the second case the next run looks again.
                lostRaces++;
            }
        }
        return new Run(today, reported, lostRaces);
    }
}
