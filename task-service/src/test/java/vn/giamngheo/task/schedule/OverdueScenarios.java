package vn.giamngheo.task.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.support.outbox.AggregateStores;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.testing.EmittedEvents;
import vn.giamngheo.support.testing.HttpApi;
import vn.giamngheo.support.testing.TestCaller;
import vn.giamngheo.support.testing.TopicProbe;
import vn.giamngheo.task.TaskServiceScenarios;
import vn.giamngheo.task.task.TaskStore;
import vn.giamngheo.task.task.domain.Task;

/**
 * Overdue detection: the scheduled check of the running service, and detectors with a fixed "today" over the same
 * database, as further instances of the service would run them.
 */
abstract class OverdueScenarios extends TaskServiceScenarios {

    static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    AggregateStores aggregateStores;

    static LocalDate today() {
        return LocalDate.now(PROVINCE);
    }

    static Clock fixedOn(LocalDate day) {
        return Clock.fixed(day.atTime(8, 0).atZone(PROVINCE).toInstant(), PROVINCE);
    }

    /** A detector of its own, sharing nothing with the service but the database: another instance. */
    OverdueDetector anotherInstance(LocalDate today) {
        return new OverdueDetector(new TaskStore(aggregateStores, mongo), fixedOn(today));
    }

    @Test
    void the_scheduled_check_reports_a_past_due_task_once_and_an_extended_due_date_once_more() {
        // given: a task whose due date passed ten days ago
        String planId = issuedPlan();
        LocalDate firstDue = today().minusDays(10);
        String id = created(taskJson(planId, "INSPECTION", "SXD-14", today().minusDays(90), firstDue)).text("id");

        // when: the service's own check (every second here) finds it
        await().atMost(SETTLE).until(() -> api.get("/api/v1/tasks/" + id).body().get("overdueReported").asBoolean());
        HttpApi.Response extended = as(TestCaller.officerOf("SXD-14")).post("/api/v1/tasks/" + id + "/extend", """
                {"newDueDate":"%s","reason":"Chờ kết quả rà soát hộ nghèo cuối năm",
                 "requestedBy":"Sở Xây dựng (Công văn số 512/SXD-QLN)"}""".formatted(today().plusDays(30)));
        OverdueDetector later = anotherInstance(today().plusDays(31));
        later.detect();
        later.detect();

        // then
        assertThat(extended.status()).isEqualTo(200);
        assertThat(extended.body().get("overdue").asBoolean()).isFalse();
        assertThat(extended.body().get("overdueReported").asBoolean()).isFalse();
        assertThat(extended.text("originalDueDate")).isEqualTo(firstDue.toString());
        assertThat(api.get("/api/v1/tasks/" + id).body().get("overdueReported").asBoolean()).isTrue();
        List<JsonNode> overdue = overdueEvents(List.of(id)).get(id);
        assertThat(overdue).extracting(e -> e.get("dueDate").asString())
                .containsExactly(firstDue.toString(), today().plusDays(30).toString());
        assertThat(overdue.get(0).get("leadUnitCode").asString()).isEqualTo("SXD-14");
        assertThat(overdue.get(1).get("detectedOn").asString()).isEqualTo(today().plusDays(31).toString());
        // the check is the service's own doing, whichever instance ran it
        assertThat(overdue).allSatisfy(event -> {
            assertThat(event.get("actor").get("subject").asString()).isEqualTo("task-service");
            assertThat(event.get("actor").get("kind").asString()).isEqualTo("SYSTEM");
        });
        assertThat(api.get("/api/v1/tasks?planId=" + planId + "&overdue=true").body().get("total").asLong())
                .isZero();
    }

    @Test
    void two_detectors_running_at_once_report_each_task_once_and_never_a_closed_one() throws Exception {
        // given: twelve open tasks and a done and a cancelled one, all due on the same day
        String planId = issuedPlan();
        LocalDate due = today().plusYears(2);
        List<String> open = IntStream.range(0, 12).mapToObj(i -> assignedTask(planId, "IMPLEMENTATION", "SXD-14",
                today().minusDays(30), due)).toList();
        String done = assignedTask(planId, "REPORTING", "SYT-14", today().minusDays(30), due);
        api.post("/api/v1/tasks/" + done + "/progress", "{\"percentComplete\":100,\"note\":\"Đã gửi báo cáo\"}");
        assertThat(api.post("/api/v1/tasks/" + done + "/complete", "{\"completionNote\":\"Đã gửi báo cáo\"}")
                .status()).isEqualTo(200);
        String cancelled = assignedTask(planId, "REPORTING", "SYT-14", today().minusDays(30), due);
        assertThat(api.post("/api/v1/tasks/" + cancelled + "/cancel", "{\"reason\":\"Trùng nhiệm vụ\"}").status())
                .isEqualTo(200);
        OverdueDetector first = anotherInstance(due.plusDays(1));
        OverdueDetector second = anotherInstance(due.plusDays(1));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);

        // when: both run three times, starting at the same moment
        List<Future<List<OverdueDetector.Run>>> runs = new ArrayList<>();
        try {
            for (OverdueDetector detector : List.of(first, second)) {
                runs.add(instances.submit(() -> {
                    start.await();
                    return List.of(detector.detect(), detector.detect(), detector.detect());
                }));
            }
            start.countDown();
            for (Future<List<OverdueDetector.Run>> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            instances.shutdownNow();
        }

        // then: exactly one TaskOverdue per open task, none for the closed ones
        List<String> all = new ArrayList<>(open);
        all.addAll(List.of(done, cancelled));
        Map<String, List<JsonNode>> overdue = overdueEvents(all);
        for (String id : open) {
            assertThat(overdue.get(id)).as("TaskOverdue events of %s", id).hasSize(1);
            assertThat(api.get("/api/v1/tasks/" + id).body().get("overdueReported").asBoolean()).isTrue();
        }
        int reported = 0;
        for (Future<List<OverdueDetector.Run>> run : runs) {
            reported += run.get().stream().mapToInt(OverdueDetector.Run::reported).sum();
        }
        assertThat(reported).as("tasks the two instances reported together").isGreaterThanOrEqualTo(open.size());
        assertThat(overdue.get(done)).isEmpty();
        assertThat(overdue.get(cancelled)).isEmpty();
    }

    @Test
    void a_detector_whose_read_was_overtaken_writes_nothing() {
        // given: a second instance read three due tasks, then the first instance reported them
        String planId = issuedPlan();
        LocalDate due = today().plusYears(3);
        List<String> mine = IntStream.range(0, 3).mapToObj(i -> assignedTask(planId, "INVESTMENT", "SXD-14",
                today().minusDays(30), due)).toList();
        LocalDate dayAfter = due.plusDays(1);
        List<Versioned<Task>> staleRead = store.overdueUnreported(dayAfter, 10_000).stream()
                .filter(t -> mine.contains(t.id())).toList();
        anotherInstance(dayAfter).detect();

        // when
        OverdueDetector.Run late = anotherInstance(dayAfter).report(staleRead, dayAfter);

        // then
        assertThat(staleRead).hasSize(3);
        assertThat(late.reported()).isZero();
        assertThat(late.lostRaces()).isEqualTo(3);
        assertThat(overdueEvents(mine).values()).allSatisfy(events -> assertThat(events).hasSize(1));
    }

    /** Each task's TaskOverdue events once everything it wrote is on the topic; every event checked against the contract. */
    private Map<String, List<JsonNode>> overdueEvents(List<String> taskIds) {
        Map<String, List<JsonNode>> overdue = new LinkedHashMap<>();
        publishedEventsOf(taskIds).forEach((id, records) -> {
            List<JsonNode> events = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                JsonNode payload = EmittedEvents.assertMatchesContract(record, Topics.TASK_EVENTS);
                if ("task.TaskOverdue.v1".equals(TopicProbe.header(record, "ce_type"))) {
                    events.add(payload);
                }
            }
            overdue.put(id, events);
        });
        return overdue;
    }
}
