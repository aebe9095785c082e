package vn.giamngheo.task.task.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.giamngheo.task.task.domain.TaskTest.BY;
import static vn.giamngheo.task.task.domain.TaskTest.NOW;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.task.QuantitativeOutput;
import vn.giamngheo.contracts.task.TaskProgressReported;
import vn.giamngheo.support.domain.InvalidInputException;

class ProgressLogTest {

    static final QuantitativeOutput HOUSEHOLDS_120 = new QuantitativeOutput("Số hộ được hỗ trợ nhà ở",
            new BigDecimal("120"), "hộ");

    @Test
    void each_report_is_numbered_and_its_event_carries_the_evidence_and_outputs_while_the_state_only_counts_it() {
        // given
        Task task = TaskTest.assigned();

        // when
        var first = task.reportProgress(1, new ProgressUpdate(40, "Đợt 1: 120 hộ",
                List.of("https://sonla.gov.vn/văn-bản/123"), List.of(HOUSEHOLDS_120), null), BY, NOW);
        var second = first.state().reportProgress(2, ProgressUpdate.of(55, "Đợt 2 đang thi công"), BY, NOW);

        // then
        assertThat(second.state().progressReportCount()).isEqualTo(2);
        assertThat(second.state().progressReports()).as("the document does not grow with reports").isEmpty();
        assertThat(first.event()).isInstanceOfSatisfying(TaskProgressReported.class, e -> {
            assertThat(e.reportNumber()).isEqualTo(1);
            assertThat(e.percentComplete()).isEqualTo(40);
            assertThat(e.outputs()).containsExactly(HOUSEHOLDS_120);
            assertThat(e.evidenceLinks()).containsExactly("https://sonla.gov.vn/v%C4%83n-b%E1%BA%A3n/123");
            assertThat(e.correctionReason()).isNull();
        });
        assertThat(second.event()).isInstanceOfSatisfying(TaskProgressReported.class,
                e -> assertThat(e.reportNumber()).isEqualTo(2));
    }

    @Test
    void the_percentage_goes_down_only_with_a_correction_reason_which_the_event_carries() {
        // given
        Task at60 = TaskTest.assigned().reportProgress(1, ProgressUpdate.of(60, "Báo cáo tháng 3"), BY, NOW).state();

        // when
        var corrected = at60.reportProgress(2, new ProgressUpdate(45, "Rà soát lại", List.of(), List.of(),
                "Tháng 3 đã tính trùng 40 hộ của đợt 1"), BY, NOW);

        // then
        assertThatThrownBy(() -> at60.reportProgress(2, new ProgressUpdate(45, "x", List.of(), List.of(), "  "),
                BY, NOW)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                .extracting("field").containsExactly("percentComplete"));
        assertThat(corrected.state().percentComplete()).isEqualTo(45);
        assertThat(corrected.event()).isInstanceOfSatisfying(TaskProgressReported.class,
                e -> assertThat(e.correctionReason()).isEqualTo("Tháng 3 đã tính trùng 40 hộ của đợt 1"));
    }

    @Test
    void evidence_must_be_web_links_and_outputs_need_an_indicator_and_a_non_negative_value() {
        // given
        ProgressUpdate bad = new ProgressUpdate(10, "x",
                List.of("https://sonla.gov.vn/a.pdf", "ftp://files/b.pdf", "https://", "HTTPS://x.vn", "not a link"),
                List.of(HOUSEHOLDS_120, new QuantitativeOutput(" ", new BigDecimal("-3"), null)), null);

        // then
        assertThatThrownBy(() -> TaskTest.assigned().reportProgress(1, bad, BY, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting("field").containsExactly("evidenceLinks[1]", "evidenceLinks[2]",
                                "evidenceLinks[3]", "evidenceLinks[4]", "outputs[1].indicator", "outputs[1].value"));
    }

    @Test
    void a_note_keeps_the_total_and_claims_no_evidence_outputs_or_correction() {
        // given: a task at 40%
        int current = 40;

        // then
        assertThat(ProgressUpdate.of(40, "Sở Y tế đã cử 2 cán bộ phối hợp khảo sát").isNoteOnlyAt(current))
                .isTrue();
        assertThat(new ProgressUpdate(40, "x", null, null, "  ").isNoteOnlyAt(current)).isTrue();
        assertThat(ProgressUpdate.of(45, "x").isNoteOnlyAt(current)).isFalse();
        assertThat(ProgressUpdate.of(35, "x").isNoteOnlyAt(current)).isFalse();
        assertThat(new ProgressUpdate(40, "x", List.of("https://sonla.gov.vn/a.pdf"), List.of(), null)
                .isNoteOnlyAt(current)).isFalse();
        assertThat(new ProgressUpdate(40, "x", List.of(), List.of(HOUSEHOLDS_120), null).isNoteOnlyAt(current))
                .isFalse();
        assertThat(new ProgressUpdate(40, "x", List.of(), List.of(), "Số liệu cũ sai").isNoteOnlyAt(current))
                .isFalse();
    }
}
