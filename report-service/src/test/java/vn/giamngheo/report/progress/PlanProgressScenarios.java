package vn.giamngheo.report.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.plan.PlanCreated;
import vn.giamngheo.contracts.plan.PlanIssued;
import vn.giamngheo.contracts.task.TaskAssigned;
import vn.giamngheo.contracts.task.TaskCancelled;
import vn.giamngheo.contracts.task.TaskCompleted;
import vn.giamngheo.contracts.task.TaskCreated;
import vn.giamngheo.contracts.task.TaskDeadlineExtended;
import vn.giamngheo.contracts.task.TaskProgressReported;
import vn.giamngheo.report.fixtures.ReportScenarioSupport;
import vn.giamngheo.support.testing.HttpApi;
import vn.giamngheo.support.testing.TestCaller;
import vn.giamngheo.support.testing.TestProducer;
import vn.giamngheo.support.testing.TopicProbe;

/** Plan progress projected from plan.events and task.events, end to end through Kafka and Mongo. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = ReportScenarioSupport.SCENARIO_PROPERTIES)
abstract class PlanProgressScenarios {

    static final Duration SETTLE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    HttpApi api;
    TestProducer producer;

    @BeforeEach
    void connect() {
        api = new HttpApi("http://localhost:" + port).as(TestCaller.ADMIN);
        producer = new TestProducer(bootstrapServers, "/giamngheo/test");
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    /** Events of one plan with four tasks: one done, one at 40%, one cancelled, one overdue at 0%. */
    static List<DomainEvent> history(String planId, List<String> tasks) {
        Instant now = Instant.now();
        List<DomainEvent> events = new ArrayList<>();
        events.add(new PlanCreated(planId, 1, "61/KH-UBND", "Kế hoạch thực hiện Nghị quyết 20-NQ/TU",
                "PROGRAM_PLAN", "UBND-14", null, LocalDate.of(2022, 3, 3), LocalDate.of(2025, 12, 31), "DRAFT", now));
        events.add(new PlanIssued(planId, 2, LocalDate.of(2022, 3, 3), "ISSUED", now));
        LocalDate future = LocalDate.now().plusYears(1);
        LocalDate past = LocalDate.now().minusDays(10);
        for (int i = 0; i < tasks.size(); i++) {
            events.add(new TaskCreated(tasks.get(i), 1, planId, "Nhiệm vụ " + i, "IMPLEMENTATION", "BDT-14",
                    List.of(), LocalDate.of(2022, 4, 1), i == 3 ? past : future, "ASSIGNED", 0, now));
        }
        events.add(new TaskProgressReported(tasks.get(0), 2, planId, "xong", "IN_PROGRESS", 100, now));
        events.add(new TaskCompleted(tasks.get(0), 3, planId, "Hoàn thành", "DONE", 100, now));
        events.add(new TaskProgressReported(tasks.get(1), 2, planId, "đang làm", "IN_PROGRESS", 40, now));
        events.add(new TaskCancelled(tasks.get(2), 2, planId, "không còn cần", "CANCELLED", 0, now));
        return events;
    }

    void publish(List<DomainEvent> events) {
        for (DomainEvent event : events) {
            producer.publish(event.getClass().getSimpleName().startsWith("Plan") ? Topics.PLAN_EVENTS
                    : Topics.TASK_EVENTS, event);
        }
    }

    static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }

    @Test
    void progress_is_projected_from_both_streams_and_redelivery_changes_nothing() {
        // given
        String planId = UUID.randomUUID().toString();
        List<String> tasks = ids(4);
        List<DomainEvent> history = history(planId, tasks);

        // when
        publish(history);
        await().atMost(SETTLE).until(() -> progress(planId).get("taskCount").asLong() == 4
                && progress(planId).get("tasksByStatus").get("DONE").asLong() == 1
                && progress(planId).get("tasksByStatus").get("CANCELLED").asLong() == 1
                && progress(planId).get("averagePercentComplete").asDouble() > 0);
        JsonNode first = progress(planId);
        publish(history);
        producer.publish(Topics.TASK_EVENTS, new TaskAssigned(tasks.get(3), 2, planId, "ASSIGNED", 0,
                Instant.now()));

        // then: (100 + 40 + 0) / 3 counted tasks = 46.7; one open task is past due
        await().atMost(SETTLE).until(() -> lastVersion(tasks.get(3)) == 2);
        JsonNode again = progress(planId);
        assertThat(first.get("status").asString()).isEqualTo("ISSUED");
        assertThat(first.get("code").asString()).isEqualTo("61/KH-UBND");
        assertThat(first.get("averagePercentComplete").asDouble()).isEqualTo(46.7);
        assertThat(first.get("overdueTasks").asLong()).isEqualTo(1);
        assertThat(first.get("tasksByStatus").get("IN_PROGRESS").asLong()).isEqualTo(1);
        assertThat(first.get("tasksByStatus").get("ASSIGNED").asLong()).isEqualTo(1);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void a_missing_event_is_never_skipped_silently_it_is_parked_on_the_dead_letter_topic() {
        // given
        String planId = UUID.randomUUID().toString();
        List<String> tasks = ids(4);
        publish(history(planId, tasks).subList(0, 6));
        await().atMost(SETTLE).until(() -> progress(planId).get("taskCount").asLong() == 4);

        // when: version 3 of task 1 arrives although version 2 never did
        producer.publish(Topics.TASK_EVENTS, new TaskCompleted(tasks.get(1), 3, planId, "?", "DONE", 100,
                Instant.now()));
        producer.publish(Topics.TASK_EVENTS, new TaskProgressReported(tasks.get(2), 2, planId, "tiếp tục",
                "IN_PROGRESS", 30, Instant.now()));

        // then
        try (TopicProbe dlt = new TopicProbe(bootstrapServers, Topics.deadLetter(Topics.TASK_EVENTS,
                "report-service"))) {
            await().atMost(SETTLE).until(() -> !dlt.recordsOf(tasks.get(1)).isEmpty());
            assertThat(TopicProbe.header(dlt.recordsOf(tasks.get(1)).get(0), "x-exception-message"))
                    .contains("Gap in events");
        }
        await().atMost(SETTLE).until(() -> lastVersion(tasks.get(2)) == 2);
        assertThat(progress(planId).get("tasksByStatus").get("DONE").asLong()).isZero();
        assertThat(lastVersion(tasks.get(1))).isEqualTo(1);
    }

    @Test
    void an_extended_deadline_takes_a_task_out_of_the_overdue_count() {
        // given: task 3 is past due
        String planId = UUID.randomUUID().toString();
        List<String> tasks = ids(4);
        publish(history(planId, tasks));
        await().atMost(SETTLE).until(() -> progress(planId).get("overdueTasks").asLong() == 1);

        // when
        producer.publish(Topics.TASK_EVENTS, new TaskDeadlineExtended(tasks.get(3), 2, planId,
                LocalDate.now().minusDays(10), LocalDate.now().plusMonths(3), "Mưa lũ tháng 7", "UBND xã Vân Hồ", 1,
                "ASSIGNED", 0, Instant.now()));

        // then
        await().atMost(SETTLE).until(() -> progress(planId).get("overdueTasks").asLong() == 0);
        assertThat(lastVersion(tasks.get(3))).isEqualTo(2);
    }

    @Test
    void an_unknown_plan_is_a_404_problem() {
        HttpApi.Response response = api.get("/api/v1/reports/plans/" + UUID.randomUUID() + "/progress");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    JsonNode progress(String planId) {
        HttpApi.Response response = api.get("/api/v1/reports/plans/" + planId + "/progress");
        return response.status() == 200 ? response.body() : EMPTY;
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    long lastVersion(String taskId) {
        return new vn.giamngheo.support.consume.VersionedCopies(mongo)
                .lastVersion(vn.giamngheo.report.task.TaskViews.COLLECTION, taskId);
    }

    static final JsonNode EMPTY = vn.giamngheo.contracts.EventJson.mapper().readTree(
            "{\"taskCount\":-1,\"tasksByStatus\":{\"DONE\":-1,\"CANCELLED\":-1},\"averagePercentComplete\":0}");
}
