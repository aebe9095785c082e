package vn.giamngheo.task.task;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.EventCatalog;
import vn.giamngheo.contracts.EventJson;
import vn.giamngheo.contracts.task.TaskProgressReported;
import vn.giamngheo.support.outbox.OutboxEntry;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.task.task.domain.ProgressReport;
import vn.giamngheo.task.task.domain.Task;

/**
 * A task's progress log, oldest first: each report is the task's {@link TaskProgressReported} event as stored (with
 * who reported it in its payload), read from the task's changes; a task stored before the log left its document adds
 * the reports that document still carries. The percentage before a report is in its event; for events published
 * before it was, the one the task's previous change left (every task event carries the percentage after it).
 */
@Component
public class ProgressLog {

    private static final String REPORTED = EventCatalog.typeOf(TaskProgressReported.class);

    private final TaskStore store;

    public ProgressLog(TaskStore store) {
        this.store = store;
    }

    public List<ProgressReport> of(Versioned<Task> task) {
        return fold(task.state(), store.aggregates().changes(task.id()));
    }

    /** The log from the task's state and its stored changes, oldest first. */
    static List<ProgressReport> fold(Task state, List<OutboxEntry> changes) {
        TreeMap<Integer, ProgressReport> reports = new TreeMap<>();
        state.progressReports().forEach(report -> reports.put(report.number(), report));
        // For reports whose events lack the percentage before them: the changes since the log began follow one
        // another without a gap; those before it are known only through the reports the document carries.
        int percentBefore = reports.isEmpty() ? 0 : reports.lastEntry().getValue().percentComplete();
        for (OutboxEntry change : changes) {
            JsonNode payload = EventJson.parse(change.payload().getBytes(StandardCharsets.UTF_8));
            if (REPORTED.equals(change.type())) {
                TaskProgressReported event = EventJson.read(payload, TaskProgressReported.class);
                int number = event.reportNumber() == null ? reports.size() + 1 : event.reportNumber();
                int previous = event.previousPercentComplete() == null ? percentBefore
                        : event.previousPercentComplete();
                reports.putIfAbsent(number, new ProgressReport(number, event.percentComplete(), previous,
                        event.note(), event.evidenceLinks(), event.outputs(), event.correctionReason(),
                        change.occurredAt(), EventJson.actorOf(payload)));
            }
            percentBefore = payload.get("percentComplete").asInt();
        }
        return List.copyOf(reports.values());
    }
}
