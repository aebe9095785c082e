package vn.giamngheo.contracts.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * The review's results were published (công bố kết quả rà soát): the province's totals and every area's results. A
 * review published again after corrections carries the next {@code revision}; the latest revision replaces the
 * earlier ones. {@code synthetic} is true when the review holds generated demo households (dữ liệu mô phỏng): such
 * results are for trying the suite out and must never be reported as real.
 */
@EventType("report.PovertyReviewPublished.v1")
public record PovertyReviewPublished(
        String reviewId,
        long version,
        String provinceCode,
        int year,
        String standardCode,
        int revision,
        long households,
        long poor,
        long nearPoor,
        BigDecimal poorRate,
        BigDecimal nearPoorRate,
        BigDecimal multidimensionalPovertyRate,
        List<PovertyAreaResult> areas,
        boolean synthetic,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return reviewId;
    }
}
