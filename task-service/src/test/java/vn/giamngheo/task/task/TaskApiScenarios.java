package vn.giamngheo.task.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.plan.PlanCancelled;
import vn.giamngheo.contracts.plan.PlanCreated;
import vn.giamngheo.contracts.plan.PlanIssued;
import vn.giamngheo.support.testing.EmittedEvents;
import vn.giamngheo.support.testing.HttpApi;
import vn.giamngheo.support.testing.TestProducer;
import vn.giamngheo.support.testing.TopicProbe;

/** The task API and its reaction to plan.events, end to end through Mongo and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class TaskApiScenarios {

    static final Duration SETTLE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    HttpApi api;
    TestProducer planService;

    @BeforeEach
    void connect() {
        api = new HttpApi("http://localhost:" + port);
        planService = new TestProducer(bootstrapServers, "/giamngheo/plan-service");
    }

    @AfterEach
    void disconnect() {
        planService.close();
    }

    static PlanCreated planCreated(String planId) {
        return new PlanCreated(planId, 1, "61/KH-UBND-" + planId.substring(0, 8), "Kế hoạch 61/KH-UBND",
                "PROGRAM_PLAN", "UBND-14", null, LocalDate.of(2022, 3, 3), LocalDate.of(2025, 12, 31), "DRAFT",
                Instant.now());
    }

    static String task(String planId, String lead) {
        return """
                {"planId":"%s","title":"Quán triệt Nghị quyết 20-NQ/TU đến toàn thể cán bộ","kind":"DISSEMINATION",
                 "leadUnitCode":"%s","coordinatingUnitCodes":["SLDTBXH-14"],
                 "startDate":"2022-03-10","dueDate":"2030-06-30"}""".formatted(planId, lead);
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
}
