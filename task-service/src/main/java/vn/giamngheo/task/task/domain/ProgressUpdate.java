package vn.giamngheo.task.task.domain;

import java.util.List;
import vn.giamngheo.contracts.task.QuantitativeOutput;

/**
 * A progress report as a unit gives it: the new total percentage, a note, optional evidence links and quantitative
 * outputs, and a correction reason, which is required only when the total goes down.
 */
public record ProgressUpdate(int percentComplete, String note, List<String> evidenceLinks,
                             List<QuantitativeOutput> outputs, String correctionReason) {

    public ProgressUpdate {
        evidenceLinks = evidenceLinks == null ? List.of() : List.copyOf(evidenceLinks);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        correctionReason = correctionReason == null || correctionReason.isBlank() ? null : correctionReason.trim();
    }

    public static ProgressUpdate of(int percentComplete, String note) {
        return new ProgressUpdate(percentComplete, note, List.of(), List.of(), null);
    }

    /**
     * A note only: it leaves the task's total where it is and claims nothing — no evidence links, no outputs, no
     * correction. This is all a coordinating unit may add; the figures are the lead unit's responsibility.
     */
    public boolean isNoteOnlyAt(int currentPercentComplete) {
        return percentComplete == currentPercentComplete && evidenceLinks.isEmpty() && outputs.isEmpty()
                && correctionReason == null;
    }
}
