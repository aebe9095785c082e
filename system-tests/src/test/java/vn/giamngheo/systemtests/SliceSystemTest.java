package vn.giamngheo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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
import vn.giamngheo.localstack.DemoIdentities;
import vn.giamngheo.localstack.LocalStack;
import vn.giamngheo.localstack.LocalStackPorts;
import vn.giamngheo.localstack.Service;
import vn.giamngheo.support.testing.EmittedEvents;
import vn.giamngheo.support.testing.HttpApi;
import vn.giamngheo.support.testing.TestProducer;
import vn.giamngheo.support.testing.TopicProbe;

/**
 * The thin slice through the real processes: a Kafka broker and a MongoDB-wire server in their own JVMs, the local
 * token issuer and the three services from their jars, started by the local-stack code, driven over HTTP and Kafka
 * only. Every request carries a real token from the issuer: the province administrator sets up plans and tasks, the
 * lead unit's officer reports progress where the demo has one (sldtbxh.canbo for SLDTBXH-14).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SliceSystemTest {

    static final Duration CONVERGE = Duration.ofSeconds(60);

    static final DemoIdentities.Login ADMIN = DemoIdentities.admin();
    static final DemoIdentities.Login LABOUR_OFFICER = DemoIdentities.officerOf("SLDTBXH-14").orElseThrow();

    Path dataDir;
    LocalStack stack;

    @BeforeAll
    void startStack() throws Exception {
        dataDir = Files.createTempDirectory("giamngheo-system-test");
        stack = LocalStack.builder().dataDir(dataDir).ports(LocalStackPorts.free()).demoData(false).build();
        stack.start();
    }

    /** The services as the province administrator (a token of the stack that runs now, renewed when it expires). */
    HttpApi plans() {
        return as(ADMIN, Service.PLAN);
    }

    HttpApi tasks() {
        return as(ADMIN, Service.TASK);
    }

    HttpApi reports() {
        return as(ADMIN, Service.REPORT);
    }

    /**
     * A service's API called with the user's real token, logged in at the stack's issuer through its login form; the
     * token is cached by {@code stack.tokens()} until shortly before it expires.
     */
    HttpApi as(DemoIdentities.Login user, Service service) {
        return new HttpApi(stack.url(service)).withToken(stack.tokens().user(user.username(), user.password()));
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
        StoredState.deleteDataDir(dataDir);
    }

    String createIssuedPlan(String code) {
        HttpApi.Response plan = plans().post("/api/v1/plans", """
                {"code":"%s","title":"Kế hoạch giảm nghèo bền vững năm 2026","kind":"ANNUAL_PLAN",
                 "issuingUnitCode":"UBND-14","periodStart":"2026-01-01","periodEnd":"2026-12-31"}"""
                .formatted(code));
        assertThat(plan.status()).as("create plan %s: %s", code, plan.body()).isEqualTo(201);
        String id = plan.text("id");
        assertThat(plans().post("/api/v1/plans/" + id + "/issue", "{\"issuedOn\":\"2026-01-15\"}").status())
                .isEqualTo(200);
        return id;
    }

    HttpApi.Response createTask(String planId, String lead) {
        return tasks().post("/api/v1/tasks", """
                {"planId":"%s","title":"Hỗ trợ phát triển sản xuất cho hộ nghèo","kind":"IMPLEMENTATION",
                 "leadUnitCode":"%s","coordinatingUnitCodes":["SXD-14"],
                 "startDate":"2026-02-01","dueDate":"2030-11-30"}""".formatted(planId, lead));
    }

    JsonNode progress(String planId) {
        HttpApi.Response response = reports().get("/api/v1/reports/plans/" + planId + "/progress");
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
        await().atMost(CONVERGE).until(() -> "ASSIGNED".equals(tasks().get("/api/v1/tasks/" + second).text("status"))
                && "ASSIGNED".equals(tasks().get("/api/v1/tasks/" + first).text("status")));
        // the demo has no officer of SNNPTNT-14, so the administrator reports for it; the Labour department's
        // officer reports on the task the department leads
        HttpApi labourOfficer = as(LABOUR_OFFICER, Service.TASK);
        assertThat(tasks().post("/api/v1/tasks/" + first + "/progress", "{\"percentComplete\":100,\"note\":\"Đạt\"}")
                .status()).isEqualTo(200);
        assertThat(tasks().post("/api/v1/tasks/" + first + "/complete", "{\"completionNote\":\"Hoàn thành\"}")
                .status()).isEqualTo(200);
        HttpApi.Response reported = labourOfficer.post("/api/v1/tasks/" + second + "/progress",
                "{\"percentComplete\":50,\"note\":\"Một nửa\"}");
        assertThat(reported.status()).as("%s", reported.body()).isEqualTo(200);

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
        try (TopicProbe planEvents = new TopicProbe(stack.kafkaClientProperties(), Topics.PLAN_EVENTS);
             TopicProbe taskEvents = new TopicProbe(stack.kafkaClientProperties(), Topics.TASK_EVENTS)) {
            await().atMost(CONVERGE).until(() -> taskEvents.recordsOf(first).size() == expectedEvents);
            assertThat(taskEvents.recordsOf(first)).extracting(r -> TopicProbe.header(r, "ce_type"))
                    .startsWith("task.TaskCreated.v1").endsWith("task.TaskProgressReported.v1", "task.TaskCompleted.v1");
            await().atMost(CONVERGE).until(() -> taskEvents.recordsOf(second).size() >= 2);
            List<JsonNode> planPayloads = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : planEvents.recordsOf(planId)) {
                planPayloads.add(EmittedEvents.assertMatchesContract(record, Topics.PLAN_EVENTS));
            }
            List<JsonNode> firstPayloads = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : taskEvents.recordsOf(first)) {
                firstPayloads.add(EmittedEvents.assertMatchesContract(record, Topics.TASK_EVENTS));
            }
            // and each event names the real user who caused it: the subject the issuer put into the token, the unit
            ConsumerRecord<String, byte[]> officerReport = taskEvents.recordsOf(second).stream()
                    .filter(r -> "task.TaskProgressReported.v1".equals(TopicProbe.header(r, "ce_type")))
                    .findFirst().orElseThrow();
            assertActor(EmittedEvents.assertMatchesContract(officerReport, Topics.TASK_EVENTS),
                    LABOUR_OFFICER.username(), "SLDTBXH-14");
            assertThat(planPayloads).hasSize(2).allSatisfy(event -> assertActor(event, ADMIN.username(), null));
            assertThat(firstPayloads).filteredOn(event -> !"SYSTEM".equals(event.get("actor").get("kind").asString()))
                    .as("the task's changes made by people (its assignment under the issued plan is the service's)")
                    .hasSize(3).allSatisfy(event -> assertActor(event, ADMIN.username(), null));
        }
        // and the task's audit trail names them as well
        JsonNode audit = as(DemoIdentities.user("thanhtra").orElseThrow(), Service.TASK)
                .get("/api/v1/tasks/" + second + "/audit").body().get("items");
        assertThat(audit).extracting(e -> e.get("type").asString(), e -> e.get("actor").get("subject").asString(),
                e -> e.get("actor").path("unit").asString(null)).contains(
                tuple("task.TaskCreated.v1", ADMIN.username(), null),
                tuple("task.TaskProgressReported.v1", LABOUR_OFFICER.username(), "SLDTBXH-14"));
    }

    /** The event's actor is a person signed in at the issuer: subject = user name, the unit from the token. */
    static void assertActor(JsonNode event, String subject, String unit) {
        JsonNode actor = event.get("actor");
        assertThat(actor).as("actor of %s", event).isNotNull();
        assertThat(actor.get("subject").asString()).as("subject of %s", actor).isEqualTo(subject);
        assertThat(actor.path("unit").isNull() || actor.path("unit").isMissingNode() ? null
                : actor.get("unit").asString()).as("unit of %s", actor).isEqualTo(unit);
        assertThat(actor.get("kind").asString()).as("kind of %s", actor).isEqualTo("USER");
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

        try (TestProducer department = new TestProducer(stack.kafkaClientProperties(), "/giamngheo/task-service");
             TopicProbe taskEvents = new TopicProbe(stack.kafkaClientProperties(), Topics.TASK_EVENTS);
             TopicProbe dlt = new TopicProbe(stack.kafkaClientProperties(),
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
            assertThat(tasks().post("/api/v1/tasks/" + taskId + "/progress",
                    "{\"percentComplete\":30,\"note\":\"Tiến triển\"}").status()).isEqualTo(200);

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
            HttpApi.Response plan = plans().post("/api/v1/plans", """
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
        try (TopicProbe planEvents = new TopicProbe(stack.kafkaClientProperties(), Topics.PLAN_EVENTS)) {
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
        assertThat(plans().get("/api/v1/plans/" + planId).text("status")).isEqualTo("ISSUED");
        assertThat(progress(planId).get("status").asString()).isEqualTo("ISSUED");
        await().atMost(CONVERGE).until(() -> createTask(planId, "SDTTG-14").status() == 201);
    }
}
