package vn.giamngheo.report.export;

import java.util.Map;

/** Vietnamese labels for the codes exports show. */
public final class Labels {

    private static final Map<String, String> TASK_STATUS = Map.of("PLANNED", "Chưa giao", "ASSIGNED", "Đã giao",
            "IN_PROGRESS", "Đang thực hiện", "BLOCKED", "Vướng mắc", "DONE", "Hoàn thành", "CANCELLED", "Đã hủy");
    private static final Map<String, String> PLAN_STATUS = Map.of("DRAFT", "Dự thảo", "ISSUED", "Đã ban hành",
            "CLOSED", "Đã kết thúc", "CANCELLED", "Đã hủy");
    private static final Map<String, String> PLAN_KIND = Map.of("RESOLUTION", "Nghị quyết", "PROGRAM_PLAN",
            "Kế hoạch thực hiện chương trình", "ANNUAL_PLAN", "Kế hoạch năm", "UNIT_PLAN", "Kế hoạch của đơn vị");
    private static final Map<String, String> PRIORITY = Map.of("HIGH", "Cao", "NORMAL", "Bình thường", "LOW", "Thấp");
    private static final Map<String, String> DIRECTION = Map.of("DECREASE", "Giảm", "INCREASE", "Tăng",
            "REACH", "Đạt mức");
    private static final Map<String, String> INDICATOR_STATUS = Map.of("ON_TRACK", "Đúng tiến độ", "AT_RISK",
            "Có nguy cơ không đạt", "OFF_TRACK", "Chậm tiến độ", "NO_DATA", "Chưa có số liệu", "NO_TARGET",
            "Chưa có mục tiêu");
    private static final Map<String, String> SOURCE = Map.of("SUBMISSION", "Báo cáo định kỳ", "POVERTY_REVIEW",
            "Rà soát hộ nghèo");

    private Labels() {
    }

    public static String taskStatus(String code) {
        return label(TASK_STATUS, code);
    }

    public static String planStatus(String code) {
        return label(PLAN_STATUS, code);
    }

    public static String planKind(String code) {
        return label(PLAN_KIND, code);
    }

    public static String priority(String code) {
        return label(PRIORITY, code);
    }

    public static String direction(String code) {
        return label(DIRECTION, code);
    }

    public static String indicatorStatus(String code) {
        return label(INDICATOR_STATUS, code);
    }

    public static String source(String code) {
        return label(SOURCE, code);
    }

    public static String yesNo(boolean value) {
        return value ? "Có" : "Không";
    }

    private static String label(Map<String, String> labels, String code) {
        return code == null ? null : labels.getOrDefault(code, code);
    }
}
