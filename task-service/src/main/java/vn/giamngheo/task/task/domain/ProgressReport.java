package vn.giamngheo.task.task.domain;

import java.time.Instant;
import java.util.List;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.contracts.task.QuantitativeOutput;

/**
 * One entry of a task's append-only progress log.
 *
 * @param reportedBy who reported it (an officer of the lead or of a coordinating unit, or the administrator); null
 *                   for reports stored before reporters were recorded
 */
public record ProgressReport(int number, int percentComplete, int previousPercentComplete, String note,
                             List<String> evidenceLinks, List<QuantitativeOutput> outputs, String correctionReason,
                             Instant reportedAt, Actor reportedBy) {

    public ProgressReport {
        evidenceLinks = evidenceLinks == null ? List.of() : List.copyOf(evidenceLinks);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }
}
