package vn.giamngheo.task.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.contracts.task.QuantitativeOutput;
import vn.giamngheo.contracts.task.TaskProgressReported;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.outbox.OutboxEntry;
import vn.giamngheo.task.task.domain.NewTask;
import vn.giamngheo.task.task.domain.ProgressReport;
import vn.giamngheo.task.task.domain.ProgressUpdate;
import vn.giamngheo.task.task.domain.Task;
import vn.giamngheo.task.task.domain.TaskKind;
import vn.giamngheo.task.task.domain.TaskPriority;
import vn.giamngheo.task.task.domain.UnitDirectory;
import vn.giamngheo.task.task.domain.UnitPeriod;

/** The progress log folded from a task's stored changes, without Spring or a database. */
class ProgressLogFoldTest {

    static final Instant NOW = Instant.parse("2022-04-01T02:00:00Z");
    static final Actor LEAD = new Actor("sxd.canbo", "Cán bộ Sở Xây dựng", "SXD-14", Actor.Kind.USER);
    static final Actor ADMIN = new Actor("admin", "Quản trị tỉnh", null, Actor.Kind.USER);
    static final QuantitativeOutput HOUSES = new QuantitativeOutput("Số hộ được hỗ trợ nhà ở", new BigDecimal("120"),
            "hộ");

    static final UnitDirectory UNITS = code -> Optional.of(new UnitPeriod(code, "Sở Xây dựng",
            LocalDate.of(2004, 1, 1), null));

    @Test
    void each_report_comes_from_its_event_with_the_percentage_before_it_and_who_reported_it() {
        // given: created, reported twice (by two people), blocked and unblocked in between
        Change<Task> created = Task.create("t-1", newTask(), true, UNITS, NOW);
        Change<Task> first = created.state().reportProgress(1, new ProgressUpdate(40, "Đợt 1: 120 hộ",
                List.of("https://sonla.gov.vn/van-ban/123"), List.of(HOUSES), null), LEAD, NOW);
        Change<Task> blocked = first.state().block(2, "Mưa lũ", NOW);
        Change<Task> resumed = blocked.state().unblock(3, NOW);
        Change<Task> second = resumed.state().reportProgress(4, ProgressUpdate.of(55, "Đợt 2"), ADMIN, NOW);

        // when
        List<ProgressReport> log = ProgressLog.fold(second.state(), List.of(entry(created, LEAD),
                entry(first, LEAD), entry(blocked, LEAD), entry(resumed, LEAD), entry(second, ADMIN)));

        // then
        assertThat(log).extracting(ProgressReport::number, ProgressReport::previousPercentComplete,
                ProgressReport::percentComplete, ProgressReport::note, ProgressReport::reportedBy)
                .containsExactly(tuple(1, 0, 40, "Đợt 1: 120 hộ", LEAD), tuple(2, 40, 55, "Đợt 2", ADMIN));
        assertThat(log.get(0).outputs()).containsExactly(HOUSES);
        assertThat(log.get(0).evidenceLinks()).containsExactly("https://sonla.gov.vn/van-ban/123");
        assertThat(log.get(0).reportedAt()).isEqualTo(NOW);
    }

    @Test
    void a_task_stored_before_the_log_left_its_document_keeps_its_old_reports_and_continues_from_them() {
        // given: a task document of the old layout with two reports in its state, whose early changes are not logged
        ProgressReport old1 = new ProgressReport(1, 20, 0, "Báo cáo cũ 1", null, null, null, NOW, LEAD);
        ProgressReport old2 = new ProgressReport(2, 30, 20, "Báo cáo cũ 2", null, null, null, NOW, LEAD);
        Task stored = Task.create("t-2", newTask(), true, UNITS, NOW).state();
        Task legacy = new Task(stored.id(), stored.planId(), stored.objectiveId(), stored.title(),
                stored.description(), stored.kind(), stored.priority(), stored.expectedOutput(),
                stored.leadUnitCode(), stored.coordinatingUnitCodes(), stored.startDate(), stored.dueDate(),
                stored.status(), 30, "Báo cáo cũ 2", null, false, List.of(old1, old2), null, List.of(), List.of());

        // when: a third report after the change; the second one's event was still waiting to be published then, so
        // it is in the log too
        TaskProgressReported secondAgain = new TaskProgressReported("t-2", 3, "p-1", 2, "Báo cáo cũ 2", List.of(),
                List.of(), null, "IN_PROGRESS", 30, null, NOW);
        Change<Task> third = legacy.reportProgress(3, ProgressUpdate.of(50, "Báo cáo mới"), LEAD, NOW);
        List<ProgressReport> log = ProgressLog.fold(third.state(), List.of(OutboxEntry.of(secondAgain, LEAD),
                entry(third, LEAD)));

        // then
        assertThat(legacy.progressReportCount()).isEqualTo(2);
        assertThat(log).extracting(ProgressReport::number, ProgressReport::previousPercentComplete,
                ProgressReport::percentComplete).containsExactly(tuple(1, 0, 20), tuple(2, 20, 30), tuple(3, 30, 50));
    }

    @Test
    void a_report_event_published_before_it_carried_the_percentage_before_it_takes_it_from_the_previous_change() {
        // given: events of the older shape, without previousPercentComplete
        TaskProgressReported first = new TaskProgressReported("t-3", 2, "p-1", 1, "Đợt 1", List.of(), List.of(), null,
                "IN_PROGRESS", 30, null, NOW);
        TaskProgressReported second = new TaskProgressReported("t-3", 3, "p-1", 2, "Đợt 2", List.of(), List.of(),
                null, "IN_PROGRESS", 45, null, NOW);
        Task state = Task.create("t-3", newTask(), true, UNITS, NOW).state();

        // when
        List<ProgressReport> log = ProgressLog.fold(state, List.of(OutboxEntry.of(first, LEAD),
                OutboxEntry.of(second, LEAD)));

        // then
        assertThat(log).extracting(ProgressReport::number, ProgressReport::previousPercentComplete,
                ProgressReport::percentComplete).containsExactly(tuple(1, 0, 30), tuple(2, 30, 45));
    }

    private static OutboxEntry entry(Change<Task> change, Actor actor) {
        return OutboxEntry.of(change.event(), actor);
    }

    private static NewTask newTask() {
        return new NewTask("p-1", null, "Hỗ trợ nhà ở cho hộ nghèo", null, TaskKind.IMPLEMENTATION,
                TaskPriority.NORMAL, null, "SXD-14", List.of(), LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31));
    }
}
