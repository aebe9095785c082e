package vn.giamngheo.report.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.report.FeedbackReceived;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;

class FeedbackTest {

    static final Instant NOW = Instant.parse("2025-05-01T03:00:00Z");
    static final FeedbackTask TASK = new FeedbackTask("t-1", "p-1", "SXD-14");

    @Test
    void feedback_on_a_task_carries_its_plan_and_lead_unit_but_never_publishes_the_contact() {
        // when
        Change<Feedback> received = Feedback.receive("f-1", new NewFeedback(SubjectKind.TASK, "t-1", null, "03694",
                4, "  Nhà được hỗ trợ chắc chắn, bàn giao đúng hẹn.  ", "0912 345 678"), TASK, NOW);

        // then
        FeedbackReceived event = (FeedbackReceived) received.event();
        assertThat(received.state().contact()).isEqualTo("0912 345 678");
        assertThat(received.state().text()).isEqualTo("Nhà được hỗ trợ chắc chắn, bàn giao đúng hẹn.");
        assertThat(event.planId()).isEqualTo("p-1");
        assertThat(event.leadUnitCode()).isEqualTo("SXD-14");
        assertThat(event.contactProvided()).isTrue();
        assertThat(event.toString()).doesNotContain("0912");
    }

    @Test
    void every_problem_of_a_feedback_is_named() {
        assertThatThrownBy(() -> Feedback.receive("f-1", new NewFeedback(SubjectKind.COMMUNE_PROJECT, null, " ",
                null, 6, "x".repeat(2001), null), null, NOW))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(v -> v.field())
                        .containsExactlyInAnyOrder("projectName", "communeCode", "rating", "text"));
        assertThatThrownBy(() -> Feedback.receive("f-1", new NewFeedback(SubjectKind.TASK, null, null, null, 3,
                "ok", null), null, NOW)).isInstanceOf(InvalidInputException.class).hasMessageContaining("taskId");
    }

    @Test
    void an_official_answers_once() {
        // given
        Feedback feedback = Feedback.receive("f-1", new NewFeedback(SubjectKind.COMMUNE_PROJECT, null,
                "Đường giao thông bản Nà Bai", "03694", 2, "Đường đã xuống cấp sau mùa mưa", null), null, NOW).state();

        // when
        Change<Feedback> answered = feedback.answer(1, "UBND xã Mường Giôn", "Xã sẽ sửa trong quý III", NOW);

        // then
        assertThat(answered.state().status()).isEqualTo(FeedbackStatus.ANSWERED);
        assertThat(answered.event().version()).isEqualTo(2);
        assertThatThrownBy(() -> answered.state().answer(2, "x", "y", NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> feedback.answer(1, " ", " ", NOW)).isInstanceOf(InvalidInputException.class);
    }
}
