package vn.giamngheo.report.task.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskRecordTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    static TaskEntry entry(long v, String at, String status, int percent, String due) {
        return new TaskEntry(v, Instant.parse(at), "t", status, percent, due == null ? null : LocalDate.parse(due),
                null, null, null);
    }

    static TaskRecord task(List<TaskEntry> history) {
        return new TaskRecord("t-1", "p-1", "Hỗ trợ nhà ở", "INVESTMENT", "HIGH", "SXD-14", List.of("H-128"),
                LocalDate.of(2023, 1, 2), LocalDate.of(2023, 6, 30), "DONE", 100, LocalDate.of(2023, 9, 30), history);
    }

    @Test
    void the_state_as_of_a_moment_is_the_fold_of_the_history_before_it() {
        // given: created, 40%, extended to 30/09, done on 05/10 (late by 5 days against the extended due date)
        TaskRecord task = task(List.of(
                entry(1, "2023-01-02T02:00:00Z", "ASSIGNED", 0, "2023-06-30"),
                entry(2, "2023-03-15T02:00:00Z", "IN_PROGRESS", 40, null),
                entry(3, "2023-06-20T02:00:00Z", "IN_PROGRESS", 40, "2023-09-30"),
                entry(5, "2023-10-05T02:00:00Z", "DONE", 100, null),
                entry(4, "2023-10-04T02:00:00Z", "IN_PROGRESS", 100, null)));

        // when
        TaskState before = task.stateBefore(Instant.parse("2023-01-01T00:00:00Z"), VN).orElse(null);
        TaskState march = task.stateBefore(Instant.parse("2023-04-01T00:00:00Z"), VN).orElseThrow();
        TaskState july = task.stateBefore(Instant.parse("2023-07-01T00:00:00Z"), VN).orElseThrow();
        TaskState now = task.current(VN).orElseThrow();

        // then
        assertThat(before).isNull();
        assertThat(march.status()).isEqualTo("IN_PROGRESS");
        assertThat(march.percentComplete()).isEqualTo(40);
        assertThat(march.dueDate()).isEqualTo(LocalDate.of(2023, 6, 30));
        assertThat(march.isOverdueOn(LocalDate.of(2023, 7, 1))).isTrue();
        assertThat(july.dueDate()).isEqualTo(LocalDate.of(2023, 9, 30));
        assertThat(july.isOverdueOn(LocalDate.of(2023, 7, 1))).isFalse();
        assertThat(now.isDone()).isTrue();
        assertThat(now.completedOn()).isEqualTo(LocalDate.of(2023, 10, 5));
        assertThat(now.dueDateAtCompletion()).isEqualTo(LocalDate.of(2023, 9, 30));
        assertThat(now.isDoneOnTime()).isFalse();
        assertThat(now.delayDays()).isEqualTo(5);
        assertThat(now.isOverdueOn(LocalDate.of(2024, 1, 1))).isFalse();
        assertThat(now.createdAt()).isEqualTo(Instant.parse("2023-01-02T02:00:00Z"));
    }

    @Test
    void completion_days_are_counted_in_the_provinces_calendar() {
        // given: done at 18:30 UTC on the due date = 01:30 the next day in Sơn La
        TaskRecord task = task(List.of(entry(1, "2023-01-02T02:00:00Z", "ASSIGNED", 0, "2023-06-30"),
                entry(2, "2023-06-30T18:30:00Z", "DONE", 100, null)));

        // when
        TaskState state = task.current(VN).orElseThrow();

        // then
        assertThat(state.completedOn()).isEqualTo(LocalDate.of(2023, 7, 1));
        assertThat(state.isDoneOnTime()).isFalse();
        assertThat(state.delayDays()).isEqualTo(1);
    }

    @Test
    void dissemination_reach_is_the_units_running_total_so_far() {
        // given
        TaskRecord task = task(List.of(entry(1, "2023-01-02T02:00:00Z", "ASSIGNED", 0, "2023-06-30"),
                new TaskEntry(2, Instant.parse("2023-02-01T02:00:00Z"), "t", "IN_PROGRESS", 0, null, "H-128", 30, 80),
                new TaskEntry(3, Instant.parse("2023-03-01T02:00:00Z"), "t", "IN_PROGRESS", 0, null, "H-118", 50, 50),
                new TaskEntry(4, Instant.parse("2023-04-01T02:00:00Z"), "t", "IN_PROGRESS", 0, null, "H-128", 70,
                        80)));

        // when
        TaskState march = task.stateBefore(Instant.parse("2023-03-15T00:00:00Z"), VN).orElseThrow();
        TaskState now = task.current(VN).orElseThrow();

        // then
        assertThat(march.dissemination()).containsEntry("H-128", new Reach(30, 80)).containsEntry("H-118",
                new Reach(50, 50));
        assertThat(now.dissemination()).containsEntry("H-128", new Reach(70, 80));
    }

    @Test
    void a_copy_kept_before_histories_were_recorded_has_only_its_present_state() {
        // given
        TaskRecord old = task(List.of());

        // then
        assertThat(old.current(VN)).hasValueSatisfying(s -> assertThat(s.status()).isEqualTo("DONE"));
        assertThat(old.stateBefore(Instant.parse("2024-01-01T00:00:00Z"), VN)).isEmpty();
    }

    @Test
    void before_its_creation_a_task_did_not_exist_and_no_history_is_needed_to_tell() {
        // given: the present facts of a task created on 2026-11-02 and updated since, its history not read
        Instant created = Instant.parse("2026-11-02T02:00:00Z");
        TaskRecord view = new TaskRecord("t-2", "p-1", "Hỗ trợ sinh kế", "INVESTMENT", "HIGH", "SXD-14", List.of(),
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 31), "IN_PROGRESS", 40, LocalDate.of(2026, 12, 31),
                created, null, null, null, Instant.parse("2026-11-20T02:00:00Z"), List.of(), false);
        Instant endOfH1 = Instant.parse("2026-06-30T17:00:00Z");
        Instant atCreation = created;
        Instant midNovember = Instant.parse("2026-11-15T00:00:00Z");

        // when / then: before (or at) its creation there is nothing to fold, and nothing to read
        assertThat(view.needsHistoryFor(endOfH1)).isFalse();
        assertThat(view.stateBefore(endOfH1, VN)).isEmpty();
        assertThat(view.needsHistoryFor(atCreation)).isFalse();
        assertThat(view.stateBefore(atCreation, VN)).isEmpty();
        // while between its creation and its last event the past still needs the history
        assertThat(view.needsHistoryFor(midNovember)).isTrue();
        assertThat(view.withHistory(List.of(entry(1, "2026-11-02T02:00:00Z", "ASSIGNED", 0, "2026-12-31"),
                entry(2, "2026-11-20T02:00:00Z", "IN_PROGRESS", 40, null))).stateBefore(midNovember, VN))
                .hasValueSatisfying(s -> assertThat(s.status()).isEqualTo("ASSIGNED"));
    }

    @Test
    void a_copy_whose_creation_is_unknown_counts_as_existing_and_its_history_decides() {
        // given: the present facts of a copy kept before the creation was recorded, its history not read
        TaskRecord view = new TaskRecord("t-3", "p-1", "Hỗ trợ nhà ở", "INVESTMENT", "HIGH", "SXD-14", List.of(),
                LocalDate.of(2023, 1, 2), LocalDate.of(2023, 6, 30), "IN_PROGRESS", 40, LocalDate.of(2023, 6, 30),
                null, null, null, null, Instant.parse("2023-03-15T02:00:00Z"), List.of(), false);

        // then
        assertThat(view.needsHistoryFor(Instant.parse("2023-01-01T00:00:00Z"))).isTrue();
        assertThat(view.needsHistoryFor(Instant.parse("2023-04-01T00:00:00Z"))).isFalse();
    }
}
