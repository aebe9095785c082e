package vn.giamngheo.task.task;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        // The changes are read after the task: one written in between would be newer than the version answered with.
        List<OutboxEntry> changes = store.aggregates().changes(task.id()).stream()
                .filter(change -> change.version() <= task.version()).toList();
        return fold(task.state(), changes);
    }

    /**
     * The log from the task's state and its stored changes (oldest first): the reports the document carries from
     * before the log left it, then the reported events in version order. A report of the document can also be in the
     * log (its event was still waiting to be published when the change came), so a logged report whose number the
     * document already has is the same report and shown once.
     */
    static List<ProgressReport> fold(Task state, List<OutboxEntry> changes) {
        List<ProgressReport> reports = new ArrayList<>(state.progressReports());
        Set<Integer> carried = new HashSet<>();
        reports.forEach(report -> carried.add(report.number()));
        // For reports whose events lack the percentage before them: the changes since the log began follow one
        // another without a gap; those before it are known only through the reports the document carries.
        int percentBefore = reports.isEmpty() ? 0 : reports.get(reports.size() - 1).percentComplete();
        for (OutboxEntry change : changes) {
            JsonNode payload = EventJson.parse(change.payload().getBytes(StandardCharsets.UTF_8));
            if (REPORTED.equals(change.type())) {
                TaskProgressReported event = EventJson.read(payload, TaskProgressReported.class);
                int number = event.reportNumber() == null ? reports.size() + 1 : event.reportNumber();
                int previous = event.previousPercentComplete() == null ? percentBefore
                        : event.previousPercentComplete();
                if (!carried.contains(number)) {
                    reports.add(new ProgressReport(number, event.percentComplete(), previous, event.note(),
                            event.evidenceLinks(), event.outputs(), event.correctionReason(), change.occurredAt(),
                            EventJson.actorOf(payload)));
                }
            }
            percentBefore = payload.get("percentComplete").asInt();
        }
        return List.copyOf(reports);
    }
}
