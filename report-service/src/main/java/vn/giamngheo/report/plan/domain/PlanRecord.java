package vn.giamngheo.report.plan.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A plan as the report-service knows it from plan.events, with the history of its status (each change with the time
 * it happened), so that reports "as of" a past date see the plan as it was then.
 */
public record PlanRecord(String id, String code, String title, String kind, String program, String issuingUnitCode,
                         String parentPlanId, LocalDate periodStart, LocalDate periodEnd, String status,
                         LocalDate issuedOn, PlanStructure structure, List<StatusEntry> history) {

    /** One step of the plan's history: the version it produced, when, and the status after it. */
    public record StatusEntry(long version, Instant at, String status) {
    }

    public PlanRecord {
        structure = structure == null ? PlanStructure.EMPTY : structure;
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** The plan's status just before {@code cutoff} (null = now); empty when it did not exist yet. */
    public Optional<String> statusBefore(Instant cutoff) {
        if (cutoff == null) {
            return Optional.of(status);
        }
        String found = null;
        for (StatusEntry entry : history) {
            if (entry.at().isBefore(cutoff)) {
                found = entry.status();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether the plan's period overlaps [from, to]. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return (periodStart == null || !periodStart.isAfter(to)) && (periodEnd == null || !periodEnd.isBefore(from));
    }
}
