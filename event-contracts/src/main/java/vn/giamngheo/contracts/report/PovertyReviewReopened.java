package vn.giamngheo.contracts.report;

import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * A published review was reopened for corrections (phúc tra); its earlier results stand until it is published again
 * with the next {@code revision}.
 */
@EventType("report.PovertyReviewReopened.v1")
public record PovertyReviewReopened(
        String reviewId,
        long version,
        String provinceCode,
        int year,
        String reason,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return reviewId;
    }
}
