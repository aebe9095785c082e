package vn.giamngheo.report.alert.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import vn.giamngheo.contracts.report.AlertAcknowledged;
import vn.giamngheo.contracts.report.AlertRaised;
import vn.giamngheo.contracts.report.AlertResolved;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;

/**
 * A monitoring alert (cảnh báo). Its id is derived from its condition and period, so raising it is idempotent by
 * construction: a second detector (or a second run) that finds the same condition tries to create the same document
 * and is refused by the store — however many instances check at the same time, each condition and period yields one
 * {@code AlertRaised} event.
 */
public record Alert(String id, AlertKind kind, String conditionKey, String period, String severity, String planId,
                    String indicatorCode, String areaCode, String unitCode, BigDecimal observed,
                    BigDecimal threshold, String message, AlertStatus status, Instant raisedAt,
                    String acknowledgedBy, String note, Instant acknowledgedAt, String resolution,
                    Instant resolvedAt) {

    public static String idOf(String conditionKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(conditionKey.getBytes(StandardCharsets.UTF_8));
            return "AL-" + HexFormat.of().formatHex(hash).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static Change<Alert> raise(AlertCondition condition, Instant now) {
        String key = condition.key();
        Alert alert = new Alert(idOf(key), condition.kind(), key, condition.period(), condition.severity(),
                condition.planId(), condition.indicatorCode(), condition.areaCode(), condition.unitCode(),
                condition.observed(), condition.threshold(), condition.message(), AlertStatus.RAISED, now, null, null,
                null, null, null);
        return new Change<>(alert, new AlertRaised(alert.id, 1, alert.kind.name(), key, alert.period, alert.severity,
                alert.planId, alert.indicatorCode, alert.areaCode, alert.unitCode, alert.observed, alert.threshold,
                alert.message, alert.status.name(), now));
    }

    public boolean isOpen() {
        return status != AlertStatus.RESOLVED;
    }

    public Change<Alert> acknowledge(long version, String by, String withNote, Instant now) {
        if (by == null || by.isBlank()) {
            throw new InvalidInputException("acknowledgedBy", "who takes note of the alert");
        }
        if (status != AlertStatus.RAISED) {
            throw new StateConflictException("Alert " + id + " is " + status + "; only a raised alert is acknowledged");
        }
        String cleanNote = withNote == null || withNote.isBlank() ? null : withNote.strip();
        Alert acknowledged = new Alert(id, kind, conditionKey, period, severity, planId, indicatorCode, areaCode,
                unitCode, observed, threshold, message, AlertStatus.ACKNOWLEDGED, raisedAt, by.strip(), cleanNote, now,
                null, null);
        return new Change<>(acknowledged, new AlertAcknowledged(id, version + 1, kind.name(), by.strip(), cleanNote,
                acknowledged.status.name(), now));
    }

    public Change<Alert> resolve(long version, String reason, Instant now) {
        if (!isOpen()) {
            throw new StateConflictException("Alert " + id + " is already resolved");
        }
        Alert resolved = new Alert(id, kind, conditionKey, period, severity, planId, indicatorCode, areaCode,
                unitCode, observed, threshold, message, AlertStatus.RESOLVED, raisedAt, acknowledgedBy, note,
                acknowledgedAt, reason, now);
        return new Change<>(resolved, new AlertResolved(id, version + 1, kind.name(), reason,
                resolved.status.name(), now));
    }
}
