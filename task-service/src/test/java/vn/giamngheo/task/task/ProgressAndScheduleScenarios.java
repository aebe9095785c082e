package vn.giamngheo.task.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.support.testing.EmittedEvents;
import vn.giamngheo.support.testing.HttpApi;
import vn.giamngheo.support.testing.TestCaller;
import vn.giamngheo.support.testing.TopicProbe;
import vn.giamngheo.task.TaskServiceScenarios;

/**
 * A lead unit's work on a task through the API alone, by an officer of that unit: progress log, block and resume,
 * extension, completion. The administrator creates the tasks.
 */
abstract class ProgressAndScheduleScenarios extends TaskServiceScenarios {

    /** Dates relative to today, so the service's own overdue check never touches these tasks whenever this runs. */
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    static final LocalDate START = TODAY.minusMonths(2);
    static final LocalDate DUE = TODAY.plusYears(1);

    @Test
    void a_unit_reports_progress_with_evidence_and_outputs_and_reads_the_log() {
        // given
        String id = assignedTask(issuedPlan(), "INVESTMENT", "SXD-14", START, DUE);
        HttpApi construction = as(TestCaller.officerOf("SXD-14"));

        // when
        HttpApi.Response first = construction.post("/api/v1/tasks/" + id + "/progress", """
                {"percentComplete":40,"note":"Đợt 1: đã hỗ trợ xây mới 120 nhà",
                 "evidenceLinks":["https://sonla.gov.vn/văn-bản/qd-123.pdf"],
                 "outputs":[{"indicator":"Số hộ được hỗ trợ nhà ở","value":120,"unit":"hộ"},
                            {"indicator":"Kinh phí đã giải ngân","value":4800000000,"unit":"đồng"}]}""");
        HttpApi.Response backwards = construction.post("/api/v1/tasks/" + id + "/progress",
                "{\"percentComplete\":35,\"note\":\"Rà soát lại\"}");
        HttpApi.Response corrected = construction.post("/api/v1/tasks/" + id + "/progress", """
                {"percentComplete":35,"note":"Rà soát lại số liệu đợt 1",
                 "correctionReason":"Đợt 1 đã tính trùng 15 nhà của huyện Vân Hồ"}""");
        HttpApi.Response log = construction.get("/api/v1/tasks/" + id + "/progress-reports");

        // then
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("IN_PROGRESS");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().get("errors").get(0).get("field").asString()).isEqualTo("percentComplete");
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.body().get("percentComplete").asInt()).isEqualTo(35);
        assertThat(corrected.body().get("progressReportCount").asInt()).isEqualTo(2);
        JsonNode items = log.body().get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("number").asInt()).isEqualTo(1);
        assertThat(items.get(0).get("evidenceLinks").get(0).asString())
                .isEqualTo("https://sonla.gov.vn/v%C4%83n-b%E1%BA%A3n/qd-123.pdf");
        assertThat(items.get(0).get("outputs").get(1).get("value").asLong()).isEqualTo(4_800_000_000L);
        assertThat(items.get(1).get("previousPercentComplete").asInt()).isEqualTo(40);
        assertThat(items.get(1).get("correctionReason").asString()).contains("tính trùng");
        assertThat(items.get(0).get("reportedBy").get("subject").asString()).isEqualTo("officer-sxd-14");
        assertThat(items.get(0).get("reportedBy").get("unit").asString()).isEqualTo("SXD-14");
        assertThat(log.etag()).isEqualTo(corrected.etag());
        List<JsonNode> reported = publishedEventsOf(id).stream()
                .filter(r -> "task.TaskProgressReported.v1".equals(TopicProbe.header(r, "ce_type")))
                .map(r -> EmittedEvents.assertMatchesContract(r, Topics.TASK_EVENTS)).toList();
        assertThat(reported).hasSize(2);
        assertThat(reported.get(0).get("outputs").get(0).get("indicator").asString())
                .isEqualTo("Số hộ được hỗ trợ nhà ở");
        assertThat(reported.get(1).get("correctionReason").asString()).contains("tính trùng");
        assertThat(reported).allSatisfy(event -> {
            assertThat(event.get("actor").get("subject").asString()).isEqualTo("officer-sxd-14");
            assertThat(event.get("actor").get("unit").asString()).isEqualTo("SXD-14");
            assertThat(event.get("actor").get("kind").asString()).isEqualTo("USER");
        });
        // and once the relay has moved the events out of the task's document, the log reads the same from the
        // change log
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(id, Document.class, "tasks")
                .getList("outbox", Document.class).isEmpty());
        assertThat(mongo.findById(id, Document.class, "tasks").get("state", Document.class)
                .getList("progressReports", Document.class)).isEmpty();
        assertThat(construction.get("/api/v1/tasks/" + id + "/progress-reports").body().get("items"))
                .isEqualTo(items);
    }

    @Test
    void through_the_api_alone_a_unit_blocks_resumes_extends_and_completes_a_task() {
        // given
        String id = assignedTask(issuedPlan(), "IMPLEMENTATION", "SLDTBXH-14", START, DUE);
        String task = "/api/v1/tasks/" + id;
        HttpApi labour = as(TestCaller.officerOf("SLDTBXH-14"));
        LocalDate extendedTo = DUE.plusMonths(6);

        // when
        labour.post(task + "/progress", "{\"percentComplete\":50,\"note\":\"Đã mở 12 lớp đào tạo nghề\"}");
        HttpApi.Response blocked = labour.post(task + "/block", "{\"reason\":\"Chưa được phân bổ vốn năm 2026\"}");
        HttpApi.Response progressWhileBlocked = labour.post(task + "/progress",
                "{\"percentComplete\":60,\"note\":\"x\"}");
        HttpApi.Response resumed = labour.post(task + "/unblock", null);
        HttpApi.Response extended = labour.post(task + "/extend", """
                {"newDueDate":"%s","reason":"Vốn được phân bổ chậm 6 tháng",
                 "requestedBy":"Sở Lao động – Thương binh và Xã hội"}""".formatted(extendedTo), resumed.etag());
        HttpApi.Response tooEarly = labour.post(task + "/complete", "{\"completionNote\":\"x\"}");
        labour.post(task + "/progress", "{\"percentComplete\":100,\"note\":\"Đã đào tạo 1.200 lao động\"}");
        HttpApi.Response done = labour.post(task + "/complete",
                "{\"completionNote\":\"Hoàn thành; 85% học viên có việc làm sau đào tạo\"}");
        HttpApi.Response extensions = labour.get(task + "/extensions");

        // then
        assertThat(blocked.text("status")).isEqualTo("BLOCKED");
        assertThat(blocked.text("note")).isEqualTo("Chưa được phân bổ vốn năm 2026");
        assertThat(progressWhileBlocked.status()).isEqualTo(409);
        assertThat(resumed.text("status")).isEqualTo("IN_PROGRESS");
        assertThat(extended.status()).isEqualTo(200);
        assertThat(extended.text("dueDate")).isEqualTo(extendedTo.toString());
        assertThat(extended.text("originalDueDate")).isEqualTo(DUE.toString());
        assertThat(extended.body().get("extensionCount").asInt()).isEqualTo(1);
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(done.text("status")).isEqualTo("DONE");
        JsonNode extension = extensions.body().get("items").get(0);
        assertThat(extension.get("previousDueDate").asString()).isEqualTo(DUE.toString());
        assertThat(extension.get("newDueDate").asString()).isEqualTo(extendedTo.toString());
        assertThat(extension.get("requestedBy").asString()).isEqualTo("Sở Lao động – Thương binh và Xã hội");
        assertThat(extension.get("extendedBy").get("subject").asString()).isEqualTo("officer-sldtbxh-14");
        assertThat(labour.post(task + "/extend", """
                {"newDueDate":"%s","reason":"x","requestedBy":"y"}""".formatted(extendedTo.plusMonths(1)))
                .status()).isEqualTo(409);
        List<ConsumerRecord<String, byte[]>> events = publishedEventsOf(id);
        events.forEach(r -> EmittedEvents.assertMatchesContract(r, Topics.TASK_EVENTS));
        assertThat(events).extracting(r -> TopicProbe.header(r, "ce_type")).endsWith(
                "task.TaskProgressReported.v1", "task.TaskBlocked.v1", "task.TaskUnblocked.v1",
                "task.TaskDeadlineExtended.v1", "task.TaskProgressReported.v1", "task.TaskCompleted.v1");
        JsonNode extendedEvent = EmittedEvents.assertMatchesContract(events.get(events.size() - 3),
                Topics.TASK_EVENTS);
        assertThat(extendedEvent.get("dueDate").asString()).isEqualTo(extendedTo.toString());
        assertThat(extendedEvent.get("previousDueDate").asString()).isEqualTo(DUE.toString());
        assertThat(extendedEvent.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(extendedEvent.get("percentComplete").asInt()).isEqualTo(50);
    }

    @Test
    void bad_progress_and_extensions_and_illegal_actions_are_refused_and_change_nothing() {
        // given
        String id = assignedTask(issuedPlan(), "INVESTMENT", "SXD-14", START, DUE);
        String task = "/api/v1/tasks/" + id;
        HttpApi lead = as(TestCaller.officerOf("SXD-14"));
        HttpApi.Response before = lead.post(task + "/progress", "{\"percentComplete\":30,\"note\":\"Đợt 1\"}");

        // when
        List<HttpApi.Response> refused = List.of(
                lead.post(task + "/progress", """
                        {"percentComplete":40,"note":"x","evidenceLinks":["ftp://files.sonla.gov.vn/a.pdf"]}"""),
                lead.post(task + "/progress", """
                        {"percentComplete":40,"note":"x","outputs":[{"indicator":"Số hộ","value":-5}]}"""),
                lead.post(task + "/progress", "{\"percentComplete\":40}"),
                lead.post(task + "/extend", """
                        {"newDueDate":"%s","reason":"x","requestedBy":"y"}""".formatted(DUE.minusDays(1))),
                lead.post(task + "/extend", "{\"newDueDate\":\"%s\",\"reason\":\"x\"}".formatted(DUE.plusDays(9))),
                lead.post(task + "/extend", "{\"newDueDate\":\"31/12/2027\",\"reason\":\"x\",\"requestedBy\":\"y\"}"),
                lead.post(task + "/extend", """
                        {"newDueDate":"%s","reason":"x","requestedBy":"y"}""".formatted(DUE.plusDays(9)), "\"1\""),
                lead.post(task + "/unblock", null),
                lead.post(task + "/complete", "{\"completionNote\":\"x\"}"),
                api.post(task + "/cancel", "{}"));
        HttpApi.Response missing = lead.post("/api/v1/tasks/no-such-task/extend",
                "{\"newDueDate\":\"%s\",\"reason\":\"x\",\"requestedBy\":\"y\"}".formatted(DUE.plusDays(9)));

        // then
        assertThat(refused).extracting(HttpApi.Response::status)
                .containsExactly(400, 400, 400, 400, 400, 400, 409, 409, 409, 400);
        assertThat(refused).allSatisfy(r -> assertThat(r.contentType()).startsWith("application/problem+json"));
        assertThat(field(refused.get(0))).isEqualTo("evidenceLinks[0]");
        assertThat(field(refused.get(1))).isEqualTo("outputs[0].value");
        assertThat(field(refused.get(2))).isEqualTo("note");
        assertThat(field(refused.get(3))).isEqualTo("newDueDate");
        assertThat(field(refused.get(4))).isEqualTo("requestedBy");
        assertThat(refused.get(5).text("type")).endsWith("/malformed-request");
        assertThat(refused.get(6).text("type")).endsWith("/stale-version");
        assertThat(refused.get(7).text("type")).endsWith("/illegal-transition");
        assertThat(missing.status()).isEqualTo(404);
        HttpApi.Response after = lead.get(task);
        assertThat(after.etag()).isEqualTo(before.etag());
        assertThat(after.text("dueDate")).isEqualTo(DUE.toString());
        assertThat(after.body().get("percentComplete").asInt()).isEqualTo(30);
        assertThat(after.body().get("extensionCount").asInt()).isZero();
        assertThat(lead.get(task + "/progress-reports").body().get("items")).hasSize(1);
        assertThat(lead.get(task + "/extensions").body().get("items")).isEmpty();
    }

    private static String field(HttpApi.Response problem) {
        return problem.body().get("errors").get(0).get("field").asString();
    }
}
