package vn.giamngheo.task.task.domain;

import java.time.Instant;
import java.util.List;
import vn.giamngheo.contracts.task.QuantitativeOutput;

/** One entry of a task's append-only progress log. */
public record ProgressReport(int number, int percentComplete, int previousPercentComplete, String note,
                             List<String> evidenceLinks, List<QuantitativeOutput> outputs, String correctionReason,
                             Instant reportedAt) {

    public ProgressReport {
        evidenceLinks = evidenceLinks == null ? List.of() : List.copyOf(evidenceLinks);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }
}
