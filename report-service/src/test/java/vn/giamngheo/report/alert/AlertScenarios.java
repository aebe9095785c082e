package vn.giamngheo.report.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.report.calendar.ProvinceCalendar;
import vn.giamngheo.report.fixtures.Events;
import vn.giamngheo.report.fixtures.Events.Plan;
import vn.giamngheo.report.fixtures.Events.Task;
import vn.giamngheo.report.fixtures.ReportHttp;
import vn.giamngheo.report.fixtures.ReportScenarioSupport;
import vn.giamngheo.report.period.PeriodKind;
import vn.giamngheo.report.period.ReportPeriod;
import vn.giamngheo.support.testing.EmittedEvents;
import vn.giamngheo.support.testing.TestCaller;
import vn.giamngheo.support.testing.TopicProbe;

/**
 * Alerts end to end: raised once per condition and period however many checks run at the same time, published on
 * report.events, acknowledged, and resolved when their condition clears.
 */
abstract class AlertScenarios extends ReportScenarioSupport {

    @Autowired
    ProvinceCalendar calendar;

    JsonNode alerts(String query) {
        return http.getJson("/api/v1/alerts?" + query).get("items");
    }

    void check() {
        assertThat(http.post("/api/v1/alerts/checks", null).status()).isEqualTo(200);
    }

    List<JsonNode> recordsOf(String alertId, int atLeast) {
        try (TopicProbe events = new TopicProbe(bootstrapServers, Topics.REPORT_EVENTS)) {
            await().atMost(SETTLE).until(() -> events.recordsOf(alertId).size() >= atLeast);
            List<JsonNode> payloads = new ArrayList<>();
            events.recordsOf(alertId).forEach(r -> payloads.add(EmittedEvents.assertMatchesContract(r,
                    Topics.REPORT_EVENTS)));
            return payloads;
        }
    }

    @Test
    void a_plan_with_many_overdue_tasks_raises_one_alert_however_many_checks_run_and_it_clears_with_the_overdue() {
        // given: six open tasks of an issued plan, all past due
        LocalDate today = calendar.today();
        String unit = Events.uniqueUnitCode("SXD");
        publishUnits(List.of(Events.unit(unit, "AGENCY", "Ban quản lý dự án (thử nghiệm)")));
        Plan plan = new Plan("88/KH-UBND", "Kế hoạch hỗ trợ nhà ở", "ANNUAL_PLAN", "UBND-14", null,
                today.minusYears(1).toString(), today.plusYears(1).toString(), Events.on(today.minusDays(120)
                .toString())).issue(today.minusDays(120).toString());
        List<Task> tasks = new ArrayList<>();
        Map<String, Long> versions = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            Task task = new Task(plan, "Hỗ trợ nhà ở đợt " + (i + 1), "INVESTMENT", "NORMAL", unit, List.of(),
                    today.minusDays(100).toString(), today.minusDays(10 + i).toString(),
                    Events.on(today.minusDays(110).toString())).progress(today.minusDays(30).toString(), 40);
            tasks.add(task);
            versions.put(task.id, task.version());
        }
        List<DomainEvent> events = new ArrayList<>(plan.events);
        tasks.forEach(t -> events.addAll(t.events));
        publish(events);
        awaitApplied(Map.of(plan.id, plan.version()), versions, Map.of());

        // when: three checks at the same time, then one more
        List<CompletableFuture<Void>> checks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            checks.add(CompletableFuture.runAsync(this::check));
        }
        checks.forEach(CompletableFuture::join);
        check();

        // then: one alert, one event
        JsonNode raised = alerts("planId=" + plan.id + "&kind=PLAN_OVERDUE_TASKS");
        assertThat(raised).hasSize(1);
        JsonNode alert = raised.get(0);
        assertThat(alert.get("status").asString()).isEqualTo("RAISED");
        assertThat(alert.get("observed").asInt()).isEqualTo(6);
        assertThat(alert.get("threshold").asInt()).isEqualTo(5);
        assertThat(alert.get("period").asString()).isEqualTo(today.toString().substring(0, 7));
        assertThat(alert.get("message").asString()).isEqualTo("Kế hoạch 88/KH-UBND có 6 nhiệm vụ quá hạn (ngưỡng "
                + "cảnh báo: 5).");
        String id = alert.get("id").asString();
        List<JsonNode> published = recordsOf(id, 1);
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.get("kind").asString()).isEqualTo("PLAN_OVERDUE_TASKS");
            assertThat(e.get("status").asString()).isEqualTo("RAISED");
        });

        // when: two deadlines are extended — four overdue tasks remain, below the threshold
        List<DomainEvent> extensions = new ArrayList<>();
        for (Task task : tasks.subList(0, 2)) {
            int from = task.events.size();
            task.extend(today.toString(), today.plusMonths(2).toString());
            extensions.addAll(task.events.subList(from, task.events.size()));
            versions.put(task.id, task.version());
        }
        publish(extensions);
        awaitApplied(Map.of(), versions, Map.of());
        check();

        // then
        JsonNode resolved = http.getJson("/api/v1/alerts/" + id);
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.get("resolution").asString()).startsWith("Còn 4 nhiệm vụ quá hạn");
        assertThat(recordsOf(id, 2)).extracting(e -> e.get("status").asString()).containsExactly("RAISED",
                "RESOLVED");
        ReportHttp.Response late = http.post("/api/v1/alerts/" + id + "/acknowledge",
                "{\"acknowledgedBy\":\"Văn phòng UBND tỉnh\"}");
        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    void an_indicator_projected_off_track_is_alerted_acknowledged_and_cleared_by_approved_values() {
        // given: coverage 40% three years ago, target 60% next year; last year's approved report says 42%
        int year = calendar.today().getYear();
        String unit = Events.uniqueUnitCode("SYT");
        publishUnits(List.of(Events.unit(unit, "AGENCY", "Trung tâm y tế huyện (thử nghiệm)"),
                Events.unit("UBND-14", "AGENCY", "Ủy ban nhân dân tỉnh Sơn La")));
        Plan plan = new Plan("90/KH-UBND", "Kế hoạch nâng cao tỷ lệ tham gia bảo hiểm y tế", "PROGRAM_PLAN",
                "UBND-14", null, (year - 3) + "-01-01", (year + 1) + "-12-31", Events.on((year - 3) + "-01-02"))
                .objective("MT-1", "Bảo hiểm y tế toàn dân", Events.on((year - 3) + "-01-02"))
                .indicator("MT-1", "TL-CN", "Tỷ lệ người dân tộc thiểu số có thẻ bảo hiểm y tế", "%", "INCREASE",
                        year - 3, "40.0", "DISTRICT", List.of(Events.target(year + 1, null, "60.0")),
                        Events.on((year - 3) + "-01-02"))
                .issue((year - 3) + "-01-03");
        publish(plan.events);
        awaitApplied(Map.of(plan.id, plan.version()), Map.of(), Map.of());
        approve(unit, plan, String.valueOf(year - 1), "42.0");

        // when
        check();
        check();

        // then: 40 → 42 in two years: 44% next year, far from 60%
        JsonNode raised = alerts("planId=" + plan.id + "&kind=INDICATOR_OFF_TRACK");
        assertThat(raised).hasSize(1);
        JsonNode alert = raised.get(0);
        assertThat(alert.get("indicatorCode").asString()).isEqualTo("TL-CN");
        assertThat(alert.get("period").asString()).isEqualTo(String.valueOf(year + 1));
        assertThat(alert.get("observed").decimalValue()).isEqualByComparingTo("44.00");
        assertThat(alert.get("message").asString()).contains("Tỷ lệ người dân tộc thiểu số có thẻ bảo hiểm y tế")
                .contains("90/KH-UBND");
        String id = alert.get("id").asString();

        // when: someone takes note, then this year's first half report says 55% and is approved
        ReportHttp.Response acknowledged = http.post("/api/v1/alerts/" + id + "/acknowledge",
                "{\"acknowledgedBy\":\"Sở Y tế\",\"note\":\"Đang phối hợp Bảo hiểm xã hội tỉnh\"}", "\"1\"");
        approve(unit, plan, year + "-H1", "55.0");
        check();

        // then: 40 → 55 in three years: 60% next year — on track, the alert is resolved
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(http.getJson("/api/v1/alerts/" + id).get("status").asString()).isEqualTo("RESOLVED");
        assertThat(recordsOf(id, 3)).extracting(e -> e.get("status").asString())
                .containsExactly("RAISED", "ACKNOWLEDGED", "RESOLVED");
    }

    void approve(String unit, Plan plan, String period, String value) {
        String id = "SUB-" + unit + "-" + period;
        ReportHttp officer = http.as(TestCaller.officerOf(unit));
        assertThat(officer.post("/api/v1/submissions", """
                {"unitCode":"%s","period":"%s","values":[{"planId":"%s","indicatorCode":"TL-CN","value":%s}]}"""
                .formatted(unit, period, plan.id, value)).status()).isEqualTo(201);
        assertThat(officer.post("/api/v1/submissions/" + id + "/submit", "{}").status()).isEqualTo(200);
        assertThat(http.post("/api/v1/submissions/" + id + "/approve", "{\"approvedBy\":\"UBND-14\"}").status())
                .isEqualTo(200);
    }

    @Test
    void a_unit_that_has_not_reported_by_the_due_date_is_alerted_once_per_period_until_it_reports() {
        // given: a commune has led a task of an issued plan for more than a year and never reported
        LocalDate today = calendar.today();
        String commune = Events.uniqueUnitCode("XA");
        publishUnits(List.of(Events.unit(commune, "COMMUNE", "Ủy ban nhân dân xã thử nghiệm")));
        LocalDate created = today.minusDays(400);
        Plan plan = new Plan("91/KH-UBND", "Kế hoạch giảm nghèo của xã", "UNIT_PLAN", commune, null,
                created.toString(), today.plusYears(1).toString(), Events.on(created.toString()))
                .issue(created.toString());
        Task task = new Task(plan, "Hỗ trợ phát triển sản xuất", "IMPLEMENTATION", "NORMAL", commune, List.of(),
                created.plusDays(5).toString(), today.plusDays(200).toString(), Events.on(created.toString()));
        publish(new ArrayList<>(plan.events) {{ addAll(task.events); }});
        awaitApplied(Map.of(plan.id, plan.version()), Map.of(task.id, task.version()), Map.of());
        List<String> owed = new ArrayList<>();
        for (int y = today.getYear() - 1; y <= today.getYear(); y++) {
            for (PeriodKind kind : List.of(PeriodKind.H1, PeriodKind.ANNUAL)) {
                ReportPeriod period = new ReportPeriod(y, kind);
                if (today.isAfter(period.dueDate(15)) && !period.end().isBefore(created.plusDays(5))) {
                    owed.add(period.code());
                }
            }
        }

        // when
        check();
        check();

        // then: one alert per report owed
        JsonNode raised = alerts("unitCode=" + commune + "&kind=SUBMISSION_MISSING&size=50");
        assertThat(raised.valueStream().map(a -> a.get("period").asString()).toList())
                .containsExactlyInAnyOrderElementsOf(owed).isNotEmpty();
        assertThat(raised.get(0).get("message").asString()).startsWith("Ủy ban nhân dân xã thử nghiệm (" + commune
                + ") chưa gửi báo cáo");

        // when: it reports for the first period it owed
        String first = owed.get(0);
        ReportHttp officer = http.as(TestCaller.officerOf(commune));
        assertThat(officer.post("/api/v1/submissions", """
                {"unitCode":"%s","period":"%s","narrative":"Báo cáo kết quả thực hiện (nộp muộn)"}"""
                .formatted(commune, first)).status()).isEqualTo(201);
        assertThat(officer.post("/api/v1/submissions/SUB-" + commune + "-" + first + "/submit", "{}").status())
                .isEqualTo(200);
        check();

        // then: that alert is resolved, the others stay open, and nothing was raised twice
        JsonNode after = alerts("unitCode=" + commune + "&kind=SUBMISSION_MISSING&size=50");
        assertThat(after).hasSize(owed.size());
        after.forEach(a -> assertThat(a.get("status").asString()).as(a.get("period").asString())
                .isEqualTo(a.get("period").asString().equals(first) ? "RESOLVED" : "RAISED"));
        JsonNode resolved = after.valueStream().filter(a -> a.get("period").asString().equals(first)).findFirst()
                .orElseThrow();
        assertThat(recordsOf(resolved.get("id").asString(), 2)).extracting(e -> e.get("status").asString())
                .containsExactly("RAISED", "RESOLVED");
    }
}
