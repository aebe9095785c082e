package vn.giamngheo.plan.plan.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.plan.plan.domain.FieldChange;
import vn.giamngheo.plan.plan.domain.HistoryEntry;
import vn.giamngheo.plan.plan.domain.PlanAction;

/** One step in a plan's history: the version it produced, what was done, when, why, and what changed. */
public record HistoryEntryResponse(long version, PlanAction action, Instant recordedAt, LocalDate effectiveOn,
                                   Integer revisionNumber, String reason, String documentCode,
                                   List<FieldChange> changes) {

    static HistoryEntryResponse of(HistoryEntry h) {
        return new HistoryEntryResponse(h.version(), h.action(), h.recordedAt(), h.effectiveOn(), h.revisionNumber(),
                h.reason(), h.documentCode(), h.changes());
    }
}
