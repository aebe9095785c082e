package vn.giamngheo.report.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.report.AlertRaised;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.StateConflictException;

class AlertTest {

    static final Instant NOW = Instant.parse("2026-01-20T03:00:00Z");

    @Test
    void the_same_condition_and_period_always_gives_the_same_alert_id_and_another_period_another() {
        // given
        AlertCondition january = AlertCondition.planOverdueTasks("p-1", "61/KH-UBND", "2026-01", 7, 5);
        AlertCondition again = AlertCondition.planOverdueTasks("p-1", "61/KH-UBND", "2026-01", 9, 5);
        AlertCondition february = AlertCondition.planOverdueTasks("p-1", "61/KH-UBND", "2026-02", 7, 5);

        // then
        assertThat(Alert.idOf(january.key())).isEqualTo(Alert.idOf(again.key())).matches("AL-[0-9a-f]{24}");
        assertThat(Alert.idOf(february.key())).isNotEqualTo(Alert.idOf(january.key()));
        assertThat(january.message()).isEqualTo("Kế hoạch 61/KH-UBND có 7 nhiệm vụ quá hạn (ngưỡng cảnh báo: 5).");
        assertThat(january.severity()).isEqualTo("WARNING");
        assertThat(AlertCondition.planOverdueTasks("p-1", "61/KH-UBND", "2026-01", 10, 5).severity())
                .isEqualTo("CRITICAL");
    }

    @Test
    void raised_then_acknowledged_then_resolved() {
        // given
        AlertCondition missing = AlertCondition.submissionMissing("SXD-14", "Sở Xây dựng", "2025-H1",
                "6 tháng đầu năm 2025", LocalDate.of(2025, 7, 15), 189);

        // when
        Change<Alert> raised = Alert.raise(missing, NOW);
        Change<Alert> acknowledged = raised.state().acknowledge(1, "Văn phòng UBND tỉnh", "Đã nhắc đơn vị", NOW);
        Change<Alert> resolved = acknowledged.state().resolve(2, "Đơn vị đã gửi báo cáo", NOW);

        // then
        assertThat(((AlertRaised) raised.event()).message())
                .isEqualTo("Sở Xây dựng (SXD-14) chưa gửi báo cáo 6 tháng đầu năm 2025; hạn gửi 15/07/2025, đã quá "
                        + "189 ngày.");
        assertThat(raised.state().conditionKey()).isEqualTo("SUBMISSION_MISSING|SXD-14|2025-H1");
        assertThat(acknowledged.state().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(resolved.state().isOpen()).isFalse();
        assertThat(resolved.event().version()).isEqualTo(3);
        assertThatThrownBy(() -> acknowledged.state().acknowledge(2, "x", null, NOW))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> resolved.state().resolve(3, "x", NOW)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void an_off_track_indicator_names_the_projection_and_the_target() {
        AlertCondition condition = AlertCondition.indicatorOffTrack("p-1", "61/KH-UBND", "TL-BHYT",
                "Tỷ lệ người dân tham gia bảo hiểm y tế", null, null, 2027, new BigDecimal("93.33"),
                new BigDecimal("95"), "%");

        assertThat(condition.key()).isEqualTo("INDICATOR_OFF_TRACK|p-1|TL-BHYT|*|2027");
        assertThat(condition.message()).contains("dự báo năm 2027 là 93.33 %, mục tiêu 95 %");
    }
}
