package vn.giamngheo.task.task.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.giamngheo.task.task.domain.TaskTest.BY;
import static vn.giamngheo.task.task.domain.TaskTest.DIRECTORY;
import static vn.giamngheo.task.task.domain.TaskTest.NOW;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.task.TaskDeadlineExtended;
import vn.giamngheo.contracts.task.TaskOverdue;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;

class ScheduleTest {

    static final LocalDate DUE = LocalDate.of(2026, 6, 30);

    /** A provincial task of 2026 led by the Department of Construction, due at the end of June. */
    static Task dueEndOfJune() {
        NewTask input = new NewTask("plan-2026", "Hỗ trợ nhà ở năm 2026", TaskKind.INVESTMENT, "SXD-14",
                List.of("BDT-14"), LocalDate.of(2026, 1, 15), DUE);
        return Task.create("t1", input, true, DIRECTORY, NOW).state();
    }

    @Test
    void a_task_is_overdue_only_after_its_due_day_and_only_while_open() {
        // given
        Task task = dueEndOfJune();

        // then
        assertThat(task.isOverdueUnreported(DUE)).isFalse();
        assertThat(task.isOverdueUnreported(DUE.plusDays(1))).isTrue();
        Task done = task.reportProgress(1, ProgressUpdate.of(100, "x"), BY, NOW).state().complete(2, "x", NOW).state();
        assertThat(done.isOverdueUnreported(DUE.plusDays(1))).isFalse();
        assertThat(task.cancel(1, "x", NOW).state().isOverdue(DUE.plusDays(1))).isFalse();
        assertThat(task.block(1, "x", NOW).state().isOverdueUnreported(DUE.plusDays(1))).isTrue();
    }

    @Test
    void a_due_date_is_reported_overdue_once_and_an_extended_one_once_more() {
        // given
        LocalDate july1 = DUE.plusDays(1);
        var marked = dueEndOfJune().markOverdue(1, july1, NOW);

        // when
        var extended = marked.state().extend(2, LocalDate.of(2026, 9, 30), "Chờ vốn bổ sung", "Sở Xây dựng",
                july1, DIRECTORY, BY, NOW);
        var markedAgain = extended.state().markOverdue(3, LocalDate.of(2026, 10, 1), NOW);

        // then
        assertThat(marked.event()).isInstanceOfSatisfying(TaskOverdue.class, e -> {
            assertThat(e.dueDate()).isEqualTo(DUE);
            assertThat(e.detectedOn()).isEqualTo(july1);
            assertThat(e.leadUnitCode()).isEqualTo("SXD-14");
            assertThat(e.version()).isEqualTo(2);
        });
        assertThatThrownBy(() -> marked.state().markOverdue(2, july1.plusDays(5), NOW))
                .isInstanceOf(StateConflictException.class);
        assertThat(extended.state().overdueReported()).isFalse();
        assertThat(extended.state().isOverdueUnreported(LocalDate.of(2026, 9, 30))).isFalse();
        assertThat(markedAgain.event()).isInstanceOfSatisfying(TaskOverdue.class,
                e -> assertThat(e.dueDate()).isEqualTo(LocalDate.of(2026, 9, 30)));
        assertThatThrownBy(() -> markedAgain.state().markOverdue(4, LocalDate.of(2026, 12, 1), NOW))
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    void extensions_are_kept_in_history_with_reason_and_who_asked() {
        // given
        Task task = dueEndOfJune();

        // when
        var first = task.extend(1, LocalDate.of(2026, 8, 31), "Mưa lũ tháng 6", "UBND xã Mường Giôn",
                LocalDate.of(2026, 6, 20), DIRECTORY, BY, NOW);
        var second = first.state().extend(2, LocalDate.of(2026, 10, 31), "Chưa giải ngân vốn",
                "Sở Xây dựng (Công văn 512/SXD-QLN)", LocalDate.of(2026, 8, 25), DIRECTORY, BY, NOW);

        // then
        assertThat(second.state().extensions()).extracting(DeadlineExtension::previousDueDate,
                DeadlineExtension::newDueDate, DeadlineExtension::requestedBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DUE, LocalDate.of(2026, 8, 31), "UBND xã Mường Giôn"),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 8, 31), LocalDate.of(2026, 10, 31),
                        "Sở Xây dựng (Công văn 512/SXD-QLN)"));
        assertThat(second.state().originalDueDate()).isEqualTo(DUE);
        assertThat(second.state().extensions()).extracting(DeadlineExtension::extendedBy).containsOnly(BY);
        assertThat(second.event()).isInstanceOfSatisfying(TaskDeadlineExtended.class, e -> {
            assertThat(e.previousDueDate()).isEqualTo(LocalDate.of(2026, 8, 31));
            assertThat(e.dueDate()).isEqualTo(LocalDate.of(2026, 10, 31));
            assertThat(e.extensionCount()).isEqualTo(2);
            assertThat(e.status()).isEqualTo("ASSIGNED");
        });
    }

    @Test
    void an_extension_must_move_later_not_into_the_past_and_keep_its_units_valid() {
        // given
        Task task = dueEndOfJune();
        NewTask withDistrict = new NewTask("plan-61", "Hỗ trợ sinh kế", TaskKind.IMPLEMENTATION, "SXD-14",
                List.of("H-118"), LocalDate.of(2024, 1, 1), LocalDate.of(2025, 3, 31));
        Task districtTask = Task.create("t2", withDistrict, true, DIRECTORY, NOW).state();
        LocalDate today = LocalDate.of(2026, 6, 20);

        // then
        assertThatThrownBy(() -> task.extend(1, DUE, "x", "y", today, DIRECTORY, BY, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations().get(0).message())
                        .contains("after the current due date"));
        assertThatThrownBy(() -> districtTask.extend(1, LocalDate.of(2025, 6, 1), "x", "y", today, DIRECTORY,
                BY, NOW)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations().get(0)
                .message()).contains("in the past"));
        assertThatThrownBy(() -> districtTask.extend(1, LocalDate.of(2026, 9, 30), "x", "y", today, DIRECTORY,
                BY, NOW)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations()).extracting("field").containsExactly("newDueDate");
                    assertThat(e.violations().get(0).message()).contains("Huyện Quỳnh Nhai");
                });
        Task done = task.reportProgress(1, ProgressUpdate.of(100, "x"), BY, NOW).state().complete(2, "x", NOW).state();
        assertThatThrownBy(() -> done.extend(3, LocalDate.of(2026, 9, 30), "x", "y", today, DIRECTORY, BY, NOW))
                .isInstanceOf(StateConflictException.class);
    }
}
