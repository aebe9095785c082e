package vn.giamngheo.contracts.report;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * A province's yearly household poverty review (rà soát hộ nghèo, hộ cận nghèo) was opened: household records can be
 * imported into it. {@code standardCode} names the poverty standard the review year falls under.
 */
@EventType("report.PovertyReviewOpened.v1")
public record PovertyReviewOpened(
        String reviewId,
        long version,
        String provinceCode,
        int year,
        String standardCode,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return reviewId;
    }
}
