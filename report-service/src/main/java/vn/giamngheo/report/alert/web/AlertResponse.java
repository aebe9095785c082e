package vn.giamngheo.report.alert.web;

import java.math.BigDecimal;
import java.time.Instant;
import vn.giamngheo.report.alert.domain.Alert;
import vn.giamngheo.support.outbox.Versioned;

/** An alert as the API shows it. */
public record AlertResponse(String id, long version, String kind, String period, String severity, String status,
                            String planId, String indicatorCode, String areaCode, String unitCode,
                            BigDecimal observed, BigDecimal threshold, String message, Instant raisedAt,
                            String acknowledgedBy, String note, Instant acknowledgedAt, String resolution,
                            Instant resolvedAt, String conditionKey) {

    static AlertResponse of(Versioned<Alert> versioned) {
        Alert a = versioned.state();
        return new AlertResponse(a.id(), versioned.version(), a.kind().name(), a.period(), a.severity(),
                a.status().name(), a.planId(), a.indicatorCode(), a.areaCode(), a.unitCode(), a.observed(),
                a.threshold(), a.message(), a.raisedAt(), a.acknowledgedBy(), a.note(), a.acknowledgedAt(),
                a.resolution(), a.resolvedAt(), a.conditionKey());
    }
}
