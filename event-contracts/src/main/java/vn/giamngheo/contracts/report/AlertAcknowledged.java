package vn.giamngheo.contracts.report;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/** Someone responsible took note of an alert (đã tiếp nhận) and says what is being done. */
@EventType("report.AlertAcknowledged.v1")
public record AlertAcknowledged(
        String alertId,
        long version,
        String kind,
        String acknowledgedBy,
        String note,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return alertId;
    }
}
