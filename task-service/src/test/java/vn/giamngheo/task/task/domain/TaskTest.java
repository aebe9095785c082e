package vn.giamngheo.task.task.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.task.TaskCompleted;
import vn.giamngheo.contracts.task.TaskCreated;
import vn.giamngheo.contracts.task.TaskUnblocked;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;

class TaskTest {

    static final Instant NOW = Instant.parse("2022-04-01T02:00:00Z");
    static final NewTask HOUSING = new NewTask("plan-61", "Hỗ trợ nhà ở cho hộ nghèo", TaskKind.INVESTMENT,
            "SXD-14", List.of("SLDTBXH-14", "SLDTBXH-14", "H-118"), LocalDate.of(2022, 4, 1),
            LocalDate.of(2023, 12, 31));

    static Task assigned() {
        return Task.create("t1", HOUSING, true, NOW).state();
    }

    @Test
    void a_task_under_an_issued_plan_is_assigned_at_once_and_under_a_draft_it_waits() {
        // when
        var underIssued = Task.create("t1", HOUSING, true, NOW);
        var underDraft = Task.create("t2", HOUSING, false, NOW);

        // then
        assertThat(underIssued.state().status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(underDraft.state().status()).isEqualTo(TaskStatus.PLANNED);
        assertThat(underIssued.state().coordinatingUnitCodes()).containsExactly("SLDTBXH-14", "H-118");
        assertThat(underIssued.event()).isInstanceOfSatisfying(TaskCreated.class,
                e -> assertThat(e.version()).isEqualTo(1));
    }

    @Test
    void the_lead_unit_cannot_also_coordinate_and_the_due_date_cannot_precede_the_start() {
        NewTask bad = new NewTask("plan-61", "x", TaskKind.REPORTING, "SXD-14", List.of("SXD-14"),
                LocalDate.of(2023, 1, 1), LocalDate.of(2022, 1, 1));

        assertThatThrownBy(() -> Task.create("t1", bad, true, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting("field").containsExactly("dueDate", "coordinatingUnitCodes"));
    }

    @Test
    void progress_moves_forward_only_and_done_needs_one_hundred_percent() {
        // given
        Task started = assigned().reportProgress(1, 40, "Đã hỗ trợ 120 hộ", NOW).state();

        // then
        assertThat(started.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThatThrownBy(() -> started.reportProgress(2, 30, "x", NOW)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> started.complete(2, "x", NOW)).isInstanceOf(StateConflictException.class);
        Task full = started.reportProgress(2, 100, "Hoàn thành 300 hộ", NOW).state();
        assertThat(full.complete(3, "Bàn giao nhà", NOW).event()).isInstanceOfSatisfying(TaskCompleted.class,
                e -> assertThat(e.version()).isEqualTo(4));
    }

    @Test
    void a_blocked_task_resumes_where_it_was_and_closed_tasks_stay_closed() {
        // given
        Task started = assigned().reportProgress(1, 20, "x", NOW).state();
        Task blocked = started.block(2, "Chưa có vốn", NOW).state();

        // when
        var resumed = blocked.unblock(3, NOW);

        // then
        assertThat(blocked.status()).isEqualTo(TaskStatus.BLOCKED);
        assertThat(resumed.state().status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(resumed.event()).isInstanceOfSatisfying(TaskUnblocked.class,
                e -> assertThat(e.percentComplete()).isEqualTo(20));
        assertThatThrownBy(() -> blocked.reportProgress(3, 50, "x", NOW)).isInstanceOf(StateConflictException.class);
        Task cancelled = started.cancel(2, "Kế hoạch bị hủy", NOW).state();
        assertThatThrownBy(() -> cancelled.cancel(3, "again", NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> Task.create("t3", HOUSING, false, NOW).state().reportProgress(1, 10, "x", NOW))
                .isInstanceOf(StateConflictException.class);
    }
}
