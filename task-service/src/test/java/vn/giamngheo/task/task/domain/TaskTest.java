package vn.giamngheo.task.task.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.contracts.task.TaskCompleted;
import vn.giamngheo.contracts.task.TaskCreated;
import vn.giamngheo.contracts.task.TaskUnblocked;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;
import vn.giamngheo.support.domain.UnprocessableException;

class TaskTest {

    static final Instant NOW = Instant.parse("2022-04-01T02:00:00Z");
    /** Who makes the changes in these tests: an officer of the lead unit. */
    static final Actor BY = new Actor("sxd.canbo", "Cán bộ Sở Xây dựng", "SXD-14", Actor.Kind.USER);
    static final LocalDate SINCE_2004 = LocalDate.of(2004, 1, 1);
    /** Sơn La's agencies and two districts as the plan-service publishes them; Quỳnh Nhai ends with the 2025 reform. */
    static final Map<String, UnitPeriod> UNITS = Map.of(
            "SXD-14", new UnitPeriod("SXD-14", "Sở Xây dựng", SINCE_2004, null),
            "SLDTBXH-14", new UnitPeriod("SLDTBXH-14", "Sở Lao động – Thương binh và Xã hội", SINCE_2004,
                    LocalDate.of(2025, 2, 28)),
            "BDT-14", new UnitPeriod("BDT-14", "Ban Dân tộc tỉnh Sơn La", SINCE_2004, null),
            "H-118", new UnitPeriod("H-118", "Huyện Quỳnh Nhai", SINCE_2004, LocalDate.of(2025, 6, 30)),
            "H-128", new UnitPeriod("H-128", "Huyện Vân Hồ", LocalDate.of(2013, 1, 1), LocalDate.of(2025, 6, 30)));
    static final UnitDirectory DIRECTORY = code -> Optional.ofNullable(UNITS.get(code));
    static final NewTask HOUSING = new NewTask("plan-61", "Hỗ trợ nhà ở cho hộ nghèo", TaskKind.INVESTMENT,
            "SXD-14", List.of("SLDTBXH-14", "SLDTBXH-14", "H-118"), LocalDate.of(2022, 4, 1),
            LocalDate.of(2023, 12, 31));

    static Task assigned() {
        return Task.create("t1", HOUSING, true, DIRECTORY, NOW).state();
    }

    @Test
    void a_task_under_an_issued_plan_is_assigned_at_once_and_under_a_draft_it_waits() {
        // when
        var underIssued = Task.create("t1", HOUSING, true, DIRECTORY, NOW);
        var underDraft = Task.create("t2", HOUSING, false, DIRECTORY, NOW);

        // then
        assertThat(underIssued.state().status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(underDraft.state().status()).isEqualTo(TaskStatus.PLANNED);
        assertThat(underIssued.state().coordinatingUnitCodes()).containsExactly("SLDTBXH-14", "H-118");
        assertThat(underIssued.state().priority()).isEqualTo(TaskPriority.NORMAL);
        assertThat(underIssued.event()).isInstanceOfSatisfying(TaskCreated.class, e -> {
            assertThat(e.version()).isEqualTo(1);
            assertThat(e.priority()).isEqualTo("NORMAL");
            assertThat(e.objectiveId()).isNull();
        });
    }

    @Test
    void a_task_may_name_its_objective_description_priority_and_expected_output() {
        // given
        NewTask input = new NewTask("plan-61", "obj-housing", "Hỗ trợ nhà ở", "  Xây mới, sửa chữa nhà ở  ",
                TaskKind.INVESTMENT, TaskPriority.HIGH, "300 hộ có nhà ở kiên cố", "SXD-14", List.of(),
                LocalDate.of(2022, 4, 1), LocalDate.of(2023, 12, 31));

        // when
        var created = Task.create("t1", input, true, DIRECTORY, NOW);

        // then
        assertThat(created.state().description()).isEqualTo("Xây mới, sửa chữa nhà ở");
        assertThat(created.event()).isInstanceOfSatisfying(TaskCreated.class, e -> {
            assertThat(e.objectiveId()).isEqualTo("obj-housing");
            assertThat(e.priority()).isEqualTo("HIGH");
            assertThat(e.expectedOutput()).isEqualTo("300 hộ có nhà ở kiên cố");
        });
    }

    @Test
    void the_lead_unit_cannot_also_coordinate_and_the_due_date_cannot_precede_the_start() {
        NewTask bad = new NewTask("plan-61", "x", TaskKind.REPORTING, "SXD-14", List.of("SXD-14"),
                LocalDate.of(2023, 1, 1), LocalDate.of(2022, 1, 1));

        assertThatThrownBy(() -> Task.create("t1", bad, true, DIRECTORY, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting("field").containsExactly("dueDate", "coordinatingUnitCodes"));
    }

    @Test
    void unknown_units_are_unprocessable_and_units_not_valid_on_the_task_dates_are_named_field_by_field() {
        // given
        NewTask unknown = new NewTask("plan-61", "x", TaskKind.REPORTING, "SYT-14", List.of("BDT-14", "X-99"),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
        NewTask afterReform = new NewTask("plan-61", "x", TaskKind.REPORTING, "SLDTBXH-14",
                List.of("BDT-14", "H-118"), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        NewTask beforeVanHo = new NewTask("plan-61", "x", TaskKind.REPORTING, "SXD-14", List.of("H-128"),
                LocalDate.of(2012, 6, 1), LocalDate.of(2013, 6, 1));

        // then
        assertThatThrownBy(() -> Task.create("t1", unknown, true, DIRECTORY, NOW))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> {
                    assertThat(e.problemType()).isEqualTo("unknown-unit");
                    assertThat(e.getMessage()).contains("SYT-14, X-99").doesNotContain("BDT-14");
                });
        assertThatThrownBy(() -> Task.create("t1", afterReform, true, DIRECTORY, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations()).extracting("field")
                            .containsExactly("leadUnitCode", "coordinatingUnitCodes[1]");
                    assertThat(e.violations().get(1).message()).contains("Huyện Quỳnh Nhai", "2025-06-30");
                });
        assertThatThrownBy(() -> Task.create("t1", beforeVanHo, true, DIRECTORY, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting("field").containsExactly("coordinatingUnitCodes[0]"));
    }

    @Test
    void progress_moves_forward_only_and_done_needs_one_hundred_percent() {
        // given
        Task started = assigned().reportProgress(1, ProgressUpdate.of(40, "Đã hỗ trợ 120 hộ"), BY, NOW).state();

        // then
        assertThat(started.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThatThrownBy(() -> started.reportProgress(2, ProgressUpdate.of(30, "x"), BY, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting("field").containsExactly("percentComplete"));
        assertThatThrownBy(() -> started.complete(2, "x", NOW)).isInstanceOf(StateConflictException.class);
        Task full = started.reportProgress(2, ProgressUpdate.of(100, "Hoàn thành 300 hộ"), BY, NOW).state();
        assertThat(full.complete(3, "Bàn giao nhà", NOW).event()).isInstanceOfSatisfying(TaskCompleted.class,
                e -> assertThat(e.version()).isEqualTo(4));
    }

    @Test
    void a_blocked_task_resumes_where_it_was_and_closed_tasks_stay_closed() {
        // given
        Task started = assigned().reportProgress(1, ProgressUpdate.of(20, "x"), BY, NOW).state();
        Task blocked = started.block(2, "Chưa có vốn", NOW).state();

        // when
        var resumed = blocked.unblock(3, NOW);

        // then
        assertThat(blocked.status()).isEqualTo(TaskStatus.BLOCKED);
        assertThat(resumed.state().status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(resumed.event()).isInstanceOfSatisfying(TaskUnblocked.class,
                e -> assertThat(e.percentComplete()).isEqualTo(20));
        assertThatThrownBy(() -> blocked.reportProgress(3, ProgressUpdate.of(50, "x"), BY, NOW))
                .isInstanceOf(StateConflictException.class);
        Task cancelled = started.cancel(2, "Kế hoạch bị hủy", NOW).state();
        assertThatThrownBy(() -> cancelled.cancel(3, "again", NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> Task.create("t3", HOUSING, false, DIRECTORY, NOW).state()
                .reportProgress(1, ProgressUpdate.of(10, "x"), BY, NOW)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void a_task_started_at_zero_percent_and_blocked_resumes_in_progress_not_assigned() {
        // given
        Task startedAtZero = assigned()
                .reportProgress(1, ProgressUpdate.of(0, "Đã khảo sát hiện trạng"), BY, NOW).state();

        // when
        Task resumed = startedAtZero.block(2, "Chờ phê duyệt danh sách hộ", NOW).state().unblock(3, NOW).state();

        // then
        assertThat(resumed.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(resumed.resumeStatus()).isNull();
        assertThat(assigned().block(1, "x", NOW).state().unblock(2, NOW).state().status())
                .isEqualTo(TaskStatus.ASSIGNED);
    }
}
