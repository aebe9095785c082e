package vn.giamngheo.report.scorecard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.report.period.ReportPeriod;
import vn.giamngheo.report.task.domain.TaskEntry;
import vn.giamngheo.report.task.domain.TaskRecord;

class ScorecardFiguresTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final ReportPeriod H1 = ReportPeriod.parse("2024-H1");
    static final LocalDate END = H1.end();
    static final Instant CUTOFF = END.plusDays(1).atStartOfDay(VN).toInstant();

    static TaskRecord task(String id, String lead, List<String> coordinating, String start, String due,
                           TaskEntry... later) {
        List<TaskEntry> history = new ArrayList<>();
        history.add(new TaskEntry(1, Instant.parse(start + "T02:00:00Z"), "t", "ASSIGNED", 0, LocalDate.parse(due),
                null, null, null));
        history.addAll(List.of(later));
        return new TaskRecord(id, "p", id, "IMPLEMENTATION", "NORMAL", lead, coordinating, LocalDate.parse(start),
                LocalDate.parse(due), null, 0, null, history);
    }

    static TaskEntry at(long v, String day, String status, int percent) {
        return new TaskEntry(v, Instant.parse(day + "T02:00:00Z"), "t", status, percent, null, null, null, null);
    }

    static TaskEntry reach(long v, String day, String unit, int reached, int total) {
        return new TaskEntry(v, Instant.parse(day + "T02:00:00Z"), "t", "IN_PROGRESS", 10, null, unit, reached, total);
    }

    @Test
    void a_units_half_year_counts_what_it_led_and_coordinated_in_the_period() {
        // given
        List<TaskRecord> tasks = List.of(
                task("on-time", "SXD-14", List.of(), "2024-01-10", "2024-03-31", at(2, "2024-03-30", "DONE", 100)),
                task("late", "SXD-14", List.of(), "2024-01-10", "2024-03-31", at(2, "2024-04-10", "DONE", 100)),
                task("overdue", "SXD-14", List.of(), "2024-02-01", "2024-05-31",
                        at(2, "2024-04-01", "IN_PROGRESS", 50)),
                task("running", "SXD-14", List.of(), "2024-02-01", "2024-12-31"),
                task("done-last-year", "SXD-14", List.of(), "2023-02-01", "2023-12-31",
                        at(2, "2023-12-20", "DONE", 100)),
                task("cancelled", "SXD-14", List.of(), "2024-02-01", "2024-12-31", at(2, "2024-03-01", "CANCELLED", 0)),
                task("next-half", "SXD-14", List.of(), "2024-07-15", "2024-12-31"),
                task("done-after-period", "SXD-14", List.of(), "2024-03-01", "2024-06-15",
                        at(2, "2024-07-20", "DONE", 100)),
                task("coordinated", "SLDTBXH-14", List.of("SXD-14"), "2024-01-10", "2024-04-30"),
                task("dissemination", "BDT-14", List.of(), "2024-01-05", "2024-12-31",
                        reach(2, "2024-02-01", "SXD-14", 40, 60), reach(3, "2024-08-01", "SXD-14", 60, 60)));

        // when
        ScorecardFigures f = ScorecardFigures.of("SXD-14", tasks, H1, CUTOFF, END, VN);

        // then: led in the period: on-time, late, overdue, running, done-after-period (open on 30/06)
        assertThat(f.tasksLed()).isEqualTo(5);
        assertThat(f.done()).isEqualTo(2);
        assertThat(f.doneOnTime()).isEqualTo(1);
        assertThat(f.onTimeRate()).isEqualTo(50.0);
        assertThat(f.averageDelayDays()).isEqualTo(5.0);
        assertThat(f.overdue()).isEqualTo(2);
        assertThat(f.open()).isEqualTo(3);
        assertThat(f.tasksCoordinated()).isEqualTo(1);
        assertThat(f.coordinatedOverdue()).isEqualTo(1);
        assertThat(f.disseminationTasks()).isEqualTo(1);
        assertThat(f.officialsReached()).isEqualTo(40);
        assertThat(f.officialsTotal()).isEqualTo(60);
        assertThat(f.disseminationCoverage()).isEqualTo(66.7);
    }

    @Test
    void a_unit_without_tasks_has_no_rates() {
        ScorecardFigures f = ScorecardFigures.of("SYT-14", List.of(), H1, CUTOFF, END, VN);

        assertThat(f.tasksLed()).isZero();
        assertThat(f.onTimeRate()).isNull();
        assertThat(f.averageDelayDays()).isNull();
        assertThat(f.disseminationCoverage()).isNull();
    }
}
