package vn.giamngheo.contracts.report;

import java.math.BigDecimal;
import java.time.Instant;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * A monitoring alert (cảnh báo): an indicator projected off track ({@code INDICATOR_OFF_TRACK}, period = the target
 * year), a plan with many overdue tasks ({@code PLAN_OVERDUE_TASKS}, period = the month), or a unit that has not
 * submitted its periodic report by the due date ({@code SUBMISSION_MISSING}, period = the report period). Raised once
 * per condition and period: the alert id is derived from {@code conditionKey}. {@code observed} and {@code threshold}
 * are the figures that triggered it (projected value and target; overdue tasks and threshold; days past due and 0).
 */
@EventType("report.AlertRaised.v1")
public record AlertRaised(
        String alertId,
        long version,
        String kind,
        String conditionKey,
        String period,
        String severity,
        String planId,
        String indicatorCode,
        String areaCode,
        String unitCode,
        BigDecimal observed,
        BigDecimal threshold,
        String message,
        String status,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return alertId;
    }
}
