package vn.giamngheo.contracts.report;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * The alert's condition no longer holds (the indicator is back on track, the overdue tasks were dealt with, the
 * report was submitted). The same condition is not raised again for the same period.
 */
@EventType("report.AlertResolved.v1")
public record AlertResolved(
        String alertId,
        long version,
        String kind,
        String reason,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return alertId;
    }
}
