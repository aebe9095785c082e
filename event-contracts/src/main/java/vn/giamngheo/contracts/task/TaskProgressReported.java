package vn.giamngheo.contracts.task;

import java.time.Instant;
import java.util.List;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * A unit reported progress; {@code percentComplete} is the new total, not a delta. A report may attach evidence
 * links and quantitative outputs; {@code correctionReason} is set when the total went down (a correction).
 * {@code previousPercentComplete} is the total before the report. {@code reportNumber}, {@code evidenceLinks},
 * {@code outputs}, {@code correctionReason} and {@code previousPercentComplete} were added later: events published
 * before that lack them.
 */
@EventType("task.TaskProgressReported.v1")
public record TaskProgressReported(
        String taskId,
        long version,
        String planId,
        Integer reportNumber,
        String note,
        List<String> evidenceLinks,
        List<QuantitativeOutput> outputs,
        String correctionReason,
        String status,
        int percentComplete,
        Integer previousPercentComplete,
        Instant occurredAt) implements DomainEvent {

    /** The original shape: a note and the new total only. */
    public TaskProgressReported(String taskId, long version, String planId, String note, String status,
                                int percentComplete, Instant occurredAt) {
        this(taskId, version, planId, null, note, List.of(), List.of(), null, status, percentComplete, null,
                occurredAt);
    }

    @Override
    public String subject() {
        return taskId;
    }
}
