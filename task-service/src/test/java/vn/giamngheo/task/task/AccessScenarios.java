package vn.giamngheo.task.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.plan.PlanCancelled;
import vn.giamngheo.contracts.plan.PlanIssued;
import vn.giamngheo.support.testing.AccessMatrix;
import vn.giamngheo.support.testing.AccessMatrix.Who;
import vn.giamngheo.support.testing.EmittedEvents;
import vn.giamngheo.support.testing.HttpApi;
import vn.giamngheo.support.testing.MongoFingerprint;
import vn.giamngheo.support.testing.TestCaller;
import vn.giamngheo.support.testing.TopicProbe;
import vn.giamngheo.task.TaskServiceScenarios;
import vn.giamngheo.task.plan.KnownPlans;
import vn.giamngheo.task.plan.KnownPlans.KnownPlan;

/**
 * Who may do what with tasks: the access matrix over every endpoint, the unit-scoped rules (lead unit, coordinating
 * unit, another unit), that tasks are not public, and who is recorded for each change in the events and the audit.
 */
abstract class AccessScenarios extends TaskServiceScenarios {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    static final TestCaller MACHINE = TestCaller.machine("sldtbxh-system", "SLDTBXH-14", "api.read",
            "poverty.import");

    @Autowired
    KnownPlans knownPlans;

    @Test
    void every_endpoint_allows_and_refuses_each_kind_of_caller_as_the_access_matrix_says() {
        // given: the fixtures the matrix's header names, made through the API as the administrator
        String planId = issuedPlanKnownHere();
        String taskId = assigned(created("""
                {"planId":"%s","title":"Quán triệt Nghị quyết 20-NQ/TU","kind":"DISSEMINATION",
                 "leadUnitCode":"BDT-14","coordinatingUnitCodes":["STTTT-14"],
                 "startDate":"2026-01-05","dueDate":"%s"}""".formatted(planId, TODAY.plusYears(1))).text("id"));
        String spareTaskId = assigned(created("""
                {"planId":"%s","title":"Tổng hợp danh sách hộ cần hỗ trợ","kind":"REPORTING",
                 "leadUnitCode":"BDT-14","startDate":"2026-01-05","dueDate":"%s"}"""
                .formatted(planId, TODAY.plusYears(1))).text("id"));
        AccessMatrix matrix = AccessMatrix.load("access/task-service.matrix");
        Map<Who, HttpApi> callers = Map.of(Who.ADMIN, api, Who.OFFICER_OWN, as(TestCaller.officerOf("BDT-14")),
                Who.OFFICER_OTHER, as(TestCaller.officerOf("SXD-14")), Who.VIEWER, as(TestCaller.VIEWER),
                Who.ANONYMOUS, anonymous, Who.MACHINE, as(MACHINE));

        // when / then
        matrix.assertCoversEveryEndpointOf(anonymous.get("/v3/api-docs").body());
        matrix.run(callers, Map.of("planId", planId, "taskId", taskId, "spareTaskId", spareTaskId),
                () -> MongoFingerprint.of(mongo));

        // then: the allowed writes took effect, by whom they were made
        HttpApi.Response task = api.get("/api/v1/tasks/" + taskId);
        assertThat(task.text("status")).isEqualTo("DONE");
        assertThat(task.text("dueDate")).isEqualTo("2035-12-31");
        assertThat(task.body().get("disseminationSessionCount").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/tasks/" + spareTaskId).text("status")).isEqualTo("CANCELLED");
        assertThat(actorsOf(api.get("/api/v1/tasks/" + taskId + "/audit"))).containsExactly(
                tuple("task.TaskCreated.v1", "admin", "USER"),
                tuple("task.TaskProgressReported.v1", "officer-bdt-14", "USER"),
                tuple("task.TaskProgressReported.v1", "admin", "USER"),
                tuple("task.DisseminationSessionRecorded.v1", "officer-bdt-14", "USER"),
                tuple("task.DisseminationSessionRecorded.v1", "admin", "USER"),
                tuple("task.TaskBlocked.v1", "officer-bdt-14", "USER"),
                tuple("task.TaskUnblocked.v1", "officer-bdt-14", "USER"),
                tuple("task.TaskDeadlineExtended.v1", "officer-bdt-14", "USER"),
                tuple("task.TaskCompleted.v1", "officer-bdt-14", "USER"));
        assertThat(api.get("/api/v1/tasks?planId=" + planId).body().get("total").asLong()).isEqualTo(3);
    }

    @Test
    void the_lead_unit_reports_a_coordinating_unit_adds_notes_only_and_other_units_nothing() {
        // given: Health leads, Agriculture coordinates, Construction takes no part
        String planId = issuedPlanKnownHere();
        String id = assigned(created("""
                {"planId":"%s","title":"Hỗ trợ dinh dưỡng cho trẻ em hộ nghèo","kind":"IMPLEMENTATION",
                 "leadUnitCode":"SYT-14","coordinatingUnitCodes":["SNNPTNT-14"],
                 "startDate":"2026-01-05","dueDate":"%s"}""".formatted(planId, TODAY.plusYears(1))).text("id"));
        String task = "/api/v1/tasks/" + id;
        HttpApi lead = as(TestCaller.officerOf("SYT-14"));
        HttpApi coordinating = as(TestCaller.officerOf("SNNPTNT-14"));
        HttpApi other = as(TestCaller.officerOf("SXD-14"));

        // when
        HttpApi.Response reported = lead.post(task + "/progress", """
                {"percentComplete":40,"note":"Đã cấp vi chất cho 1.200 trẻ",
                 "outputs":[{"indicator":"Số trẻ được hỗ trợ","value":1200,"unit":"trẻ"}]}""");
        HttpApi.Response note = coordinating.post(task + "/progress",
                "{\"percentComplete\":40,\"note\":\"Sở Nông nghiệp đã bố trí 3 mô hình vườn dinh dưỡng\"}");
        String afterNote = note.etag();
        HttpApi.Response raised = coordinating.post(task + "/progress", "{\"percentComplete\":50,\"note\":\"x\"}");
        HttpApi.Response withOutputs = coordinating.post(task + "/progress", """
                {"percentComplete":40,"note":"x","outputs":[{"indicator":"Số mô hình","value":3}]}""");
        HttpApi.Response withEvidence = coordinating.post(task + "/progress",
                "{\"percentComplete\":40,\"note\":\"x\",\"evidenceLinks\":[\"https://sonla.gov.vn/a.pdf\"]}");
        HttpApi.Response lowered = coordinating.post(task + "/progress",
                "{\"percentComplete\":30,\"note\":\"x\",\"correctionReason\":\"Tính trùng\"}");
        List<HttpApi.Response> leadOnly = List.of(
                coordinating.post(task + "/block", "{\"reason\":\"x\"}"),
                coordinating.post(task + "/extend", """
                        {"newDueDate":"%s","reason":"x","requestedBy":"y"}""".formatted(TODAY.plusYears(2))),
                coordinating.post(task + "/complete", "{\"completionNote\":\"x\"}"),
                // an IMPLEMENTATION task takes no sessions (409), but who may ask is decided first
                coordinating.post(task + "/dissemination-sessions", """
                        {"date":"%s","unitCode":"SNNPTNT-14","officialsAttending":1,"officialsTotal":2}"""
                        .formatted(TODAY)));
        HttpApi.Response otherNote = other.post(task + "/progress", "{\"percentComplete\":40,\"note\":\"x\"}");
        HttpApi.Response otherBlock = other.post(task + "/block", "{\"reason\":\"x\"}");
        HttpApi.Response viewer = as(TestCaller.VIEWER).post(task + "/progress",
                "{\"percentComplete\":40,\"note\":\"x\"}");
        HttpApi.Response machine = as(MACHINE).post(task + "/progress", "{\"percentComplete\":40,\"note\":\"x\"}");
        HttpApi.Response officerCancels = lead.post(task + "/cancel", "{\"reason\":\"x\"}");

        // then: the lead unit's report and the coordinating unit's note are stored
        assertThat(reported.status()).isEqualTo(200);
        assertThat(note.status()).isEqualTo(200);
        assertThat(note.body().get("percentComplete").asInt()).isEqualTo(40);
        assertThat(note.text("status")).isEqualTo("IN_PROGRESS");
        // then: anything more from the coordinating unit is refused, saying what a note is
        for (HttpApi.Response refused : List.of(raised, withOutputs, withEvidence, lowered)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("type")).endsWith("/forbidden");
            assertThat(refused.text("detail")).contains("Coordinating units may add notes only",
                    "percentComplete at 40", "SNNPTNT-14", "SYT-14");
        }
        assertThat(leadOnly).allSatisfy(refused -> {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.text("detail")).contains("officer of SYT-14", "you act for SNNPTNT-14");
        });
        // then: another unit may not even add a note; roles without write access stop at the door
        assertThat(otherNote.status()).isEqualTo(403);
        assertThat(otherNote.text("detail")).contains("report progress on task " + id, "officer of SYT-14",
                "you act for SXD-14");
        assertThat(otherBlock.status()).isEqualTo(403);
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(viewer.text("detail")).contains("Your role does not allow");
        assertThat(machine.status()).isEqualTo(403);
        assertThat(officerCancels.status()).isEqualTo(403);
        // then: nothing refused changed the task
        assertThat(api.get(task).etag()).isEqualTo(afterNote);
        JsonNode log = api.get(task + "/progress-reports").body().get("items");
        assertThat(log).extracting(r -> r.get("reportedBy").get("unit").asString(), r -> r.get("note").asString())
                .containsExactly(tuple("SYT-14", "Đã cấp vi chất cho 1.200 trẻ"),
                        tuple("SNNPTNT-14", "Sở Nông nghiệp đã bố trí 3 mô hình vườn dinh dưỡng"));
        // then: each event names its actor, as does the audit trail
        List<JsonNode> events = publishedEventsOf(id).stream()
                .map(r -> EmittedEvents.assertMatchesContract(r, Topics.TASK_EVENTS)).toList();
        assertThat(events).extracting(e -> e.get("actor").get("subject").asString(),
                e -> e.get("actor").path("unit").asString(null), e -> e.get("actor").get("kind").asString())
                .containsExactly(tuple("admin", null, "USER"), tuple("officer-syt-14", "SYT-14", "USER"),
                        tuple("officer-snnptnt-14", "SNNPTNT-14", "USER"));
        HttpApi.Response audit = as(TestCaller.VIEWER).get(task + "/audit");
        assertThat(audit.etag()).isEqualTo(afterNote);
        assertThat(audit.body().get("items")).extracting(e -> e.get("version").asLong(),
                e -> e.get("type").asString(), e -> e.get("actor").path("unit").asString(null))
                .containsExactly(tuple(1L, "task.TaskCreated.v1", null),
                        tuple(2L, "task.TaskProgressReported.v1", "SYT-14"),
                        tuple(3L, "task.TaskProgressReported.v1", "SNNPTNT-14"));
    }

    @Test
    void tasks_are_not_public_even_under_an_issued_plan_but_every_reader_sees_them() {
        // given
        String planId = issuedPlanKnownHere();
        String id = assigned(created(taskJson(planId, "INVESTMENT", "SXD-14", LocalDate.of(2026, 1, 5),
                TODAY.plusYears(1))).text("id"));

        // when
        List<HttpApi.Response> publicReads = List.of(anonymous.get("/api/v1/tasks?planId=" + planId),
                anonymous.get("/api/v1/tasks/" + id), anonymous.get("/api/v1/tasks/" + id + "/progress-reports"),
                anonymous.get("/api/v1/tasks/" + id + "/audit"));
        List<HttpApi.Response> readers = List.of(as(TestCaller.VIEWER).get("/api/v1/tasks/" + id),
                as(TestCaller.officerOf("SYT-14")).get("/api/v1/tasks/" + id),
                as(TestCaller.machine("readonly-system", null, "api.read")).get("/api/v1/tasks/" + id));
        HttpApi.Response importerOnly = as(TestCaller.machine("sldtbxh-system", "SLDTBXH-14", "poverty.import"))
                .get("/api/v1/tasks/" + id);

        // then
        assertThat(publicReads).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.text("type")).endsWith("/unauthenticated");
        });
        assertThat(readers).extracting(HttpApi.Response::status).containsOnly(200);
        assertThat(importerOnly.status()).isEqualTo(403);
    }

    @Test
    void changes_the_service_makes_by_itself_are_recorded_as_the_service() {
        // given: a task under a draft plan, and a past-due task under an issued plan
        String draft = UUID.randomUUID().toString();
        planService.publish(Topics.PLAN_EVENTS, planCreated(draft));
        String waiting = created(taskJson(draft, "IMPLEMENTATION", "SXD-14", LocalDate.of(2026, 1, 5),
                TODAY.plusYears(1))).text("id");
        String late = created(taskJson(issuedPlanKnownHere(), "REPORTING", "SXD-14", TODAY.minusDays(60),
                TODAY.minusDays(2))).text("id");

        // when: the plan is issued and then cancelled; the overdue check runs on its own (every second here)
        planService.publish(Topics.PLAN_EVENTS, new PlanIssued(draft, 2, TODAY, "ISSUED", Instant.now()));
        await().atMost(SETTLE).until(() -> api.get("/api/v1/tasks/" + waiting).text("status"), "ASSIGNED"::equals);
        planService.publish(Topics.PLAN_EVENTS, new PlanCancelled(draft, 3, "Thay thế bằng kế hoạch mới",
                "CANCELLED", Instant.now()));
        await().atMost(SETTLE).until(() -> api.get("/api/v1/tasks/" + waiting).text("status"), "CANCELLED"::equals);
        await().atMost(SETTLE).until(() -> api.get("/api/v1/tasks/" + late).body().get("overdueReported")
                .asBoolean());

        // then
        assertThat(actorsOf(api.get("/api/v1/tasks/" + waiting + "/audit"))).containsExactly(
                tuple("task.TaskCreated.v1", "admin", "USER"),
                tuple("task.TaskAssigned.v1", "task-service", "SYSTEM"),
                tuple("task.TaskCancelled.v1", "task-service", "SYSTEM"));
        assertThat(actorsOf(api.get("/api/v1/tasks/" + late + "/audit"))).containsExactly(
                tuple("task.TaskCreated.v1", "admin", "USER"),
                tuple("task.TaskOverdue.v1", "task-service", "SYSTEM"));
        Map<String, List<ConsumerRecord<String, byte[]>>> events = publishedEventsOf(List.of(waiting, late));
        Function<ConsumerRecord<String, byte[]>, JsonNode> actor = r -> EmittedEvents.assertMatchesContract(r,
                Topics.TASK_EVENTS).get("actor");
        assertThat(events.get(waiting)).extracting(r -> TopicProbe.header(r, "ce_type"),
                r -> actor.apply(r).get("kind").asString()).containsExactly(tuple("task.TaskCreated.v1", "USER"),
                tuple("task.TaskAssigned.v1", "SYSTEM"), tuple("task.TaskCancelled.v1", "SYSTEM"));
        assertThat(actor.apply(events.get(late).get(1)).get("subject").asString()).isEqualTo("task-service");
    }

    /**
     * An issued plan the service has learned of, issue included, so that a task created under it starts ASSIGNED and
     * its history begins with the creation alone.
     */
    private String issuedPlanKnownHere() {
        String planId = issuedPlan();
        await().atMost(SETTLE).until(() -> knownPlans.find(planId).filter(KnownPlan::isIssued).isPresent());
        return planId;
    }

    /** Waits until the task is ASSIGNED (its plan's issue has arrived) and returns its id. */
    private String assigned(String id) {
        await().atMost(SETTLE).until(() -> api.get("/api/v1/tasks/" + id).text("status"), "ASSIGNED"::equals);
        return id;
    }

    private static List<org.assertj.core.groups.Tuple> actorsOf(HttpApi.Response audit) {
        assertThat(audit.status()).isEqualTo(200);
        return audit.body().get("items").valueStream().map(e -> tuple(e.get("type").asString(),
                e.get("actor").get("subject").asString(), e.get("actor").get("kind").asString())).toList();
    }
}
