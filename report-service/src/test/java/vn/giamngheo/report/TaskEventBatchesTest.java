package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.client.MongoClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.task.DisseminationSessionRecorded;
import vn.giamngheo.contracts.task.TaskCompleted;
import vn.giamngheo.contracts.task.TaskCreated;
import vn.giamngheo.contracts.task.TaskProgressReported;
import vn.giamngheo.report.task.TaskViews;
import vn.giamngheo.support.consume.EventGapException;
import vn.giamngheo.support.consume.IncomingEventReader;
import vn.giamngheo.support.consume.PoisonEventException;
import vn.giamngheo.support.consume.VersionedCopies;
import vn.giamngheo.support.outbox.CloudEventRecords;
import vn.giamngheo.support.outbox.OutboxEntry;
import vn.giamngheo.support.testing.InMemoryMongoServer;

/**
 * The batch consumer of task.events on a MongoDB-wire server, without Spring or Kafka: batches as the binder hands
 * them over, compared with the same events applied one at a time.
 */
class TaskEventBatchesTest {

    static final CloudEventRecords RECORDS = new CloudEventRecords("/giamngheo/task-service");

    static final InMemoryMongoServer SERVER = new InMemoryMongoServer();
    static final MongoClient client = SERVER.client();

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    /** A fresh database with the projections and the batch consumer over it. */
    record Store(MongoTemplate mongo, ReportProjections projections, TaskEventBatches batches) {

        static Store fresh() {
            MongoTemplate mongo = new MongoTemplate(client, "batches_" + UUID.randomUUID().toString().replace("-", ""));
            TaskViews tasks = new TaskViews(mongo, new VersionedCopies(mongo));
            ReportProjections projections = ReportProjections.on(mongo);
            return new Store(mongo, projections, new TaskEventBatches(new IncomingEventReader(), projections, tasks,
                    Duration.ofMillis(10)));
        }

        void oneByOne(List<DomainEvent> events) {
            IncomingEventReader reader = new IncomingEventReader();
            events.forEach(event -> projections.apply(reader.read(single(event))));
        }

        /** The collection's documents by id; in plan_tasks without the start-up's backfill marker, a time. */
        List<Document> all(String collection) {
            return mongo.find(new Query().with(Sort.by("_id")), Document.class, collection).stream()
                    .filter(d -> !d.getString("_id").startsWith("#")).toList();
        }
    }

    static Instant on(String day) {
        return LocalDate.parse(day).atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
    }

    static TaskCreated created(String task, String plan) {
        return new TaskCreated(task, 1, plan, "Hỗ trợ nhà ở", "INVESTMENT", "SXD-14", List.of("H-128"),
                LocalDate.of(2023, 1, 2), LocalDate.of(2023, 6, 30), "ASSIGNED", 0, on("2023-01-02"));
    }

    static TaskProgressReported progress(String task, String plan, long v, int percent) {
        return new TaskProgressReported(task, v, plan, "báo cáo", "IN_PROGRESS", percent, on("2023-02-0" + v));
    }

    /** Three tasks of two plans interleaved as on the topic, with a dissemination session and a completion. */
    static List<DomainEvent> interleaved(String plan, String otherPlan, String a, String b, String c) {
        return List.of(created(a, plan), created(b, plan), progress(a, plan, 2, 20), created(c, otherPlan),
                progress(a, plan, 3, 40), new DisseminationSessionRecorded(b, 2, plan, 1, LocalDate.of(2023, 2, 3),
                        "SXD-14", 40, 50, 40, null, "IN_PROGRESS", 10, on("2023-02-03")),
                progress(c, otherPlan, 2, 50), new TaskCompleted(a, 4, plan, "xong", "DONE", 100, on("2023-03-01")),
                progress(b, plan, 3, 30));
    }

    static ProducerRecord<String, byte[]> record(DomainEvent event) {
        return RECORDS.toRecord(Topics.TASK_EVENTS, OutboxEntry.of(event));
    }

    static Message<byte[]> single(DomainEvent event) {
        ProducerRecord<String, byte[]> record = record(event);
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value())
                .setHeader(KafkaHeaders.RECEIVED_KEY, record.key());
        for (Header header : record.headers()) {
            message.setHeader(header.key(), header.value());
        }
        return message.build();
    }

    /** A poll of records as the binder hands it to a batch consumer: payloads, headers and keys in lists. */
    static Message<List<byte[]>> batch(List<ProducerRecord<String, byte[]>> records) {
        List<byte[]> payloads = new ArrayList<>();
        List<Map<String, Object>> headers = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        for (ProducerRecord<String, byte[]> record : records) {
            payloads.add(record.value());
            Map<String, Object> recordHeaders = new HashMap<>();
            record.headers().forEach(h -> recordHeaders.put(h.key(), h.value()));
            headers.add(recordHeaders);
            keys.add(record.key().getBytes(StandardCharsets.UTF_8));
        }
        return MessageBuilder.withPayload(payloads).setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
                .setHeader(KafkaHeaders.RECEIVED_KEY, keys).build();
    }

    static Message<List<byte[]>> batchOf(List<DomainEvent> events) {
        return batch(events.stream().map(TaskEventBatchesTest::record).toList());
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void a_batch_leaves_the_same_views_history_and_memberships_as_its_events_one_by_one() {
        // given
        List<DomainEvent> events = interleaved("p-1", "p-2", "t-a", "t-b", "t-c");
        Store batched = Store.fresh();
        Store single = Store.fresh();

        // when
        batched.batches().accept(batchOf(events));
        single.oneByOne(events);

        // then
        for (String collection : List.of(TaskViews.COLLECTION, TaskViews.HISTORY, TaskViews.PLAN_TASKS)) {
            assertThat(batched.all(collection)).as(collection).isEqualTo(single.all(collection));
        }
        assertThat(batched.all(TaskViews.COLLECTION)).extracting(d -> d.get("lastVersion"))
                .containsExactly(4L, 3L, 2L);
        assertThat(batched.all(TaskViews.HISTORY)).hasSize(events.size());
    }

    @Test
    void a_batch_delivered_again_changes_nothing() {
        // given
        Store store = Store.fresh();
        List<DomainEvent> events = interleaved("p-1", "p-2", id(), id(), id());
        store.batches().accept(batchOf(events));
        List<Document> views = store.all(TaskViews.COLLECTION);
        List<Document> history = store.all(TaskViews.HISTORY);

        // when: the whole poll again (its offsets were not committed)
        store.batches().accept(batchOf(events));

        // then
        assertThat(store.all(TaskViews.COLLECTION)).isEqualTo(views);
        assertThat(store.all(TaskViews.HISTORY)).isEqualTo(history);
    }

    @Test
    void a_batch_that_overlaps_what_was_applied_applies_only_what_is_new() {
        // given: the first five events were applied, then the consumer died before committing
        List<DomainEvent> events = interleaved("p-1", "p-2", "t-a", "t-b", "t-c");
        Store store = Store.fresh();
        store.batches().accept(batchOf(events.subList(0, 5)));
        Store expected = Store.fresh();
        expected.oneByOne(events);

        // when: the poll after the restart starts again at the third
        store.batches().accept(batchOf(events.subList(2, events.size())));

        // then
        assertThat(store.all(TaskViews.COLLECTION)).isEqualTo(expected.all(TaskViews.COLLECTION));
        assertThat(store.all(TaskViews.HISTORY)).isEqualTo(expected.all(TaskViews.HISTORY));
    }

    @Test
    void a_gap_fails_the_batch_at_that_event_after_every_event_before_it_was_applied() {
        // given: task b's version 2 never came
        Store store = Store.fresh();
        String plan = id();
        List<DomainEvent> events = List.of(created("t-a", plan), created("t-b", plan), progress("t-a", plan, 2, 20),
                progress("t-b", plan, 3, 30), progress("t-a", plan, 3, 40));

        // when
        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> store.batches().accept(batchOf(events)));

        // then: the binder is told the fourth record failed; the three before it are applied
        assertThat(failure.getIndex()).isEqualTo(3);
        assertThat(failure.getCause()).isInstanceOf(EventGapException.class);
        assertThat(lastVersions(store)).containsExactly(Map.entry("t-a", 2L), Map.entry("t-b", 1L));
    }

    @Test
    void a_record_that_is_no_event_fails_the_batch_at_its_index_after_the_records_before_it() {
        // given
        Store store = Store.fresh();
        String plan = id();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(List.of(record(created("t-a", plan)),
                record(progress("t-a", plan, 2, 20))));
        ProducerRecord<String, byte[]> valid = record(progress("t-a", plan, 3, 30));
        records.add(new ProducerRecord<>(Topics.TASK_EVENTS, null, valid.key(),
                "{not json".getBytes(StandardCharsets.UTF_8), valid.headers()));
        records.add(valid);

        // when
        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> store.batches().accept(batch(records)));

        // then
        assertThat(failure.getIndex()).isEqualTo(2);
        assertThat(failure.getCause()).isInstanceOf(PoisonEventException.class);
        assertThat(failure.getMessage()).contains("not valid JSON");
        assertThat(lastVersions(store)).containsExactly(Map.entry("t-a", 2L));
    }

    @Test
    void a_tombstone_fails_the_batch_at_its_index_as_a_record_without_payload() {
        // given: a poll whose second record has no value (the binder hands it over as a KafkaNull)
        Store store = Store.fresh();
        String plan = id();
        Message<List<byte[]>> polled = batchOf(List.of(created("t-a", plan), progress("t-a", plan, 2, 20)));
        List<Object> payloads = new ArrayList<>(polled.getPayload());
        payloads.set(1, new Object());
        @SuppressWarnings("unchecked")
        Message<List<byte[]>> withTombstone = (Message<List<byte[]>>) (Message<?>) MessageBuilder
                .withPayload(payloads).copyHeaders(polled.getHeaders()).build();

        // when
        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> store.batches().accept(withTombstone));

        // then
        assertThat(failure.getIndex()).isEqualTo(1);
        assertThat(failure.getCause()).isInstanceOf(PoisonEventException.class).hasMessageContaining("no payload");
        assertThat(lastVersions(store)).containsExactly(Map.entry("t-a", 1L));
    }

    @Test
    void a_database_outage_is_waited_out_and_the_batch_applied_once_the_database_answers() {
        // given: a store whose first two bulk writes find the database unavailable
        AtomicInteger outages = new AtomicInteger(2);
        MongoTemplate flaky = new MongoTemplate(client, "batches_" + UUID.randomUUID().toString().replace("-", "")) {
            @Override
            public BulkOperations bulkOps(BulkOperations.BulkMode mode, String collectionName) {
                if (outages.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new DataAccessResourceFailureException("the database is unavailable");
                }
                return super.bulkOps(mode, collectionName);
            }
        };
        ReportProjections projections = ReportProjections.on(flaky);
        TaskEventBatches batches = new TaskEventBatches(new IncomingEventReader(), projections,
                new TaskViews(flaky, new VersionedCopies(flaky)), Duration.ofMillis(10));
        List<DomainEvent> events = interleaved("p-1", "p-2", "t-a", "t-b", "t-c");

        // when
        batches.accept(batchOf(events));

        // then: nothing failed, every event applied once
        assertThat(outages).hasValue(0);
        Store expected = Store.fresh();
        expected.oneByOne(events);
        assertThat(flaky.find(new Query().with(Sort.by("_id")), Document.class, TaskViews.COLLECTION))
                .isEqualTo(expected.all(TaskViews.COLLECTION));
    }

    @Test
    void rounds_keep_each_tasks_events_in_order() {
        // given
        IncomingEventReader reader = new IncomingEventReader();
        List<DomainEvent> events = interleaved("p-1", "p-2", "t-a", "t-b", "t-c");

        // when
        var rounds = TaskEventBatches.rounds(events.stream().map(e -> reader.read(single(e))).toList());

        // then
        assertThat(rounds).extracting(round -> round.stream().map(e -> e.subject() + "@" + e.version()).toList())
                .containsExactly(List.of("t-a@1", "t-b@1", "t-c@1"), List.of("t-a@2", "t-b@2", "t-c@2"),
                        List.of("t-a@3", "t-b@3"), List.of("t-a@4"));
    }

    static Map<String, Long> lastVersions(Store store) {
        Map<String, Long> versions = new java.util.TreeMap<>();
        store.all(TaskViews.COLLECTION).forEach(d -> versions.put(d.getString("_id"), d.getLong("lastVersion")));
        return versions;
    }
}
