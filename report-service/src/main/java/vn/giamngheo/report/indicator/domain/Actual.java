package vn.giamngheo.report.indicator.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * An actual value of an indicator for an area: from an approved periodic report ({@code SUBMISSION}, reference = the
 * submission id) or a published household poverty review ({@code POVERTY_REVIEW}, reference = the review id).
 * {@code areaCode} null = the plan's whole area.
 */
public record Actual(String areaCode, int year, String period, LocalDate periodEnd, BigDecimal value, String source,
                     String reference, Instant recordedAt) {

    public static final String SUBMISSION = "SUBMISSION";
    public static final String POVERTY_REVIEW = "POVERTY_REVIEW";

    /**
     * Older first. For the same year the later period wins, then the poverty review (the official yearly figure)
     * over a unit's report, then the one recorded last.
     */
    public static final Comparator<Actual> CHRONOLOGICAL = Comparator.comparingInt(Actual::year)
            .thenComparing(Actual::periodEnd)
            .thenComparing(a -> POVERTY_REVIEW.equals(a.source()))
            .thenComparing(Actual::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder()));
}
