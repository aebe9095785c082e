package vn.giamngheo.report.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.report.calendar.ProvinceCalendar;
import vn.giamngheo.report.feedback.web.FeedbackAbuseProtection;
import vn.giamngheo.report.fixtures.Events;
import vn.giamngheo.report.fixtures.Events.Plan;
import vn.giamngheo.report.fixtures.Events.Task;
import vn.giamngheo.report.fixtures.ReportHttp;
import vn.giamngheo.report.fixtures.ReportScenarioSupport;
import vn.giamngheo.support.testing.EmittedEvents;
import vn.giamngheo.support.testing.TestCaller;
import vn.giamngheo.support.testing.TopicProbe;

/**
 * Community feedback end to end: the public's feedback on a task or a commune's project, officials' answers, the
 * counts and ratings in the plan and unit reports, the events on report.events (never with the contact), and the
 * abuse protection (field limits, request size, a rate limit per client).
 */
abstract class FeedbackScenarios extends ReportScenarioSupport {

    @Autowired
    ProvinceCalendar calendar;

    @Autowired
    FeedbackAbuseProtection protection;

    String lead;
    String commune;
    Plan plan;
    Task task;

    @BeforeEach
    void aTaskInACommune() {
        protection.buckets().clear();
        LocalDate today = calendar.today();
        lead = Events.uniqueUnitCode("SXD");
        commune = Events.uniqueUnitCode("XA");
        publishUnits(List.of(Events.unit(lead, "AGENCY", "Ban quản lý dự án xây dựng (thử nghiệm)"),
                Events.unit(commune, "COMMUNE", "Xã Mường Giôn (thử nghiệm)")));
        String start = today.withDayOfYear(1).toString();
        plan = new Plan("92/KH-UBND", "Kế hoạch xây dựng nhà văn hóa bản", "ANNUAL_PLAN", "UBND-14", null, start,
                today.withDayOfYear(1).plusYears(1).minusDays(1).toString(), Events.on(start)).issue(start);
        task = new Task(plan, "Xây dựng nhà văn hóa bản Nà Bai", "INVESTMENT", "HIGH", lead, List.of(commune), start,
                today.plusMonths(1).toString(), Events.on(start)).progress(start, 30);
        publish(plan.events);
        publish(task.events);
        awaitApplied(Map.of(plan.id, plan.version()), Map.of(task.id, task.version()), Map.of());
    }

    @AfterEach
    void fullAllowancesForTheNextTest() {
        protection.buckets().clear();
    }

    String onTask(int rating, String text, String contact) {
        return """
                {"subjectKind":"TASK","taskId":"%s","communeCode":"%s","rating":%d,"text":"%s"%s}"""
                .formatted(task.id, commune, rating, text, contact == null ? "" : ",\"contact\":\"" + contact + "\"");
    }

    String onProject(int rating, String text) {
        return """
                {"subjectKind":"COMMUNE_PROJECT","projectName":"Đường giao thông bản Nà Bai","communeCode":"%s",
                 "rating":%d,"text":"%s"}""".formatted(commune, rating, text);
    }

    @Test
    void the_public_gives_feedback_officials_answer_and_the_reports_count_it() {
        // when
        ReportHttp.Response first = publicHttp.post("/api/v1/feedback", onTask(4,
                "Nhà văn hóa xây chắc chắn, đúng thiết kế.", "0912 345 678"));
        ReportHttp.Response second = publicHttp.post("/api/v1/feedback", onProject(2,
                "Đường xuống cấp sau mùa mưa, xe máy đi lại khó khăn."));
        String id = first.json().get("id").asString();
        ReportHttp.Response answered = http.as(TestCaller.officerOf(lead)).post("/api/v1/feedback/" + id
                + "/answer", "{\"answeredBy\":\"UBND xã Mường Giôn\",\"response\":\"Cảm ơn ý kiến của bà con.\"}",
                "\"1\"");
        ReportHttp.Response twice = http.post("/api/v1/feedback/" + id + "/answer",
                "{\"answeredBy\":\"UBND xã\",\"response\":\"Trả lời lần hai\"}");
        ReportHttp.Response stale = http.as(TestCaller.officerOf(commune)).post("/api/v1/feedback/"
                + second.json().get("id").asString() + "/answer",
                "{\"answeredBy\":\"UBND xã\",\"response\":\"Xã sẽ sửa đường trong quý tới\"}", "\"7\"");

        // then
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Location")).isEqualTo("/api/v1/feedback/" + id);
        assertThat(first.json().get("planId").asString()).isEqualTo(plan.id);
        assertThat(first.json().get("leadUnitCode").asString()).isEqualTo(lead);
        assertThat(first.json().get("contactProvided").asBoolean()).isTrue();
        assertThat(first.text()).doesNotContain("0912");
        assertThat(second.status()).isEqualTo(201);
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.etag()).isEqualTo("\"2\"");
        assertThat(answered.json().get("status").asString()).isEqualTo("ANSWERED");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("stale-version");
        JsonNode listed = publicHttp.getJson("/api/v1/feedback?taskId=" + task.id);
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.toString()).doesNotContain("0912");
        JsonNode aboutCommune = publicHttp.getJson("/api/v1/feedback/summary?unitCode=" + commune);
        assertThat(aboutCommune.get("count").asLong()).isEqualTo(2);
        assertThat(aboutCommune.get("averageRating").asDouble()).isEqualTo(3.0);
        assertThat(aboutCommune.get("answered").asLong()).isEqualTo(1);
        assertThat(aboutCommune.get("ratings").get("2").asLong()).isEqualTo(1);
        JsonNode progress = http.getJson("/api/v1/reports/plans/" + plan.id + "/progress");
        assertThat(progress.get("feedback").get("count").asLong()).isEqualTo(1);
        assertThat(progress.get("feedback").get("averageRating").asDouble()).isEqualTo(4.0);
        assertThat(progress.get("rollup").get("feedback").get("answered").asLong()).isEqualTo(1);
        String year = String.valueOf(calendar.today().getYear());
        JsonNode leadCard = http.getJson("/api/v1/reports/units/" + lead + "/scorecard?period=" + year);
        assertThat(leadCard.get("feedback").get("count").asLong()).isEqualTo(1);
        assertThat(leadCard.get("tasksLed").asLong()).isEqualTo(1);
        JsonNode communeCard = http.getJson("/api/v1/reports/units/" + commune + "/scorecard?period=" + year);
        assertThat(communeCard.get("feedback").get("count").asLong()).isEqualTo(2);
        assertThat(communeCard.get("feedback").get("averageRating").asDouble()).isEqualTo(3.0);
        assertThat(communeCard.get("tasksCoordinated").asLong()).isEqualTo(1);
        String exported = http.get("/api/v1/reports/plans/" + plan.id + "/progress.csv").text();
        assertThat(exported.lines().toList()).anySatisfy(line -> assertThat(line).startsWith("92/KH-UBND,")
                .endsWith(",1,4.0"));
        try (TopicProbe events = new TopicProbe(bootstrapServers, Topics.REPORT_EVENTS)) {
            await().atMost(SETTLE).until(() -> events.recordsOf(id).size() >= 2);
            List<ConsumerRecord<String, byte[]>> records = events.recordsOf(id);
            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_type"))
                    .containsExactly("report.FeedbackReceived.v1", "report.FeedbackAnswered.v1");
            JsonNode received = EmittedEvents.assertMatchesContract(records.get(0), Topics.REPORT_EVENTS);
            EmittedEvents.assertMatchesContract(records.get(1), Topics.REPORT_EVENTS);
            assertThat(received.get("rating").asInt()).isEqualTo(4);
            assertThat(received.get("contactProvided").asBoolean()).isTrue();
            assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).doesNotContain("0912");
        }
    }

    @Test
    void bad_feedback_is_refused_with_the_reason_and_nothing_is_stored() {
        // when
        ReportHttp.Response invalid = publicHttp.post("/api/v1/feedback", """
                {"taskId":"%s","rating":6,"text":"%s"}""".formatted(task.id, "x".repeat(2001)));
        ReportHttp.Response noProject = publicHttp.post("/api/v1/feedback", """
                {"subjectKind":"COMMUNE_PROJECT","communeCode":"%s","rating":3,"text":"Ý kiến"}""".formatted(commune));
        ReportHttp.Response unknownTask = publicHttp.post("/api/v1/feedback", onTask(3, "Ý kiến", null)
                .replace(task.id, "khong-co-nhiem-vu"));
        ReportHttp.Response unknownCommune = publicHttp.post("/api/v1/feedback", onProject(3, "Ý kiến")
                .replace(commune, "XA-KHONG-CO"));
        ReportHttp.Response oversized = publicHttp.post("/api/v1/feedback", onTask(3, "y".repeat(20_000), null));

        // then
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("subjectKind", "rating", "text");
        assertThat(noProject.status()).isEqualTo(400);
        assertThat(noProject.json().get("errors").get(0).get("field").asString()).isEqualTo("projectName");
        assertThat(unknownTask.status()).isEqualTo(422);
        assertThat(unknownTask.json().get("type").asString()).endsWith("unknown-task");
        assertThat(unknownCommune.status()).isEqualTo(422);
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http.getJson("/api/v1/feedback?communeCode=" + commune).get("total").asLong()).isZero();
    }

    @Test
    void a_client_that_posts_too_much_is_told_to_wait() {
        // given: the default allowance is 20 feedbacks per client in a burst
        for (int i = 0; i < 20; i++) {
            assertThat(publicHttp.post("/api/v1/feedback", onProject(5, "Ý kiến số " + i)).status()).isEqualTo(201);
        }

        // when
        ReportHttp.Response refused = publicHttp.post("/api/v1/feedback", onProject(5, "Ý kiến số 21"));

        // then
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("too-many-requests");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(http.getJson("/api/v1/feedback?communeCode=" + commune).get("total").asLong()).isEqualTo(20);
        // officials answering are not limited by the public form's allowance
        String some = http.getJson("/api/v1/feedback?communeCode=" + commune).get("items").get(0).get("id").asString();
        assertThat(http.as(TestCaller.officerOf(commune)).post("/api/v1/feedback/" + some + "/answer",
                "{\"answeredBy\":\"UBND xã\",\"response\":\"Cảm ơn\"}").status()).isEqualTo(200);
    }
}
