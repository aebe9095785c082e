package vn.giamngheo.report.submission.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.report.SubmissionApproved;
import vn.giamngheo.contracts.report.SubmissionReturned;
import vn.giamngheo.contracts.report.SubmissionSubmitted;
import vn.giamngheo.report.period.ReportPeriod;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;

class SubmissionTest {

    static final Instant NOW = Instant.parse("2024-07-20T03:00:00Z");
    static final ReportPeriod H1 = ReportPeriod.parse("2024-H1");
    static final LocalDate DUE = H1.dueDate(15);

    static IndicatorValue value(String code, String value) {
        return new IndicatorValue("p-1", code, null, new BigDecimal(value), null);
    }

    static Change<Submission> draft(List<IndicatorValue> values) {
        return Submission.draft("SLDTBXH-14", H1, DUE, values, "Kết quả 6 tháng đầu năm", LocalDate.of(2024, 7, 1),
                NOW);
    }

    @Test
    void draft_submit_return_resubmit_approve() {
        // given
        Change<Submission> drafted = draft(List.of(value("TL-HN", "13.2")));

        // when: submitted on time, returned, corrected and submitted again after the due date, approved
        Change<Submission> submitted = drafted.state().submit(1, "Phòng Bảo trợ xã hội", LocalDate.of(2024, 7, 12),
                NOW);
        Change<Submission> returned = submitted.state().returnToUnit(2, "UBND-14", "Thiếu số liệu huyện Vân Hồ",
                NOW);
        Change<Submission> corrected = returned.state().edit(3, List.of(value("TL-HN", "13.4"),
                new IndicatorValue("p-1", "TL-HN", "H-128", new BigDecimal("31.5"), "Số liệu rà soát")),
                "Kết quả 6 tháng đầu năm (bổ sung)", NOW).orElseThrow();
        Change<Submission> resubmitted = corrected.state().submit(4, null, LocalDate.of(2024, 7, 18), NOW);
        Change<Submission> approved = resubmitted.state().approve(5, "UBND-14", NOW);

        // then
        assertThat(drafted.state().id()).isEqualTo("SUB-SLDTBXH-14-2024-H1");
        assertThat(drafted.event().version()).isEqualTo(1);
        assertThat(((SubmissionSubmitted) submitted.event()).late()).isFalse();
        assertThat(((SubmissionReturned) returned.event()).reason()).isEqualTo("Thiếu số liệu huyện Vân Hồ");
        SubmissionSubmitted again = (SubmissionSubmitted) resubmitted.event();
        assertThat(again.submissionCount()).isEqualTo(2);
        assertThat(again.late()).isTrue();
        assertThat(again.daysLate()).isEqualTo(3);
        // timeliness is judged by the first submission
        assertThat(resubmitted.state().late()).isFalse();
        assertThat(resubmitted.state().firstSubmittedOn()).isEqualTo(LocalDate.of(2024, 7, 12));
        assertThat(approved.state().status()).isEqualTo(SubmissionStatus.APPROVED);
        assertThat(((SubmissionApproved) approved.event()).values()).hasSize(2);
        assertThat(approved.event().version()).isEqualTo(6);
    }

    @Test
    void a_first_submission_after_the_due_date_is_late() {
        Change<Submission> submitted = draft(List.of(value("TL-HN", "13.2"))).state().submit(1, null,
                DUE.plusDays(10), NOW);

        assertThat(submitted.state().late()).isTrue();
        assertThat(submitted.state().daysLate()).isEqualTo(10);
        assertThat(draft(List.of()).state().isOverdueOn(DUE.plusDays(1))).isTrue();
        assertThat(draft(List.of()).state().isOverdueOn(DUE)).isFalse();
    }

    @Test
    void only_the_level_above_reviews_and_only_submitted_reports() {
        // given
        Submission draft = draft(List.of(value("TL-HN", "13.2"))).state();
        Submission submitted = draft.submit(1, null, LocalDate.of(2024, 7, 5), NOW).state();
        Submission approved = submitted.approve(2, "UBND-14", NOW).state();

        // then
        assertThatThrownBy(() -> draft.approve(1, "UBND-14", NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> submitted.approve(2, "sldtbxh-14", NOW)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("approvedBy");
        assertThatThrownBy(() -> submitted.returnToUnit(2, "UBND-14", " ", NOW))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> approved.edit(3, List.of(), null, NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> approved.submit(3, null, LocalDate.of(2024, 7, 6), NOW))
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    void bad_values_name_their_fields_and_an_edit_that_changes_nothing_records_nothing() {
        // then
        assertThatThrownBy(() -> draft(List.of(value("TL-HN", "1"), value("TL-HN", "2"),
                new IndicatorValue(" ", null, null, null, null))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(v -> v.field())
                        .containsExactlyInAnyOrder("values[1].indicatorCode", "values[2].planId",
                                "values[2].indicatorCode", "values[2].value"));
        assertThatThrownBy(() -> Submission.draft("SXD-14", ReportPeriod.parse("2030-H1"), DUE, List.of(), null,
                LocalDate.of(2024, 7, 1), NOW)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("period");
        Submission draft = draft(List.of(value("TL-HN", "13.20"))).state();
        assertThat(draft.edit(1, List.of(value("TL-HN", "13.2")), " Kết quả 6 tháng đầu năm ", NOW)).isEmpty();
        Submission empty = Submission.draft("SXD-14", H1, DUE, List.of(), " ", LocalDate.of(2024, 7, 1), NOW).state();
        assertThatThrownBy(() -> empty.submit(1, null, LocalDate.of(2024, 7, 1), NOW))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("values");
    }
}
