package vn.giamngheo.task.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.plan.PlanCancelled;
import vn.giamngheo.contracts.plan.PlanIssued;
import vn.giamngheo.contracts.unit.UnitRetired;
import vn.giamngheo.support.testing.EmittedEvents;
import vn.giamngheo.support.testing.HttpApi;
import vn.giamngheo.support.testing.TopicProbe;
import vn.giamngheo.task.TaskServiceScenarios;

/** The task API and its reaction to plan.events (plans and units), end to end through Mongo and Kafka. */
abstract class TaskApiScenarios extends TaskServiceScenarios {

    /** Due years ahead of whenever this runs, so the service's own overdue check never adds events to it. */
    static String task(String planId, String lead) {
        return """
                {"planId":"%s","title":"Quán triệt Nghị quyết 20-NQ/TU đến toàn thể cán bộ","kind":"DISSEMINATION",
                 "leadUnitCode":"%s","coordinatingUnitCodes":["SLDTBXH-14"],
                 "startDate":"2022-03-10","dueDate":"%s"}""".formatted(planId, lead, LocalDate.now().plusYears(4));
    }

    @Test
    void a_task_is_accepted_only_for_a_known_plan_and_follows_the_plan_lifecycle() {
        // given
        String planId = UUID.randomUUID().toString();
        HttpApi.Response beforePlanKnown = api.post("/api/v1/tasks", task(planId, "BDT-14"));
        planService.publish(Topics.PLAN_EVENTS, planCreated(planId));
        HttpApi.Response created = await().atMost(SETTLE).until(
                () -> api.post("/api/v1/tasks", task(planId, "BDT-14")), r -> r.status() == 201);
        String taskId = created.text("id");

        // when
        planService.publish(Topics.PLAN_EVENTS, new PlanIssued(planId, 2, LocalDate.of(2022, 3, 3), "ISSUED",
                Instant.now()));

        // then
        assertThat(beforePlanKnown.status()).isEqualTo(422);
        assertThat(beforePlanKnown.text("type")).endsWith("/unknown-plan");
        assertThat(created.text("status")).isEqualTo("PLANNED");
        await().atMost(SETTLE).until(() -> api.get("/api/v1/tasks/" + taskId).text("status"), "ASSIGNED"::equals);
        assertThat(api.post("/api/v1/tasks/" + taskId + "/progress",
                "{\"percentComplete\":60,\"note\":\"Đã tổ chức 3 hội nghị\"}").text("status")).isEqualTo("IN_PROGRESS");
        assertThat(api.post("/api/v1/tasks/" + taskId + "/progress",
                "{\"percentComplete\":100,\"note\":\"Hoàn thành quán triệt\"}").status()).isEqualTo(200);
        HttpApi.Response done = api.post("/api/v1/tasks/" + taskId + "/complete",
                "{\"completionNote\":\"100% cán bộ được quán triệt\"}");
        assertThat(done.text("status")).isEqualTo("DONE");
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.TASK_EVENTS)) {
            await().atMost(SETTLE).until(() -> probe.recordsOf(taskId).size() == 5);
            List<ConsumerRecord<String, byte[]>> records = probe.recordsOf(taskId);
            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_type")).containsExactly(
                    "task.TaskCreated.v1", "task.TaskAssigned.v1", "task.TaskProgressReported.v1",
                    "task.TaskProgressReported.v1", "task.TaskCompleted.v1");
            for (int i = 0; i < records.size(); i++) {
                assertThat(EmittedEvents.assertMatchesContract(records.get(i), Topics.TASK_EVENTS)
                        .get("version").asLong()).isEqualTo(i + 1);
            }
        }
    }

    @Test
    void cancelling_the_plan_cancels_its_open_tasks_once_even_when_the_event_comes_twice() {
        // given
        String planId = UUID.randomUUID().toString();
        planService.publish(Topics.PLAN_EVENTS, planCreated(planId));
        String open = await().atMost(SETTLE).until(() -> api.post("/api/v1/tasks", task(planId, "SYT-14")),
                r -> r.status() == 201).text("id");
        String other = api.post("/api/v1/tasks", task(planId, "SXD-14")).text("id");
        PlanCancelled cancelled = new PlanCancelled(planId, 2, "Thay thế bằng kế hoạch mới", "CANCELLED",
                Instant.now());

        // when
        planService.publish(Topics.PLAN_EVENTS, cancelled);
        planService.publish(Topics.PLAN_EVENTS, cancelled);

        // then
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(api.get("/api/v1/tasks/" + open).text("status")).isEqualTo("CANCELLED");
            assertThat(api.get("/api/v1/tasks/" + other).text("status")).isEqualTo("CANCELLED");
        });
        assertThat(api.get("/api/v1/tasks/" + open).etag()).isEqualTo("\"2\"");
        assertThat(api.post("/api/v1/tasks", task(planId, "SYT-14")).status()).isEqualTo(409);
    }

    @Test
    void cancelling_an_issued_plan_cancels_its_open_tasks_and_leaves_done_ones_done() {
        // given
        String planId = issuedPlan();
        LocalDate start = LocalDate.of(2026, 1, 5);
        LocalDate due = LocalDate.now().plusYears(1);
        String done = assignedTask(planId, "REPORTING", "SYT-14", start, due);
        String started = assignedTask(planId, "IMPLEMENTATION", "SXD-14", start, due);
        String blocked = assignedTask(planId, "INVESTMENT", "SNNPTNT-14", start, due);
        api.post("/api/v1/tasks/" + done + "/progress", "{\"percentComplete\":100,\"note\":\"Đã gửi báo cáo\"}");
        api.post("/api/v1/tasks/" + done + "/complete", "{\"completionNote\":\"Đã gửi báo cáo năm\"}");
        api.post("/api/v1/tasks/" + started + "/progress", "{\"percentComplete\":30,\"note\":\"Đợt 1\"}");
        api.post("/api/v1/tasks/" + blocked + "/block", "{\"reason\":\"Chờ vốn\"}");

        // when
        planService.publish(Topics.PLAN_EVENTS, new PlanCancelled(planId, 3, "Thay thế bằng kế hoạch năm 2026",
                "CANCELLED", Instant.now()));

        // then
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(api.get("/api/v1/tasks/" + started).text("status")).isEqualTo("CANCELLED");
            assertThat(api.get("/api/v1/tasks/" + blocked).text("status")).isEqualTo("CANCELLED");
        });
        assertThat(api.get("/api/v1/tasks/" + done).text("status")).isEqualTo("DONE");
        HttpApi.Response cancelled = api.get("/api/v1/tasks/" + started);
        assertThat(cancelled.text("note")).contains("đã bị hủy");
        assertThat(cancelled.body().get("percentComplete").asInt()).isEqualTo(30);
        List<ConsumerRecord<String, byte[]>> events = publishedEventsOf(started);
        JsonNode event = EmittedEvents.assertMatchesContract(events.get(events.size() - 1), Topics.TASK_EVENTS);
        assertThat(event.get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void the_openapi_document_lists_the_task_actions() {
        // when
        HttpApi.Response openapi = api.get("/v3/api-docs");

        // then
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body().get("paths").propertyNames()).contains("/api/v1/tasks", "/api/v1/tasks/{id}",
                "/api/v1/tasks/{id}/progress", "/api/v1/tasks/{id}/progress-reports", "/api/v1/tasks/{id}/complete",
                "/api/v1/tasks/{id}/block", "/api/v1/tasks/{id}/unblock", "/api/v1/tasks/{id}/extend",
                "/api/v1/tasks/{id}/extensions", "/api/v1/tasks/{id}/cancel",
                "/api/v1/tasks/{id}/dissemination-sessions", "/api/v1/tasks/{id}/audit");
    }

    @Test
    void a_malformed_plan_event_goes_to_the_dead_letter_topic_and_later_events_still_flow() {
        // given
        String poisoned = UUID.randomUUID().toString();
        String healthy = UUID.randomUUID().toString();

        // when
        planService.publishRaw(Topics.PLAN_EVENTS, planCreated(poisoned), "{not json");
        planService.publish(Topics.PLAN_EVENTS, planCreated(healthy));

        // then
        try (TopicProbe dlt = new TopicProbe(bootstrapServers, Topics.deadLetter(Topics.PLAN_EVENTS, "task-service"))) {
            await().atMost(SETTLE).until(() -> !dlt.recordsOf(poisoned).isEmpty());
            ConsumerRecord<String, byte[]> parked = dlt.recordsOf(poisoned).get(0);
            assertThat(new String(parked.value())).isEqualTo("{not json");
            assertThat(TopicProbe.header(parked, "x-exception-message")).contains("not valid JSON");
        }
        await().atMost(SETTLE).until(() -> api.post("/api/v1/tasks", task(healthy, "BDT-14")).status() == 201);
        assertThat(api.post("/api/v1/tasks", task(poisoned, "BDT-14")).status()).isEqualTo(422);
    }

    @Test
    void illegal_transitions_stale_versions_and_bad_input_are_refused_and_change_nothing() {
        // given
        String planId = UUID.randomUUID().toString();
        planService.publish(Topics.PLAN_EVENTS, planCreated(planId));
        HttpApi.Response created = await().atMost(SETTLE).until(
                () -> api.post("/api/v1/tasks", task(planId, "STTTT-14")), r -> r.status() == 201);
        String id = created.text("id");

        // when
        HttpApi.Response progressWhilePlanned = api.post("/api/v1/tasks/" + id + "/progress",
                "{\"percentComplete\":10,\"note\":\"x\"}");
        HttpApi.Response stale = api.post("/api/v1/tasks/" + id + "/cancel", "{\"reason\":\"x\"}", "\"7\"");
        HttpApi.Response badPercent = api.post("/api/v1/tasks/" + id + "/progress",
                "{\"percentComplete\":140,\"note\":\"x\"}");
        HttpApi.Response backwardsDates = api.post("/api/v1/tasks", """
                {"planId":"%s","title":"x","kind":"REPORTING","leadUnitCode":"BDT-14",
                 "startDate":"2025-01-01","dueDate":"2024-01-01"}""".formatted(planId));

        // then
        assertThat(progressWhilePlanned.status()).isEqualTo(409);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(badPercent.status()).isEqualTo(400);
        assertThat(badPercent.body().get("errors").get(0).get("field").asString()).isEqualTo("percentComplete");
        assertThat(backwardsDates.status()).isEqualTo(400);
        HttpApi.Response current = api.get("/api/v1/tasks/" + id);
        assertThat(current.text("status")).isEqualTo("PLANNED");
        assertThat(current.etag()).isEqualTo("\"1\"");
    }

    @Test
    void units_come_from_plan_events_unknown_ones_are_unprocessable_and_retired_ones_are_refused_by_field() {
        // given
        String planId = issuedPlan();
        String commune = uniqueUnit("COMMUNE", "Xã Mường Giôn", SINCE_2004, null);
        String with2025Dates = """
                {"planId":"%s","title":"Hỗ trợ sinh kế cho hộ nghèo","kind":"IMPLEMENTATION","leadUnitCode":"SNNPTNT-14",
                 "coordinatingUnitCodes":["BDT-14","%s"],"startDate":"2025-01-01","dueDate":"2025-12-31"}""";
        String before = """
                {"planId":"%s","title":"Hỗ trợ sinh kế năm 2024","kind":"IMPLEMENTATION","leadUnitCode":"SNNPTNT-14",
                 "coordinatingUnitCodes":["%s"],"startDate":"2024-01-01","dueDate":"2024-12-31"}""";
        created(with2025Dates.formatted(planId, commune));

        // when
        planService.publish(Topics.PLAN_EVENTS, new UnitRetired(commune, 2, "COMMUNE", "Xã Mường Giôn",
                "Xã Mường Giôn", "T-14", SINCE_2004, LocalDate.of(2025, 6, 30), List.of("X-14001"),
                Instant.now()));
        HttpApi.Response unknown = api.post("/api/v1/tasks", with2025Dates.formatted(planId, "X-14404"));
        HttpApi.Response retired = await().atMost(SETTLE).until(
                () -> api.post("/api/v1/tasks", with2025Dates.formatted(planId, commune)), r -> r.status() == 400);

        // then
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.text("type")).endsWith("/unknown-unit");
        assertThat(unknown.text("detail")).contains("X-14404");
        JsonNode error = retired.body().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("coordinatingUnitCodes[1]");
        assertThat(error.get("message").asString()).contains("Xã Mường Giôn", "2025-06-30");
        assertThat(api.get("/api/v1/tasks?planId=" + planId).body().get("total").asLong()).isEqualTo(1);
        assertThat(api.post("/api/v1/tasks", before.formatted(planId, commune)).status()).isEqualTo(201);
    }

    static final LocalDate HOUSING_DUE = LocalDate.now().plusYears(4).withMonth(6).withDayOfMonth(30);

    @Test
    void the_list_filters_by_plan_objective_unit_and_role_status_kind_overdue_and_due_dates() {
        // given
        String planId = issuedPlan();
        String housing = created("""
                {"planId":"%s","objectiveId":"obj-housing","title":"Hỗ trợ nhà ở","kind":"INVESTMENT",
                 "priority":"HIGH","expectedOutput":"300 hộ có nhà ở kiên cố","leadUnitCode":"SXD-14",
                 "coordinatingUnitCodes":["BDT-14"],"startDate":"2026-01-05","dueDate":"%s"}"""
                .formatted(planId, HOUSING_DUE)).text("id");
        String dissemination = created("""
                {"planId":"%s","objectiveId":"obj-awareness","title":"Quán triệt","kind":"DISSEMINATION",
                 "leadUnitCode":"BDT-14","coordinatingUnitCodes":["SXD-14"],
                 "startDate":"2026-01-05","dueDate":"%s"}""".formatted(planId, HOUSING_DUE.plusYears(1)))
                .text("id");
        String report = created("""
                {"planId":"%s","title":"Báo cáo năm 2025","kind":"REPORTING","leadUnitCode":"SYT-14",
                 "startDate":"2025-01-05","dueDate":"2025-12-31"}""".formatted(planId)).text("id");
        String plan = "/api/v1/tasks?planId=" + planId;
        await().atMost(SETTLE).until(() -> ids(plan + "&status=ASSIGNED").size() == 3);
        api.post("/api/v1/tasks/" + dissemination + "/cancel", "{\"reason\":\"Gộp vào nhiệm vụ khác\"}");

        // then
        assertThat(ids(plan)).containsExactly(report, housing, dissemination);
        assertThat(ids(plan + "&objectiveId=obj-housing")).containsExactly(housing);
        assertThat(ids(plan + "&unitCode=SXD-14")).containsExactly(housing, dissemination);
        assertThat(ids(plan + "&unitCode=SXD-14&role=LEAD")).containsExactly(housing);
        assertThat(ids(plan + "&unitCode=SXD-14&role=COORDINATING")).containsExactly(dissemination);
        assertThat(ids(plan + "&status=CANCELLED")).containsExactly(dissemination);
        assertThat(ids(plan + "&status=ASSIGNED&status=CANCELLED")).hasSize(3);
        // an empty status (found by the fault suite's hostile queries: it was a 500) filters nothing
        assertThat(ids(plan + "&status=")).hasSize(3);
        assertThat(ids(plan + "&status=+&status=CANCELLED")).containsExactly(dissemination);
        assertThat(ids(plan + "&kind=REPORTING")).containsExactly(report);
        assertThat(ids(plan + "&overdue=true")).containsExactly(report);
        assertThat(ids(plan + "&overdue=false")).containsExactly(housing, dissemination);
        assertThat(ids(plan + "&dueBefore=" + HOUSING_DUE)).containsExactly(report);
        assertThat(ids(plan + "&dueAfter=2025-12-31&dueBefore=" + HOUSING_DUE.plusDays(1))).containsExactly(housing);
        assertThat(ids("/api/v1/tasks?unitCode=SYT-14&role=LEAD&overdue=true")).contains(report)
                .doesNotContain(housing, dissemination);
        JsonNode first = api.get(plan + "&objectiveId=obj-housing").body().get("items").get(0);
        assertThat(first.get("priority").asString()).isEqualTo("HIGH");
        assertThat(first.get("expectedOutput").asString()).isEqualTo("300 hộ có nhà ở kiên cố");
        assertThat(api.get(plan + "&size=1&page=1").body().get("items").get(0).get("id").asString())
                .isEqualTo(housing);
        HttpApi.Response roleAlone = api.get("/api/v1/tasks?role=LEAD");
        HttpApi.Response badStatus = api.get("/api/v1/tasks?status=FINISHED");
        HttpApi.Response badDate = api.get("/api/v1/tasks?dueBefore=31/12/2025");
        assertThat(roleAlone.status()).isEqualTo(400);
        assertThat(roleAlone.body().get("errors").get(0).get("field").asString()).isEqualTo("role");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badDate.status()).isEqualTo(400);
    }

    @Test
    void a_task_stored_by_the_first_slice_reads_and_changes_as_before() {
        // given: the document shape the first slice wrote, before priorities, logs and the overdue mark existed
        String id = UUID.randomUUID().toString();
        LocalDate due = LocalDate.now().plusYears(4);
        FirstSliceTask old = new FirstSliceTask(id, "plan-61", "Hỗ trợ nhà ở cho hộ nghèo", "INVESTMENT", "SXD-14",
                List.of("BDT-14"), LocalDate.of(2022, 6, 1), due, "IN_PROGRESS", 65, "Hoàn thành đợt 1");
        Document state = new Document();
        mongo.getConverter().write(old, state);
        state.remove("_class");
        mongo.insert(new Document("_id", id).append("version", 3L).append("state", state).append("outbox", List.of()),
                "tasks");

        // when
        HttpApi.Response read = api.get("/api/v1/tasks/" + id);
        HttpApi.Response progressed = api.post("/api/v1/tasks/" + id + "/progress",
                "{\"percentComplete\":70,\"note\":\"Đợt 2 đã khởi công\"}");

        // then
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("priority")).isEqualTo("NORMAL");
        assertThat(read.body().get("overdueReported").asBoolean()).isFalse();
        assertThat(read.text("originalDueDate")).isEqualTo(due.toString());
        assertThat(progressed.status()).isEqualTo(200);
        assertThat(progressed.etag()).isEqualTo("\"4\"");
        assertThat(api.get("/api/v1/tasks/" + id + "/progress-reports").body().get("items").get(0)
                .get("previousPercentComplete").asInt()).isEqualTo(65);
        // the audit trail starts with the first change stored after audits were introduced
        JsonNode audit = api.get("/api/v1/tasks/" + id + "/audit").body().get("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("version").asLong()).isEqualTo(4);
        assertThat(audit.get(0).get("actor").get("subject").asString()).isEqualTo("admin");
    }

    /** The task state as the first slice stored it. */
    record FirstSliceTask(String id, String planId, String title, String kind, String leadUnitCode,
                          List<String> coordinatingUnitCodes, LocalDate startDate, LocalDate dueDate, String status,
                          int percentComplete, String note) {
    }

    private List<String> ids(String path) {
        HttpApi.Response response = api.get(path);
        assertThat(response.status()).as("GET %s", path).isEqualTo(200);
        return response.body().get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }
}
