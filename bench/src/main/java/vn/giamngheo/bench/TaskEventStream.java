package vn.giamngheo.bench;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventCatalog;
import vn.giamngheo.contracts.EventJson;
import vn.giamngheo.contracts.EventSchemas;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.task.TaskCreated;
import vn.giamngheo.contracts.task.TaskProgressReported;

/**
 * Writes N task events on task.events exactly as the task-service's outbox relay would (the contract's records,
 * CloudEvents binary mode, keyed by the task id): per task a TaskCreated and then progress reports, the tasks
 * interleaved round-robin — a busy topic, in which two events of the same task are far apart, as in a replay.
 */
final class TaskEventStream {

    private static final URI SOURCE = URI.create("/giamngheo/task-service");
    private static final int PLANS = 50;

    private TaskEventStream() {
    }

    /** Produces {@code events} events, {@code perTask} per task; returns the seconds it took. */
    static double produce(Map<String, Object> kafka, int events, int perTask, String runLabel) {
        int tasks = (events + perTask - 1) / perTask;
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long began = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            LocalDate start = SuiteClient.today();
            Instant now = Instant.now();
            String[] plans = new String[PLANS];
            for (int p = 0; p < PLANS; p++) {
                plans[p] = UUID.nameUUIDFromBytes(("bench-plan-" + runLabel + "-" + p).getBytes(StandardCharsets.UTF_8))
                        .toString();
            }
            int produced = 0;
            for (int version = 1; version <= perTask && produced < events; version++) {
                for (int t = 0; t < tasks && produced < events; t++) {
                    String taskId = UUID.nameUUIDFromBytes(("bench-task-" + runLabel + "-" + t)
                            .getBytes(StandardCharsets.UTF_8)).toString();
                    DomainEvent event = event(taskId, plans[t % PLANS], version, start, now.plusMillis(version));
                    if (t == 0 && version <= 2) {
                        requireValid(event);
                    }
                    producer.send(record(event));
                    produced++;
                }
            }
            producer.flush();
        }
        return (System.nanoTime() - began) / 1e9;
    }

    static DomainEvent event(String taskId, String planId, int version, LocalDate start, Instant at) {
        if (version == 1) {
            return new TaskCreated(taskId, 1, planId, null, "Nhiệm vụ mô phỏng tải", null, "IMPLEMENTATION", "NORMAL",
                    null, "UBND-14", List.of("SLDTBXH-14"), start, start.plusYears(1), "ASSIGNED", 0, at);
        }
        return new TaskProgressReported(taskId, version, planId, version - 1,
                "Báo cáo tiến độ lần " + (version - 1), List.of(), List.of(), null, "IN_PROGRESS",
                Math.min(99, 4 * (version - 1)), version == 2 ? 0 : Math.min(99, 4 * (version - 2)), at);
    }

    static ProducerRecord<String, byte[]> record(DomainEvent event) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(EventCatalog.typeOf(event.getClass()))
                .withSource(SOURCE)
                .withSubject(event.subject())
                .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(EventJson.write(event).getBytes(StandardCharsets.UTF_8))
                .build();
        return KafkaMessageFactory.createWriter(Topics.TASK_EVENTS, event.subject()).writeBinary(cloudEvent);
    }

    /** The report-service would park an event that breaks its contract; the bench must measure real work. */
    private static void requireValid(DomainEvent event) {
        String type = EventCatalog.typeOf(event.getClass());
        List<String> violations = EventSchemas.violations(type, EventJson.parse(
                EventJson.write(event).getBytes(StandardCharsets.UTF_8)));
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the bench's " + type + " breaks its schema: " + violations);
        }
    }
}
