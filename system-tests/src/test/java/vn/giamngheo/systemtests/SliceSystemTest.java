package vn.giamngheo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.task.TaskCreated;
import vn.giamngheo.localstack.LocalStack;
import vn.giamngheo.localstack.LocalStackPorts;
import vn.giamngheo.localstack.Service;
import vn.giamngheo.support.testing.EmittedEvents;
import vn.giamngheo.support.testing.HttpApi;
import vn.giamngheo.support.testing.TestProducer;
import vn.giamngheo.support.testing.TopicProbe;

/**
 * The thin slice through the real processes: a Kafka broker and a MongoDB-wire server in their own JVMs and the three
 * services from their jars, started by the local-stack code, driven over HTTP and Kafka only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SliceSystemTest {

    static final Duration CONVERGE = Duration.ofSeconds(60);

    Path dataDir;
    LocalStack stack;
    HttpApi plans;
    HttpApi tasks;
    HttpApi reports;

    @BeforeAll
    void startStack() throws Exception {
        dataDir = Files.createTempDirectory("giamngheo-system-test");
        stack = LocalStack.builder().dataDir(dataDir).ports(LocalStackPorts.free()).demoData(false).build();
        stack.start();
        plans = new HttpApi(stack.url(Service.PLAN));
        tasks = new HttpApi(stack.url(Service.TASK));
        reports = new HttpApi(stack.url(Service.REPORT));
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    String createIssuedPlan(String code) {
        HttpApi.Response plan = plans.post("/api/v1/plans", """
                {"code":"%s","title":"Kế hoạch giảm nghèo bền vững năm 2026","kind":"ANNUAL_PLAN",
                 "issuingUnitCode":"UBND-14","periodStart":"2026-01-01","periodEnd":"2026-12-31"}"""
                .formatted(code));
        assertThat(plan.status()).as("create plan %s: %s", code, plan.body()).isEqualTo(201);
        String id = plan.text("id");
        assertThat(plans.post("/api/v1/plans/" + id + "/issue", "{\"issuedOn\":\"2026-01-15\"}").status())
                .isEqualTo(200);
        return id;
    }

    HttpApi.Response createTask(String planId, String lead) {
        return tasks.post("/api/v1/tasks", """
                {"planId":"%s","title":"Hỗ trợ phát triển sản xuất cho hộ nghèo","kind":"IMPLEMENTATION",
                 "leadUnitCode":"%s","coordinatingUnitCodes":["SXD-14"],
                 "startDate":"2026-02-01","dueDate":"2030-11-30"}""".formatted(planId, lead));
    }

    JsonNode progress(String planId) {
        HttpApi.Response response = reports.get("/api/v1/reports/plans/" + planId + "/progress");
        return response.status() == 200 ? response.body() : null;
    }

    @Test
    @Order(1)
    void a_plan_and_its_tasks_flow_through_all_three_services_to_the_report() {
        // given
        String planId = createIssuedPlan("01/KH-SYSTEM");

        // when: the task-service may learn of the plan's creation before its issue, so a task can start PLANNED
        HttpApi.Response created = await().atMost(CONVERGE).until(() -> createTask(planId, "SNNPTNT-14"),
                r -> r.status() == 201);
        String first = created.text("id");
        int expectedEvents = "PLANNED".equals(created.text("status")) ? 4 : 3;
        String second = createTask(planId, "SLDTBXH-14").text("id");
        await().atMost(CONVERGE).until(() -> "ASSIGNED".equals(tasks.get("/api/v1/tasks/" + second).text("status"))
                && "ASSIGNED".equals(tasks.get("/api/v1/tasks/" + first).text("status")));
        tasks.post("/api/v1/tasks/" + first + "/progress", "{\"percentComplete\":100,\"note\":\"Đạt\"}");
        tasks.post("/api/v1/tasks/" + first + "/complete", "{\"completionNote\":\"Hoàn thành\"}");
        tasks.post("/api/v1/tasks/" + second + "/progress", "{\"percentComplete\":50,\"note\":\"Một nửa\"}");

        // then
        await().atMost(CONVERGE).untilAsserted(() -> {
            JsonNode progress = progress(planId);
            assertThat(progress).isNotNull();
            assertThat(progress.get("status").asString()).isEqualTo("ISSUED");
            assertThat(progress.get("taskCount").asLong()).isEqualTo(2);
            assertThat(progress.get("tasksByStatus").get("DONE").asLong()).isEqualTo(1);
            assertThat(progress.get("tasksByStatus").get("IN_PROGRESS").asLong()).isEqualTo(1);
            assertThat(progress.get("averagePercentComplete").asDouble()).isEqualTo(75.0);
        });
        try (TopicProbe planEvents = new TopicProbe(stack.kafkaBootstrap(), Topics.PLAN_EVENTS);
             TopicProbe taskEvents = new TopicProbe(stack.kafkaBootstrap(), Topics.TASK_EVENTS)) {
            await().atMost(CONVERGE).until(() -> taskEvents.recordsOf(first).size() == expectedEvents);
            assertThat(taskEvents.recordsOf(first)).extracting(r -> TopicProbe.header(r, "ce_type"))
                    .startsWith("task.TaskCreated.v1").endsWith("task.TaskProgressReported.v1", "task.TaskCompleted.v1");
            for (ConsumerRecord<String, byte[]> record : planEvents.recordsOf(planId)) {
                EmittedEvents.assertMatchesContract(record, Topics.PLAN_EVENTS);
            }
            for (ConsumerRecord<String, byte[]> record : taskEvents.recordsOf(first)) {
                EmittedEvents.assertMatchesContract(record, Topics.TASK_EVENTS);
            }
        }
    }

    @Test
    @Order(2)
    void a_duplicate_event_changes_nothing_and_a_malformed_record_is_parked_while_later_ones_flow() {
        // given
        String planId = createIssuedPlan("02/KH-SYSTEM");
        String taskId = await().atMost(CONVERGE).until(() -> createTask(planId, "SYT-14"),
                r -> r.status() == 201).text("id");
        await().atMost(CONVERGE).until(() -> progress(planId) != null && progress(planId).get("taskCount")
                .asLong() == 1);
        JsonNode before = progress(planId);
        String poisonKey = UUID.randomUUID().toString();

        try (TestProducer department = new TestProducer(stack.kafkaBootstrap(), "/giamngheo/task-service");
             TopicProbe taskEvents = new TopicProbe(stack.kafkaBootstrap(), Topics.TASK_EVENTS);
             TopicProbe dlt = new TopicProbe(stack.kafkaBootstrap(),
                     Topics.deadLetter(Topics.TASK_EVENTS, "report-service"))) {
            // when: the task's creation is delivered again, then a broken record, then a real change
            await().atMost(CONVERGE).until(() -> !taskEvents.recordsOf(taskId).isEmpty());
            TaskCreated original = vn.giamngheo.contracts.EventJson.read(
                    vn.giamngheo.contracts.EventJson.parse(taskEvents.recordsOf(taskId).get(0).value()),
                    TaskCreated.class);
            department.publish(Topics.TASK_EVENTS, original);
            department.publishRaw(Topics.TASK_EVENTS, new TaskCreated(poisonKey, 1, planId, "x", "REPORTING",
                    "SYT-14", List.of(), original.startDate(), original.dueDate(), "ASSIGNED", 0, Instant.now()),
                    "{\"taskId\":\"" + poisonKey + "\",\"version\":\"one\"}");
            tasks.post("/api/v1/tasks/" + taskId + "/progress", "{\"percentComplete\":30,\"note\":\"Tiến triển\"}");

            // then
            await().atMost(CONVERGE).until(() -> !dlt.recordsOf(poisonKey).isEmpty());
            assertThat(TopicProbe.header(dlt.recordsOf(poisonKey).get(0), "x-exception-message"))
                    .contains("violates its schema");
            await().atMost(CONVERGE).until(() -> progress(planId).get("averagePercentComplete").asDouble() == 30.0);
            JsonNode after = progress(planId);
            assertThat(after.get("taskCount")).isEqualTo(before.get("taskCount"));
            assertThat(after.get("tasksByStatus").get("IN_PROGRESS").asLong()).isEqualTo(1);
        }
    }

    @Test
    @Order(3)
    void plans_created_while_kafka_is_down_all_arrive_once_when_it_returns() {
        // given
        stack.stopKafka();
        List<String> created = new ArrayList<>();

        // when: the API keeps accepting writes; the events wait in the outboxes
        for (int i = 0; i < 10; i++) {
            HttpApi.Response plan = plans.post("/api/v1/plans", """
                    {"code":"%02d/KH-OUTAGE","title":"Kế hoạch tạo khi Kafka ngừng","kind":"UNIT_PLAN",
                     "issuingUnitCode":"SDTTG-14","periodStart":"2026-01-01","periodEnd":"2026-12-31"}"""
                    .formatted(i));
            assertThat(plan.status()).isEqualTo(201);
            created.add(plan.text("id"));
        }
        stack.startKafka();

        // then
        await().atMost(CONVERGE).until(() -> created.stream().allMatch(id -> progress(id) != null));
        await().atMost(CONVERGE).until(() -> created.stream().allMatch(id -> createTask(id, "SDTTG-14").status()
                == 201));
        try (TopicProbe planEvents = new TopicProbe(stack.kafkaBootstrap(), Topics.PLAN_EVENTS)) {
            await().atMost(CONVERGE).until(() -> created.stream().allMatch(id -> !planEvents.recordsOf(id)
                    .isEmpty()));
            for (String id : created) {
                List<ConsumerRecord<String, byte[]>> records = planEvents.recordsOf(id);
                Set<String> eventIds = new HashSet<>();
                records.forEach(r -> eventIds.add(TopicProbe.header(r, "ce_id")));
                assertThat(records).as("events of plan %s", id).hasSize(1);
                assertThat(eventIds).hasSize(1);
            }
        }
    }

    @Test
    @Order(4)
    void the_data_survives_a_restart_of_the_whole_stack() {
        // given
        String planId = createIssuedPlan("04/KH-RESTART");
        await().atMost(CONVERGE).until(() -> progress(planId) != null);
        LocalStackPorts ports = stack.ports();

        // when
        stack.close();
        stack = LocalStack.builder().dataDir(dataDir).ports(ports).demoData(false).build();
        stack.start();

        // then
        assertThat(plans.get("/api/v1/plans/" + planId).text("status")).isEqualTo("ISSUED");
        assertThat(progress(planId).get("status").asString()).isEqualTo("ISSUED");
        await().atMost(CONVERGE).until(() -> createTask(planId, "SDTTG-14").status() == 201);
    }
}
