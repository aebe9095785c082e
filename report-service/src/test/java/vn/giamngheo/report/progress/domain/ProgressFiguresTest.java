package vn.giamngheo.report.progress.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.giamngheo.report.task.domain.TaskState;

class ProgressFiguresTest {

    static final LocalDate DAY = LocalDate.of(2024, 7, 1);

    static ProgressFigures.Item item(String status, int percent, String priority, LocalDate due, LocalDate done,
                                     LocalDate dueAtDone) {
        return new ProgressFigures.Item(new TaskState(status, percent, due, null, done, dueAtDone, Map.of()),
                priority);
    }

    @Test
    void cancelled_tasks_do_not_count_and_priorities_weigh_the_weighted_progress() {
        // given
        List<ProgressFigures.Item> tasks = List.of(
                item("DONE", 100, "HIGH", LocalDate.of(2024, 6, 30), LocalDate.of(2024, 6, 28),
                        LocalDate.of(2024, 6, 30)),
                item("DONE", 100, "LOW", LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 2),
                        LocalDate.of(2024, 3, 31)),
                item("IN_PROGRESS", 40, "NORMAL", LocalDate.of(2024, 6, 30), null, null),
                item("ASSIGNED", 0, "LOW", LocalDate.of(2024, 12, 31), null, null),
                item("CANCELLED", 10, "HIGH", LocalDate.of(2024, 1, 31), null, null));

        // when
        ProgressFigures f = ProgressFigures.of(tasks, DAY);

        // then: (100 + 100 + 40 + 0) / 4 = 60; (3×100 + 1×100 + 2×40 + 1×0) / 7 = 68.57
        assertThat(f.taskCount()).isEqualTo(5);
        assertThat(f.averagePercentComplete()).isEqualTo(60.0);
        assertThat(f.weightedPercentComplete()).isEqualTo(68.6);
        assertThat(f.overdueTasks()).isEqualTo(1);
        assertThat(f.doneTasks()).isEqualTo(2);
        assertThat(f.doneOnTime()).isEqualTo(1);
        assertThat(f.tasksByStatus()).containsEntry("DONE", 2L).containsEntry("CANCELLED", 1L)
                .containsEntry("PLANNED", 0L).containsEntry("BLOCKED", 0L);
    }

    @Test
    void no_tasks_give_zeros() {
        ProgressFigures f = ProgressFigures.of(List.of(), DAY);

        assertThat(f.averagePercentComplete()).isZero();
        assertThat(f.weightedPercentComplete()).isZero();
        assertThat(f.taskCount()).isZero();
    }
}
