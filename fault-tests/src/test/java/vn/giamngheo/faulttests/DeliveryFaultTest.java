package vn.giamngheo.faulttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.census.HouseholdReviewRecorded;
import vn.giamngheo.contracts.task.TaskCreated;
import vn.giamngheo.contracts.task.TaskProgressReported;
import vn.giamngheo.localstack.DeadLetters;
import vn.giamngheo.localstack.KafkaCredentials;
import vn.giamngheo.localstack.Service;
import vn.giamngheo.support.testing.TestProducer;

/**
 * What the broker delivers: every event twice and out of order across aggregates, poison on every consumed topic
 * (with the dead-letter tool to inspect and re-drive), and 100 clients racing on the same tasks with If-Match.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(RestoreAndReport.class)
class DeliveryFaultTest extends SeededFaultScenarios {

    /** Keys of records this class put on the topics itself. */
    final Set<String> injected = new HashSet<>();

    DeliveryFaultTest() {
        super("delivery", 3, 10);
    }

    @Test
    @Order(1)
    void every_event_delivered_twice_and_reordered_across_aggregates_leaves_projections_as_a_clean_run() {
        // given: the report-service is away while tasks move; the plan-service drafts, issues and cancels plans
        stack.stack.stopService(Service.REPORT);
        Ledger ledger = new Workloads.Progress(stack, tasks, 300, 4, "S4").start().awaitDone();
        for (String task : tasks.subList(0, 5)) {
            Api lead = stack.reporterOf(task);
            assertThat(lead.post("/api/v1/tasks/" + task + "/block", "{\"reason\":\"Chờ vốn\"}").status())
                    .isEqualTo(200);
            assertThat(lead.post("/api/v1/tasks/" + task + "/unblock", null).status()).isEqualTo(200);
        }
        String extra = Workloads.plan(stack, "DUP", true);
        List<String> extraTasks = Workloads.tasks(stack, extra, 3);
        assertThat(stack.plans.post("/api/v1/plans/" + extra + "/cancel", "{\"reason\":\"Gộp kế hoạch\"}").status())
                .isEqualTo(200);
        await().atMost(Workloads.CONVERGE).until(() -> extraTasks.stream().allMatch(t ->
                "CANCELLED".equals(stack.tasks.get("/api/v1/tasks/" + t).text("status"))));
        await().atMost(Workloads.CONVERGE).untilAsserted(() -> Invariants.ownerTopicMatches(stack, Service.TASK,
                List.of("tasks"), Invariants.replay(stack, "task.events"), injected));
        Invariants.Replay taskEventsBefore = Invariants.replay(stack, "task.events");
        Map<String, Map<String, Document>> taskCopiesBefore = copies(Service.TASK, "known_plans", "known_units");

        // when: every record on both topics is published once more, the aggregates interleaved at random and half
        // of them newest first
        long seed = new Random().nextLong();
        int republished = republishEverything(List.of("plan.events", "task.events"), seed);
        stack.stack.startService(Service.REPORT);

        // then: the same projections a clean run gives, no new event, and the task-service's copies unchanged
        Settled settled = Settled.check(stack, injected);
        assertThat(settled.taskEvents().distinctEvents()).isEqualTo(taskEventsBefore.distinctEvents());
        assertThat(settled.taskEvents().duplicates() + settled.planEvents().duplicates())
                .isGreaterThanOrEqualTo(republished);
        assertThat(copies(Service.TASK, "known_plans", "known_units")).isEqualTo(taskCopiesBefore);
        for (String plan : List.of(plans.get(0), plans.get(1), plans.get(2), extra)) {
            assertProgressIsReplayed(stack.reports.get("/api/v1/reports/plans/" + plan + "/progress").json(),
                    settled, plan);
        }
        settled.print("S4 duplicates + reordering", "300 progress reports (30 tasks, 4 clients), 5 block/unblock, "
                        + "1 plan issued then cancelled (3 tasks); report-service stopped meanwhile",
                "all " + republished + " records of plan.events and task.events published again, aggregates "
                        + "interleaved at random, half newest first (seed " + seed + ")",
                ledger, 0, "");
    }

    @Test
    @Order(2)
    void poison_on_every_consumed_topic_is_parked_with_its_reason_and_later_records_still_flow() {
        // given
        Map<String, String> reasons = new LinkedHashMap<>();
        // the Labour department's system writes its intake topic with its own Kafka user; the poison needs the
        // admin, since only the services may write their own topics
        try (TestProducer department = new TestProducer(stack.stack.kafkaClientProperties(
                KafkaCredentials.DEPARTMENT), "/department/sldtbxh")) {
            // when: four kinds of poison on each topic the services consume
            for (String topic : List.of("plan.events", "task.events", "census.households")) {
                String type = switch (topic) {
                    case "plan.events" -> "plan.PlanCreated.v1";
                    case "task.events" -> "task.TaskProgressReported.v1";
                    default -> "census.HouseholdReviewRecorded.v1";
                };
                reasons.put(poison(topic, "bad-json", type, "{\"version\": 1, \"status\": ".getBytes(
                        StandardCharsets.UTF_8)), "not valid JSON");
                reasons.put(poison(topic, "unknown-type", "x.SomethingElse.v1", "{\"version\":1}".getBytes(
                        StandardCharsets.UTF_8)), "Unknown event type");
                reasons.put(poison(topic, "schema", type, "{\"version\":\"one\",\"status\":42}".getBytes(
                        StandardCharsets.UTF_8)), "violates its schema");
                reasons.put(poison(topic, "huge", type, ("{\"version\":1,\"note\":\"" + "x".repeat(900_000) + "\"}")
                        .getBytes(StandardCharsets.UTF_8)), "violates its schema");
            }
            // and good records after them on every topic
            String plan = Workloads.plan(stack, "AFTER-POISON", true);
            String task = tasks.get(6);
            Api.Reply progress = stack.reporterOf(task).post("/api/v1/tasks/" + task + "/progress",
                    "{\"percentComplete\":100,\"note\":\"S5 sau bản ghi độc\"}");
            assertThat(progress.status()).isEqualTo(200);
            department.publish(HouseholdReviewRecorded.TOPIC, household("HH-FAULT-1"));
            // content-type is optional in CloudEvents' Kafka binary mode (datacontenttype is an optional attribute)
            HouseholdReviewRecorded bare = household("HH-FAULT-2");
            sendRaw(HouseholdReviewRecorded.TOPIC, bare.subject(), "census.HouseholdReviewRecorded.v1",
                    vn.giamngheo.contracts.EventJson.mapper().writeValueAsBytes(bare), false);

            // then: each poison record is parked on the dead-letter topic of every group consuming its topic, with
            // its reason and its payload intact
            await().atMost(Workloads.CONVERGE).untilAsserted(() -> {
                for (Map.Entry<String, String> poisoned : reasons.entrySet()) {
                    String topic = poisoned.getKey().split("\\|")[0];
                    for (String dlt : FaultStack.DEAD_LETTER_TOPICS.stream().filter(d -> d.startsWith(topic + "."))
                            .toList()) {
                        List<DeadLetters.DeadLetter> parked = DeadLetters.list(stack.kafka(), dlt).stream()
                                .filter(DeadLetters.withKey(poisoned.getKey())).toList();
                        assertThat(parked).as("%s on %s", poisoned.getKey(), dlt).hasSize(1);
                        assertThat(parked.get(0).reason()).contains(poisoned.getValue());
                        assertThat(parked.get(0).originalTopic()).isEqualTo(topic);
                        if (poisoned.getKey().contains("|huge|")) {
                            assertThat(parked.get(0).payloadBytes()).isGreaterThan(900_000);
                        }
                    }
                }
            });
            await().atMost(Workloads.CONVERGE).until(() -> stack.reports.get("/api/v1/reports/plans/" + plan
                    + "/progress").status() == 200);
            for (String household : List.of("HH-FAULT-1", "HH-FAULT-2")) {
                await().atMost(Workloads.CONVERGE).until(() -> stack.reports.get("/api/v1/poverty/reviews/2024/"
                        + "households/" + household).status() == 200);
            }
            Settled settled = Settled.check(stack, injected);
            assertThat(settled.taskEvents().latest(task).text("percentComplete")).isEqualTo("100");
            assertThat(settled.deadLetterCount()).isEqualTo(16);
            settled.print("S5 poison", "12 poison records (bad JSON, unknown type, schema violation, 900 KB payload "
                            + "on plan.events, task.events, census.households) then a plan, a progress report and a "
                            + "household", "poison", new Ledger(), 0, "parked " + settled.deadLetters());
        }
    }

    @Test
    @Order(3)
    void a_dead_letter_is_listed_with_its_reason_and_re_driven_once_its_cause_is_repaired() {
        // given: a task's second event arrives before its first (a gap), so it is parked after its retries
        String taskId = "redrive-" + UUID.randomUUID();
        String planId = "redrive-plan-" + UUID.randomUUID();
        injected.add(taskId);
        String dlt = Topics.deadLetter(Topics.TASK_EVENTS, "report-service");
        try (TestProducer department = new TestProducer(stack.kafka(), "/giamngheo/task-service")) {
            department.publish(Topics.TASK_EVENTS, new TaskProgressReported(taskId, 2, planId,
                    "Báo cáo đến trước khi tạo", "IN_PROGRESS", 40, Instant.now()));
            await().atMost(Workloads.CONVERGE).until(() -> !DeadLetters.list(stack.kafka(), dlt).stream()
                    .filter(DeadLetters.withKey(taskId)).toList().isEmpty());
            department.publish(Topics.TASK_EVENTS, new TaskCreated(taskId, 1, planId, "Nhiệm vụ tái xử lý",
                    "REPORTING", "SYT-14", List.of(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31),
                    "ASSIGNED", 0, Instant.now()));
            await().atMost(Workloads.CONVERGE).until(() -> lastVersion(taskId) == 1);

            // when: the operator lists the dead letters, then re-drives the parked one
            ByteArrayOutputStream listing = new ByteArrayOutputStream();
            int listed = DeadLetters.run(new String[] {"list", "--bootstrap", stack.bootstrap(),
                    "--command-config", stack.kafkaCommandConfig(), "--topic", dlt},
                    new PrintStream(listing, true, StandardCharsets.UTF_8));
            ByteArrayOutputStream redrive = new ByteArrayOutputStream();
            int redriven = DeadLetters.run(new String[] {"redrive", "--bootstrap", stack.bootstrap(),
                    "--command-config", stack.kafkaCommandConfig(), "--topic", dlt, "--key", taskId}, new PrintStream(redrive, true, StandardCharsets.UTF_8));

            // then
            String list = listing.toString(StandardCharsets.UTF_8);
            assertThat(listed).isZero();
            assertThat(list).contains("key=" + taskId, "type=task.TaskProgressReported.v1",
                    "Gap in events of " + taskId, "from=task.events");
            assertThat(redriven).isZero();
            assertThat(redrive.toString(StandardCharsets.UTF_8)).contains("Re-drove 1 record(s)", "-> task.events");
            await().atMost(Workloads.CONVERGE).until(() -> lastVersion(taskId) == 2);
            Document view = stack.db(Service.REPORT).getCollection("task_views")
                    .find(new Document("_id", taskId)).first();
            assertThat(view.getInteger("percentComplete")).isEqualTo(40);
            Settled settled = Settled.check(stack, injected);
            settled.print("S5b dead-letter re-drive", "a task's version 2 before its version 1",
                    "gap parked after 4 attempts, version 1 delivered, DeadLetters list + redrive --key", new Ledger(),
                    0, "listed " + list.lines().count() + " lines");
        }
    }

    @Test
    @Order(4)
    void a_hundred_clients_racing_with_if_match_lose_no_update_and_store_none_twice() throws Exception {
        // given: five tasks at 50%
        String plan = Workloads.plan(stack, "RACE", true);
        List<String> raced = Workloads.tasks(stack, plan, 5);
        for (String task : raced) {
            assertThat(stack.reporterOf(task).post("/api/v1/tasks/" + task + "/progress",
                    "{\"percentComplete\":50,\"note\":\"Khởi đầu\"}").status()).isEqualTo(200);
        }
        Ledger ledger = new Ledger();
        ExecutorService clients = Executors.newFixedThreadPool(100);

        // when: 100 clients, 10 rounds each: read the task, report with If-Match = the version read
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int c = 0; c < 100; c++) {
            int client = c;
            running.add(CompletableFuture.runAsync(() -> {
                for (int round = 0; round < 10; round++) {
                    String task = raced.get((client + round) % raced.size());
                    Api lead = stack.reporterOf(task);
                    Api.Reply read = lead.get("/api/v1/tasks/" + task);
                    String note = "S6 client " + client + " round " + round;
                    Api.Reply reply = lead.post("/api/v1/tasks/" + task + "/progress",
                            "{\"percentComplete\":50,\"note\":\"" + note + "\"}", read.etag());
                    if (reply.ok()) {
                        ledger.acknowledged.add(new Ledger.Write(task, reply.version(), note));
                    } else if (reply.status() == 409 && "stale-version".equals(reply.problemType())) {
                        ledger.stale.incrementAndGet();
                    } else {
                        ledger.unexpected.add(reply.toString());
                    }
                }
            }, clients));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
        clients.shutdown();

        // then: every acknowledged version is distinct and in the log exactly once; stale writes got 409
        assertThat(ledger.unexpected).isEmpty();
        assertThat(ledger.acknowledgedCount() + ledger.stale.get()).isEqualTo(1_000);
        assertThat(ledger.stale.get()).isPositive();
        Map<String, Set<Long>> versions = new HashMap<>();
        for (Ledger.Write write : ledger.acknowledged) {
            assertThat(versions.computeIfAbsent(write.aggregateId(), k -> new HashSet<>()).add(write.version()))
                    .as("version %d of %s acknowledged twice", write.version(), write.aggregateId()).isTrue();
        }
        Settled settled = Settled.check(stack, injected);
        Invariants.progressLogsHoldExactly(stack, ledger, "S6", settled.taskEvents());
        for (String task : raced) {
            long acknowledged = ledger.acknowledged.stream().filter(w -> w.aggregateId().equals(task)).count();
            assertThat(settled.taskEvents().latest(task).version()).as("versions of %s", task)
                    .isEqualTo(2 + acknowledged);
        }
        settled.print("S6 100 concurrent If-Match clients", "100 clients x 10 read-then-report rounds on 5 tasks",
                "contention", ledger, 0, "");
    }

    private String poison(String topic, String kind, String type, byte[] body) {
        String key = topic + "|" + kind + "|" + UUID.randomUUID();
        injected.add(key);
        sendRaw(topic, key, type, body, true);
        return key;
    }

    /** A CloudEvents binary-mode record as a department's own producer writes it. */
    private void sendRaw(String topic, String key, String type, byte[] body, boolean withContentType) {
        RecordHeaders headers = new RecordHeaders();
        if (withContentType) {
            headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        }
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/department/poison".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", key.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            producer.send(new ProducerRecord<>(topic, null, key, body, headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private KafkaProducer<String, byte[]> rawProducer() {
        Map<String, Object> config = new HashMap<>(stack.kafka());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes every record of the topics again: same key, value and headers (so the same ce_id). */
    private int republishEverything(List<String> topics, long seed) {
        Random random = new Random(seed);
        Map<String, List<FaultStack.Rec>> byAggregate = new LinkedHashMap<>();
        for (String topic : topics) {
            for (FaultStack.Rec record : stack.readAll(topic)) {
                byAggregate.computeIfAbsent(topic + "/" + record.key(), k -> new ArrayList<>()).add(record);
            }
        }
        List<List<FaultStack.Rec>> queues = new ArrayList<>();
        for (List<FaultStack.Rec> history : byAggregate.values()) {
            List<FaultStack.Rec> queue = new ArrayList<>(history);
            if (random.nextBoolean()) {
                Collections.reverse(queue);
            }
            queues.add(queue);
        }
        int sent = 0;
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            while (!queues.isEmpty()) {
                List<FaultStack.Rec> queue = queues.get(random.nextInt(queues.size()));
                FaultStack.Rec record = queue.remove(0);
                if (queue.isEmpty()) {
                    queues.remove(queue);
                }
                RecordHeaders headers = new RecordHeaders();
                record.headers().forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
                producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), headers));
                sent++;
            }
            producer.flush();
        }
        return sent;
    }

    private Map<String, Map<String, Document>> copies(Service service, String... collections) {
        Map<String, Map<String, Document>> copies = new LinkedHashMap<>();
        for (String name : collections) {
            Map<String, Document> documents = new HashMap<>();
            stack.db(service).getCollection(name).find().forEach(d -> documents.put(String.valueOf(d.get("_id")), d));
            copies.put(name, documents);
        }
        return copies;
    }

    private long lastVersion(String taskId) {
        Document view = stack.db(Service.REPORT).getCollection("task_views").find(new Document("_id", taskId)).first();
        return view == null ? 0 : ((Number) view.get("lastVersion")).longValue();
    }

    /** The report's plan progress equals the one computed here from the replayed task events. */
    private static void assertProgressIsReplayed(JsonNode progress, Settled settled, String planId) {
        Map<String, Long> byStatus = new HashMap<>();
        long counted = 0;
        long percent = 0;
        int total = 0;
        for (var history : settled.taskEvents().byKey().entrySet()) {
            Invariants.Event latest = settled.taskEvents().latest(history.getKey());
            if (!planId.equals(latest.text("planId"))) {
                continue;
            }
            total++;
            String status = latest.text("status");
            byStatus.merge(status, 1L, Long::sum);
            if (!"CANCELLED".equals(status)) {
                counted++;
                percent += Long.parseLong(latest.text("percentComplete"));
            }
        }
        assertThat(progress.get("taskCount").asLong()).isEqualTo(total);
        byStatus.forEach((status, count) -> assertThat(progress.get("tasksByStatus").get(status).asLong())
                .as(status).isEqualTo(count));
        double average = counted == 0 ? 0 : Math.round(percent * 10.0 / counted) / 10.0;
        assertThat(progress.get("averagePercentComplete").asDouble()).isEqualTo(average);
        assertThat(progress.get("status").asString()).isEqualTo(settled.planEvents().latest(planId).text("status"));
    }

    private static HouseholdReviewRecorded household(String code) {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        for (String indicator : List.of("EMPLOYMENT", "NUTRITION", "HEALTH_INSURANCE", "ADULT_EDUCATION",
                "CHILD_SCHOOLING", "HOUSING_QUALITY", "DOMESTIC_WATER", "LATRINE", "TELECOM", "INFO_DEVICES")) {
            flags.put(indicator, indicator.equals("LATRINE"));
        }
        return new HouseholdReviewRecorded(code, 1, 2024, "03694", "RURAL", "Thái", 4, 1_200_000L, 1,
                new BigDecimal("40"), flags, Instant.now());
    }
}
