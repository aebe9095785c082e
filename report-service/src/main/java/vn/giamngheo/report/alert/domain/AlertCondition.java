package vn.giamngheo.report.alert.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A condition that deserves an alert, for one period. Its {@code key} names the condition and the period; the alert's
 * id is derived from it, so the same condition in the same period can only ever be raised once.
 */
public record AlertCondition(AlertKind kind, String period, String severity, String planId, String indicatorCode,
                             String areaCode, String unitCode, BigDecimal observed, BigDecimal threshold,
                             String message) {

    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public String key() {
        return switch (kind) {
            case INDICATOR_OFF_TRACK -> kind + "|" + planId + "|" + indicatorCode + "|"
                    + (areaCode == null ? "*" : areaCode) + "|" + period;
            case PLAN_OVERDUE_TASKS -> kind + "|" + planId + "|" + period;
            case SUBMISSION_MISSING -> kind + "|" + unitCode + "|" + period;
        };
    }

    public static AlertCondition indicatorOffTrack(String planId, String planCode, String indicatorCode,
                                                   String indicatorName, String areaCode, String areaName, int year,
                                                   BigDecimal projected, BigDecimal target, String unitOfMeasure) {
        String where = areaCode == null ? "" : " tại " + (areaName == null ? areaCode : areaName);
        String message = "Chỉ tiêu \"" + indicatorName + "\" (" + indicatorCode + ") của kế hoạch " + planCode + where
                + " có nguy cơ không đạt: dự báo năm " + year + " là " + projected.toPlainString() + " "
                + unitOfMeasure + ", mục tiêu " + target.toPlainString() + " " + unitOfMeasure + ".";
        return new AlertCondition(AlertKind.INDICATOR_OFF_TRACK, String.valueOf(year), "CRITICAL", planId,
                indicatorCode, areaCode, null, projected, target, message);
    }

    public static AlertCondition planOverdueTasks(String planId, String planCode, String month, long overdue,
                                                  int threshold) {
        String message = "Kế hoạch " + planCode + " có " + overdue + " nhiệm vụ quá hạn (ngưỡng cảnh báo: "
                + threshold + ").";
        return new AlertCondition(AlertKind.PLAN_OVERDUE_TASKS, month, overdue >= 2L * threshold ? "CRITICAL"
                : "WARNING", planId, null, null, null, BigDecimal.valueOf(overdue), BigDecimal.valueOf(threshold),
                message);
    }

    public static AlertCondition submissionMissing(String unitCode, String unitName, String period,
                                                   String periodName, LocalDate dueDate, long daysPastDue) {
        String message = (unitName == null ? "Đơn vị " + unitCode : unitName + " (" + unitCode + ")")
                + " chưa gửi báo cáo " + periodName + "; hạn gửi " + VI_DATE.format(dueDate) + ", đã quá "
                + daysPastDue + " ngày.";
        return new AlertCondition(AlertKind.SUBMISSION_MISSING, period, "WARNING", null, null, null, unitCode,
                BigDecimal.valueOf(daysPastDue), BigDecimal.ZERO, message);
    }
}
