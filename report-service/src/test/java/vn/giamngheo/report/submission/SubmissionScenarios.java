package vn.giamngheo.report.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.report.calendar.ProvinceCalendar;
import vn.giamngheo.report.fixtures.Events;
import vn.giamngheo.report.fixtures.Events.Plan;
import vn.giamngheo.report.fixtures.ReportHttp;
import vn.giamngheo.report.fixtures.ReportScenarioSupport;
import vn.giamngheo.support.testing.EmittedEvents;
import vn.giamngheo.support.testing.TestCaller;
import vn.giamngheo.support.testing.TopicProbe;

/**
 * Periodic reports end to end: the submission cycle with its events on report.events, approved values becoming the
 * indicators' actuals (and moving their status), refusals, and late or missing reports made visible.
 */
abstract class SubmissionScenarios extends ReportScenarioSupport {

    @Autowired
    ProvinceCalendar calendar;

    String unit;
    Plan plan;

    @BeforeEach
    void aUnitAndAPlanWithAnIndicator() {
        unit = Events.uniqueUnitCode("SLD");
        int targetYear = calendar.today().getYear();
        plan = new Plan("15/KH-UBND", "Kế hoạch giảm nghèo năm " + targetYear, "ANNUAL_PLAN", "UBND-14", null,
                (targetYear - 4) + "-01-01", targetYear + "-12-31", Events.on((targetYear - 4) + "-01-02"))
                .objective("MT-1", "Giảm nghèo", Events.on((targetYear - 4) + "-01-02"))
                .indicator("MT-1", "TL-SUB", "Tỷ lệ hộ nghèo của huyện", "%", "DECREASE", targetYear - 4, "20.0",
                        "DISTRICT", List.of(Events.target(targetYear, null, "10.0")), Events.on((targetYear - 4)
                                + "-01-02"))
                .issue((targetYear - 4) + "-01-03");
        publishUnits(List.of(Events.unit(unit, "AGENCY", "Phòng Lao động – Thương binh và Xã hội huyện (thử nghiệm)"),
                Events.unit("UBND-14", "AGENCY", "Ủy ban nhân dân tỉnh Sơn La")));
        publish(plan.events);
        awaitApplied(Map.of(plan.id, plan.version()), Map.of(), Map.of());
    }

    String draftJson(String period, String value) {
        return """
                {"unitCode":"%s","period":"%s","narrative":"Kết quả thực hiện %s: đã hỗ trợ 1.250 hộ thoát nghèo.",
                 "values":[{"planId":"%s","indicatorCode":"TL-SUB","value":%s,"note":"Theo kết quả rà soát"}]}"""
                .formatted(unit, period, period, plan.id, value);
    }

    JsonNode indicatorRow() {
        JsonNode rows = http.getJson("/api/v1/reports/indicators?planId=" + plan.id + "&year="
                + calendar.today().getYear());
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    /** The unit's officer drafts and submits its reports; the province administrator reviews them. */
    ReportHttp officer() {
        return http.as(TestCaller.officerOf(unit));
    }

    String approveWithoutFuss(String period, String value) {
        String id = "SUB-" + unit + "-" + period;
        assertThat(officer().post("/api/v1/submissions", draftJson(period, value)).status()).isEqualTo(201);
        assertThat(officer().post("/api/v1/submissions/" + id + "/submit", "{}").status()).isEqualTo(200);
        assertThat(http.post("/api/v1/submissions/" + id + "/approve", "{\"approvedBy\":\"UBND-14\"}").status())
                .isEqualTo(200);
        return id;
    }

    @Test
    void draft_submit_return_resubmit_approve_and_the_approved_value_moves_the_indicator_on_track() {
        // given: 20% four years ago, an approved 19% two years ago — projected 18% this year against 10%
        int year = calendar.today().getYear();
        assertThat(indicatorRow().get("status").asString()).isEqualTo("NO_DATA");
        approveWithoutFuss(String.valueOf(year - 2), "19.0");
        assertThat(indicatorRow().get("status").asString()).isEqualTo("OFF_TRACK");
        String period = String.valueOf(year - 1);
        String id = "SUB-" + unit + "-" + period;

        // when: drafted, submitted (after its due date), returned, corrected, submitted again, approved
        ReportHttp officer = officer();
        ReportHttp.Response drafted = officer.post("/api/v1/submissions", draftJson(period, "12.0"));
        ReportHttp.Response submitted = officer.post("/api/v1/submissions/" + id + "/submit",
                "{\"submittedBy\":\"Trưởng phòng Nguyễn Văn Hùng\"}", "\"1\"");
        JsonNode whileSubmitted = indicatorRow();
        ReportHttp.Response returned = http.post("/api/v1/submissions/" + id + "/return",
                "{\"returnedBy\":\"UBND-14\",\"reason\":\"Số liệu chưa khớp với kết quả rà soát cuối năm\"}", "\"2\"");
        ReportHttp.Response stale = officer.put("/api/v1/submissions/" + id, draftJson(period, "12.5"), "\"2\"");
        ReportHttp.Response corrected = officer.put("/api/v1/submissions/" + id, draftJson(period, "12.5"),
                "\"3\"");
        ReportHttp.Response resubmitted = officer.post("/api/v1/submissions/" + id + "/submit", null, "\"4\"");
        ReportHttp.Response approved = http.post("/api/v1/submissions/" + id + "/approve",
                "{\"approvedBy\":\"UBND-14\"}", "\"5\"");

        // then
        assertThat(drafted.status()).isEqualTo(201);
        assertThat(drafted.header("Location")).isEqualTo("/api/v1/submissions/" + id);
        assertThat(drafted.etag()).isEqualTo("\"1\"");
        assertThat(drafted.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(drafted.json().get("dueDate").asString()).isEqualTo(year + "-01-15");
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        long daysLate = ChronoUnit.DAYS.between(LocalDate.of(year, 1, 15), calendar.today());
        assertThat(submitted.json().get("late").asBoolean()).isEqualTo(daysLate > 0);
        assertThat(submitted.json().get("daysLate").asLong()).isEqualTo(Math.max(0, daysLate));
        assertThat(whileSubmitted.get("status").asString()).as("only approved values count").isEqualTo("OFF_TRACK");
        assertThat(returned.json().get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.json().get("returnReason").asString()).contains("chưa khớp");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("stale-version");
        assertThat(corrected.etag()).isEqualTo("\"4\"");
        assertThat(resubmitted.json().get("submissionCount").asInt()).isEqualTo(2);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.etag()).isEqualTo("\"6\"");
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        // 20% → 12.5% in three years: −2.5 a year → 10% this year: on track
        JsonNode row = indicatorRow();
        assertThat(row.get("status").asString()).isEqualTo("ON_TRACK");
        assertThat(row.get("projectedValue").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(row.get("latestActual").get("value").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(row.get("latestActual").get("reference").asString()).isEqualTo(id);
        try (TopicProbe events = new TopicProbe(bootstrapServers, Topics.REPORT_EVENTS)) {
            await().atMost(SETTLE).until(() -> events.recordsOf(id).size() >= 6);
            List<ConsumerRecord<String, byte[]>> records = events.recordsOf(id);
            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_type")).containsExactly(
                    "report.SubmissionDrafted.v1", "report.SubmissionSubmitted.v1", "report.SubmissionReturned.v1",
                    "report.SubmissionDraftChanged.v1", "report.SubmissionSubmitted.v1",
                    "report.SubmissionApproved.v1");
            records.forEach(r -> EmittedEvents.assertMatchesContract(r, Topics.REPORT_EVENTS));
            JsonNode approvedEvent = EmittedEvents.assertMatchesContract(records.get(5), Topics.REPORT_EVENTS);
            assertThat(approvedEvent.get("values").get(0).get("value").decimalValue()).isEqualByComparingTo("12.5");
            assertThat(approvedEvent.get("version").asLong()).isEqualTo(6);
        }
    }

    @Test
    void bad_requests_are_refused_with_the_reason_and_store_nothing() {
        // given
        String period = (calendar.today().getYear() - 1) + "-H1";

        // when
        ReportHttp.Response badPeriod = http.post("/api/v1/submissions", draftJson("2025-H3", "1"));
        ReportHttp.Response noValue = http.post("/api/v1/submissions", """
                {"unitCode":"%s","period":"%s","values":[{"planId":"%s","indicatorCode":"TL-SUB"}]}"""
                .formatted(unit, period, plan.id));
        ReportHttp.Response unknownUnit = http.post("/api/v1/submissions", draftJson(period, "1")
                .replace(unit, "KHONG-TON-TAI"));
        ReportHttp.Response unknownPlan = http.post("/api/v1/submissions", draftJson(period, "1")
                .replace(plan.id, "khong-co-ke-hoach"));
        ReportHttp.Response unknownIndicator = http.post("/api/v1/submissions", draftJson(period, "1")
                .replace("TL-SUB", "TL-KHAC"));
        ReportHttp.Response future = http.post("/api/v1/submissions", draftJson(
                String.valueOf(calendar.today().getYear() + 1), "1"));

        // then
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.json().get("errors").get(0).get("field").asString()).isEqualTo("period");
        assertThat(noValue.status()).isEqualTo(400);
        assertThat(noValue.json().get("errors").get(0).get("field").asString()).isEqualTo("values[0].value");
        assertThat(unknownUnit.status()).isEqualTo(422);
        assertThat(unknownUnit.json().get("type").asString()).endsWith("unknown-unit");
        assertThat(unknownPlan.status()).isEqualTo(422);
        assertThat(unknownPlan.json().get("type").asString()).endsWith("unknown-plan");
        assertThat(unknownIndicator.status()).isEqualTo(400);
        assertThat(unknownIndicator.json().get("errors").get(0).get("field").asString())
                .isEqualTo("values[0].indicatorCode");
        assertThat(future.status()).isEqualTo(400);
        assertThat(http.get("/api/v1/submissions/SUB-" + unit + "-" + period).status()).isEqualTo(404);
        assertThat(http.getJson("/api/v1/submissions?unitCode=" + unit).get("total").asLong()).isZero();

        // and a report exists once per unit and period; only submitted reports are reviewed, by the level above
        String id = "SUB-" + unit + "-" + period;
        assertThat(http.post("/api/v1/submissions", draftJson(period, "14")).status()).isEqualTo(201);
        ReportHttp.Response again = http.post("/api/v1/submissions", draftJson(period, "14"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("already-exists");
        ReportHttp.Response approveDraft = http.post("/api/v1/submissions/" + id + "/approve",
                "{\"approvedBy\":\"UBND-14\"}");
        assertThat(approveDraft.status()).isEqualTo(409);
        assertThat(approveDraft.json().get("type").asString()).endsWith("illegal-transition");
        assertThat(http.post("/api/v1/submissions/" + id + "/submit", "{}").status()).isEqualTo(200);
        ReportHttp.Response selfApproval = http.post("/api/v1/submissions/" + id + "/approve",
                "{\"approvedBy\":\"" + unit + "\"}");
        assertThat(selfApproval.status()).isEqualTo(400);
        assertThat(selfApproval.json().get("errors").get(0).get("field").asString()).isEqualTo("approvedBy");
        ReportHttp.Response noReason = http.post("/api/v1/submissions/" + id + "/return",
                "{\"returnedBy\":\"UBND-14\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(http.getJson("/api/v1/submissions/" + id).get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void late_and_missing_reports_are_visible() {
        // given: another unit leads a task of the plan since early last year and never reports
        LocalDate today = calendar.today();
        int lastYear = today.getYear() - 1;
        String silent = Events.uniqueUnitCode("XA");
        publishUnits(List.of(Events.unit(silent, "COMMUNE", "Ủy ban nhân dân xã thử nghiệm")));
        Events.Task task = new Events.Task(plan, "Hỗ trợ sinh kế cho hộ nghèo", "IMPLEMENTATION", "NORMAL", silent,
                List.of(unit), lastYear + "-01-10", today.plusMonths(6).toString(), Events.on(lastYear + "-01-05"));
        publish(task.events);
        awaitApplied(Map.of(), Map.of(task.id, task.version()), Map.of());
        String period = lastYear + "-H1";

        // when: the plan's own unit reports after the due date
        officer().post("/api/v1/submissions", draftJson(period, "15"));
        officer().post("/api/v1/submissions/SUB-" + unit + "-" + period + "/submit", "{}");
        JsonNode overview = http.getJson("/api/v1/submissions/overview?period=" + period);
        JsonNode late = http.getJson("/api/v1/submissions?late=true&unitCode=" + unit);

        // then
        JsonNode silentRow = rowOf(overview, silent);
        assertThat(silentRow.get("expected").asBoolean()).isTrue();
        assertThat(silentRow.get("status").asString()).isEqualTo("MISSING");
        assertThat(silentRow.get("overdue").asBoolean()).isTrue();
        JsonNode reportedRow = rowOf(overview, unit);
        assertThat(reportedRow.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(reportedRow.get("late").asBoolean()).isTrue();
        assertThat(reportedRow.get("daysLate").asLong())
                .isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(lastYear, 7, 15), today));
        assertThat(overview.get("dueDate").asString()).isEqualTo(lastYear + "-07-15");
        assertThat(overview.get("periodName").asString()).isEqualTo("6 tháng đầu năm " + lastYear);
        assertThat(late.get("items")).singleElement().satisfies(s ->
                assertThat(s.get("id").asString()).isEqualTo("SUB-" + unit + "-" + period));
        try (TopicProbe events = new TopicProbe(bootstrapServers, Topics.REPORT_EVENTS)) {
            String id = "SUB-" + unit + "-" + period;
            await().atMost(SETTLE).until(() -> events.recordsOf(id).size() == 2);
            events.recordsOf(id).forEach(r -> EmittedEvents.assertMatchesContract(r, Topics.REPORT_EVENTS));
            JsonNode submitted = EmittedEvents.assertMatchesContract(events.recordsOf(id).get(1), Topics.REPORT_EVENTS);
            assertThat(submitted.get("late").asBoolean()).isTrue();
        }
    }

    static JsonNode rowOf(JsonNode overview, String unitCode) {
        return overview.get("units").valueStream().filter(r -> r.get("unitCode").asString().equals(unitCode))
                .findFirst().orElseThrow(() -> new AssertionError(unitCode + " not in " + overview));
    }
}
