package vn.giamngheo.plan.plan.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One step in a plan's history: the plan's version after it, what was done and when it was recorded; for an issue or
 * a revision also the date it took effect, and for a revision its number, reason and document; what changed.
 */
public record HistoryEntry(long version, PlanAction action, Instant recordedAt, LocalDate effectiveOn,
                           Integer revisionNumber, String reason, String documentCode, List<FieldChange> changes) {

    public HistoryEntry {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
