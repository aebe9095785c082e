package vn.giamngheo.task.task.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.giamngheo.task.task.domain.TaskTest.BY;
import static vn.giamngheo.task.task.domain.TaskTest.DIRECTORY;
import static vn.giamngheo.task.task.domain.TaskTest.NOW;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.task.DisseminationSessionRecorded;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;
import vn.giamngheo.support.domain.UnprocessableException;

class DisseminationTest {

    static final LocalDate TODAY = LocalDate.of(2022, 5, 10);

    static Task dissemination(boolean planIssued) {
        NewTask input = new NewTask("plan-61", "Quán triệt Nghị quyết 20-NQ/TU", TaskKind.DISSEMINATION, "BDT-14",
                List.of("H-118", "H-128"), LocalDate.of(2022, 3, 21), LocalDate.of(2022, 5, 31));
        return Task.create("t1", input, planIssued, DIRECTORY, NOW).state();
    }

    static NewDisseminationSession session(String unit, int attending, int total) {
        return new NewDisseminationSession(LocalDate.of(2022, 4, 5), unit, attending, total, "Hội nghị trực tuyến");
    }

    @Test
    void sessions_accumulate_the_officials_reached_per_unit_and_start_the_task() {
        // when
        var first = dissemination(true).recordDisseminationSession(1, session("H-118", 85, 96), TODAY, DIRECTORY,
                BY, NOW);
        var second = first.state().recordDisseminationSession(2, session("H-128", 70, 70), TODAY, DIRECTORY, BY, NOW);
        var makeUp = second.state().recordDisseminationSession(3, session("H-118", 11, 96), TODAY, DIRECTORY, BY, NOW);

        // then
        assertThat(first.state().status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(makeUp.state().disseminationSessions()).extracting(DisseminationSession::unitCode,
                DisseminationSession::unitOfficialsReached).containsExactly(
                org.assertj.core.groups.Tuple.tuple("H-118", 85), org.assertj.core.groups.Tuple.tuple("H-128", 70),
                org.assertj.core.groups.Tuple.tuple("H-118", 96));
        assertThat(makeUp.state().disseminationSessions()).extracting(DisseminationSession::recordedBy)
                .containsOnly(BY);
        assertThat(makeUp.event()).isInstanceOfSatisfying(DisseminationSessionRecorded.class, e -> {
            assertThat(e.sessionNumber()).isEqualTo(3);
            assertThat(e.officialsAttending()).isEqualTo(11);
            assertThat(e.unitOfficialsReached()).isEqualTo(96);
            assertThat(e.officialsTotal()).isEqualTo(96);
            assertThat(e.version()).isEqualTo(4);
        });
    }

    @Test
    void attendance_cannot_exceed_the_unit_total_even_across_sessions() {
        // given
        Task afterFirst = dissemination(true)
                .recordDisseminationSession(1, session("H-118", 85, 96), TODAY, DIRECTORY, BY, NOW).state();

        // then
        assertThatThrownBy(() -> dissemination(true).recordDisseminationSession(1, session("H-118", 97, 96), TODAY,
                DIRECTORY, BY, NOW)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                .extracting("field").containsExactly("officialsAttending"));
        assertThatThrownBy(() -> afterFirst.recordDisseminationSession(2, session("H-118", 12, 96), TODAY,
                DIRECTORY, BY, NOW)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(
                e.violations().get(0).message()).contains("already reached 85"));
    }

    @Test
    void a_session_belongs_to_an_open_dissemination_task_a_known_unit_valid_that_day_and_a_past_date() {
        // given
        Task housing = TaskTest.assigned();
        Task planned = dissemination(false);
        NewDisseminationSession afterReform = new NewDisseminationSession(LocalDate.of(2025, 7, 2), "H-118", 10, 20,
                null);
        NewDisseminationSession tomorrow = new NewDisseminationSession(TODAY.plusDays(1), "H-118", 10, 20, null);
        NewDisseminationSession beforeStart = new NewDisseminationSession(LocalDate.of(2022, 3, 1), "H-118", 10, 20,
                null);

        // then
        assertThatThrownBy(() -> housing.recordDisseminationSession(1, session("H-118", 1, 2), TODAY, DIRECTORY,
                BY, NOW)).isInstanceOfSatisfying(StateConflictException.class,
                e -> assertThat(e.problemType()).isEqualTo("not-a-dissemination-task"));
        assertThatThrownBy(() -> planned.recordDisseminationSession(1, session("H-118", 1, 2), TODAY, DIRECTORY,
                BY, NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> dissemination(true).recordDisseminationSession(1, session("X-404", 1, 2), TODAY,
                DIRECTORY, BY, NOW)).isInstanceOf(UnprocessableException.class);
        assertThatThrownBy(() -> dissemination(true).recordDisseminationSession(1, afterReform,
                LocalDate.of(2025, 8, 1), DIRECTORY, BY, NOW)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting("field").containsExactly("unitCode"));
        assertThatThrownBy(() -> dissemination(true).recordDisseminationSession(1, tomorrow, TODAY, DIRECTORY, BY, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting("field").containsExactly("date"));
        assertThatThrownBy(() -> dissemination(true).recordDisseminationSession(1, beforeStart, TODAY, DIRECTORY,
                BY, NOW)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                .extracting("field").containsExactly("date"));
    }
}
