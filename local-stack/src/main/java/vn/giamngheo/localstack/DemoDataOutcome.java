package vn.giamngheo.localstack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What loading the demo data did, and what the demo holds afterwards as the services answered (plans, allocations and
 * tasks that an interrupted earlier load had already stored count as well).
 *
 * @param loadedNow      false if the marker showed it was loaded by an earlier start; then every figure is 0
 * @param plans          plans created or found by code
 * @param objectives     objectives of those plans
 * @param indicators     indicators of those plans
 * @param revisions      revisions of those plans
 * @param allocations    funding allocations of those plans that the demo defines
 * @param allocatedVnd   their allocated total, whole VND (illustrative figures)
 * @param disbursedVnd   their disbursed total, whole VND
 * @param tasks          demo tasks, whether created now or found by title
 * @param tasksCreated   of those, created by this load
 * @param tasksByStatus  the tasks by final status, in lifecycle order
 * @param overdueTasks   open tasks past their due date, as the task-service says
 */
public record DemoDataOutcome(boolean loadedNow, int plans, int objectives, int indicators, int revisions,
                              int allocations, long allocatedVnd, long disbursedVnd, int tasks, int tasksCreated,
                              Map<String, Integer> tasksByStatus, int overdueTasks) {

    public DemoDataOutcome {
        tasksByStatus = tasksByStatus == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(tasksByStatus));
    }

    static DemoDataOutcome alreadyLoaded() {
        return new DemoDataOutcome(false, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), 0);
    }

    /** Two lines for the start-up summary and the marker file. */
    public String summary() {
        String statuses = tasksByStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%d plans (%d objectives, %d indicators, %s); %d funding allocations "
                        + "(%,d VND allocated, %,d disbursed; illustrative figures)%n"
                        + "%d tasks (%d created now): %s; %d overdue",
                plans, objectives, indicators, revisions == 1 ? "1 revision" : revisions + " revisions", allocations,
                allocatedVnd, disbursedVnd, tasks, tasksCreated, statuses.isEmpty() ? "none" : statuses,
                overdueTasks);
    }
}
