package vn.giamngheo.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.EventJson;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.localstack.LocalStack;
import vn.giamngheo.localstack.Service;

/**
 * Row 1: N task events on task.events, consumed (a) by the report-service's projection in the running report-service
 * process — its progress read from its consumer group's committed offsets —, (b) by a plain Kafka consumer that only
 * reads the same records, and (c) by a naive projection that upserts MongoDB once per record. (b) and (c) read exactly
 * the offsets the events were written to. (a) consumes them live as they are written; its rate is taken from the
 * producer's end on, so the producer's CPU does not count against it.
 *
 * <p>(a) and (c) run until they are through or their time budget is spent, whichever comes first: a rate needs no
 * million records once it is steady, and a projection that takes hours must not stall the run. The report-service is
 * stopped after its window, so its backlog does not compete with (b) and (c).
 */
final class Projection {

    static final String REPORT_GROUP = "report-service";
    static final String REPORT_DLT = "task.events.report-service.dlt";

    /**
     * @param reportConsumed records the report-service consumed inside its window (all of them unless the budget
     *                       ended it), {@code naiveConsumed} likewise
     */
    record Result(Sample report, Sample plain, Sample naive, Sample batched, int events, double produceSeconds,
                  long reportConsumed, double reportSeconds, long naiveConsumed, double naiveSeconds) {
    }

    private final LocalStack stack;
    private final BenchOptions options;
    private final Consumer<String> log;
    private final Runnable beforeReportStops;

    Projection(LocalStack stack, BenchOptions options, Consumer<String> log, Runnable beforeReportStops) {
        this.stack = stack;
        this.options = options;
        this.log = log;
        this.beforeReportStops = beforeReportStops;
    }

    Result run() throws InterruptedException {
        int events = options.projectionEvents();
        Map<String, Object> kafka = stack.kafkaClientProperties();
        try (Admin admin = BenchTopics.admin(kafka)) {
            Map<TopicPartition, Long> before = BenchTopics.endOffsets(admin, Topics.TASK_EVENTS);
            long start = sum(before);
            SuiteClient.await("the report-service to catch up with task.events",
                    () -> BenchTopics.committed(admin, REPORT_GROUP, Topics.TASK_EVENTS) >= start);
            long deadLettersBefore = deadLetters(admin);

            List<long[]> progress = new ArrayList<>();
            MongoClient reportDb = MongoClients.create(stack.mongoUri());
            MongoCollection<Document> reportViews = reportDb.getDatabase(Service.REPORT.databaseName())
                    .getCollection("task_views");
            AtomicBoolean watching = new AtomicBoolean(true);
            Thread watcher = watch(admin, progress, start, reportViews, watching);
            double produceSeconds = TaskEventStream.produce(kafka, events, options.projectionEventsPerTask(),
                    Long.toString(System.currentTimeMillis(), 36));
            long producedAt = System.nanoTime();
            Map<TopicPartition, Long> after = BenchTopics.endOffsets(admin, Topics.TASK_EVENTS);
            long target = sum(after);
            long expected = target - start;
            log.accept(String.format(Locale.ROOT, "  produced %,d task events in %.1f s; the report-service consumes "
                    + "(budget %d s)", expected, produceSeconds, options.projectionBudget().toSeconds()));
            long deadline = producedAt + options.projectionBudget().toNanos();
            SuiteClient.await("the report-service to consume the bench's events or its budget to end", () -> {
                synchronized (progress) {
                    return System.nanoTime() > deadline
                            || !progress.isEmpty() && progress.get(progress.size() - 1)[1] >= target;
                }
            }, options.projectionBudget().plusMinutes(1));
            watching.set(false);
            watcher.interrupt();
            watcher.join();
            reportDb.close();
            long parked = deadLetters(admin) - deadLettersBefore;
            if (parked > 0) {
                throw new IllegalStateException("the report-service parked " + parked + " of the bench's events on "
                        + REPORT_DLT + ": the figure would not be real work");
            }
            List<long[]> reportPoints = fromConsumption(progress, producedAt, start);
            Sample report = thirds(reportPoints);
            long reportConsumed = last(reportPoints)[1] - start;
            double reportSeconds = (last(reportPoints)[0] - reportPoints.get(0)[0]) / 1e9;
            log.accept(String.format(Locale.ROOT, "  report-service projection: %s over %.0f s (%,d of %,d consumed "
                    + "in all)", rates(report), reportSeconds, reportConsumed, expected));
            beforeReportStops.run();
            stack.stopService(Service.REPORT);

            Sample plain = new Sample();
            for (int rep = 1; rep <= options.reps(); rep++) {
                List<long[]> points = read(kafka, before, after, Long.MAX_VALUE, record -> {
                    if (record.value().length == 0) {
                        throw new IllegalStateException("empty record");
                    }
                });
                double rate = (last(points)[1] - points.get(0)[1]) / ((last(points)[0] - points.get(0)[0]) / 1e9);
                plain.add(rate);
                log.accept(String.format(Locale.ROOT, "  plain consumer rep %d: %,.0f/s", rep, rate));
            }

            List<long[]> naivePoints;
            try (MongoClient client = MongoClients.create(stack.mongoUri())) {
                MongoCollection<Document> views = client.getDatabase("bench_naive").getCollection("task_views");
                UpdateOptions upsert = new UpdateOptions().upsert(true);
                naivePoints = read(kafka, before, after,
                        System.nanoTime() + options.projectionBudget().toNanos(), record -> {
                            JsonNode event = EventJson.parse(record.value());
                            views.updateOne(Filters.eq("_id", record.key()), Updates.combine(
                                    Updates.set("planId", event.get("planId").asString()),
                                    Updates.set("status", event.get("status").asString()),
                                    Updates.set("percentComplete", event.get("percentComplete").asInt()),
                                    Updates.set("lastVersion", event.get("version").asLong())), upsert);
                        });
            }
            Sample naive = thirds(naivePoints);
            long naiveConsumed = last(naivePoints)[1];
            double naiveSeconds = (last(naivePoints)[0] - naivePoints.get(0)[0]) / 1e9;
            log.accept(String.format(Locale.ROOT, "  naive projection: %s over %.0f s (%,d of %,d)", rates(naive),
                    naiveSeconds, naiveConsumed, expected));

            List<long[]> batchedPoints;
            long[] refused = new long[1];
            try (MongoClient client = MongoClients.create(stack.mongoUri())) {
                BatchedProjection batched = new BatchedProjection(client.getDatabase("bench_batched")
                        .getCollection("task_views"));
                batchedPoints = readBatches(kafka, before, after,
                        System.nanoTime() + options.projectionBudget().toNanos(), batched::apply);
                refused[0] = batched.refused();
            }
            Sample batched = thirds(batchedPoints);
            log.accept(String.format(Locale.ROOT, "  batched projection (prototype): %s over %.0f s (%,d of %,d; %,d "
                    + "not applied as the next version)", rates(batched),
                    (last(batchedPoints)[0] - batchedPoints.get(0)[0]) / 1e9, last(batchedPoints)[1], expected,
                    refused[0]));
            return new Result(report, plain, naive, batched, (int) expected, produceSeconds, reportConsumed,
                    reportSeconds, naiveConsumed, naiveSeconds);
        }
    }

    /**
     * Records how far the report-service got, every 200 ms: {nanoTime, records}. Its group's committed offset, or —
     * when that lags because a slow consumer commits only after a whole poll of records — the task views it has
     * created since (the events are interleaved, so the first one per task comes first), whichever is further; both
     * only ever count records it has applied.
     */
    private static Thread watch(Admin admin, List<long[]> progress, long start, MongoCollection<Document> views,
                                AtomicBoolean watching) {
        long viewsBefore = views.estimatedDocumentCount();
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                try {
                    long committed = BenchTopics.committed(admin, REPORT_GROUP, Topics.TASK_EVENTS);
                    long created = views.estimatedDocumentCount() - viewsBefore;
                    synchronized (progress) {
                        progress.add(new long[] {System.nanoTime(), Math.max(committed, start + created)});
                    }
                    TimeUnit.MILLISECONDS.sleep(200);
                } catch (InterruptedException | RuntimeException e) {
                    // stopped, or one reading failed: the next one counts
                }
            }
        }, "report-offsets");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }

    /**
     * The committed offsets from the producer's end on (from the start of consumption if that came later, or over
     * the whole consumption if it ended before the producer did).
     */
    static List<long[]> fromConsumption(List<long[]> progress, long producedAt, long start) {
        List<long[]> points;
        synchronized (progress) {
            points = new ArrayList<>(progress);
        }
        int firstMove = 0;
        while (firstMove < points.size() && points.get(firstMove)[1] <= start) {
            firstMove++;
        }
        int from = Math.max(0, firstMove - 1);
        int afterProducer = from;
        while (afterProducer < points.size() - 1 && points.get(afterProducer + 1)[0] <= producedAt) {
            afterProducer++;
        }
        List<long[]> window = points.subList(afterProducer, points.size());
        if (window.size() < 2 || window.get(0)[1] == last(window)[1]) {
            window = points.subList(from, points.size());
        }
        // Trailing samples after the last commit only add idle time.
        int end = window.size();
        while (end > 2 && window.get(end - 2)[1] == window.get(end - 1)[1]) {
            end--;
        }
        return new ArrayList<>(window.subList(0, end));
    }

    /** Records per second over the three equal thirds of the window's time, by linear interpolation. */
    static Sample thirds(List<long[]> points) {
        Sample sample = new Sample();
        long t0 = points.get(0)[0];
        long t3 = last(points)[0];
        if (points.size() < 2 || t3 == t0) {
            return sample.add(Double.NaN);
        }
        double previous = points.get(0)[1];
        for (int third = 1; third <= 3; third++) {
            double time = t0 + (t3 - t0) * third / 3.0;
            double count = countAt(points, time);
            sample.add((count - previous) / ((t3 - t0) / 3.0 / 1e9));
            previous = count;
        }
        return sample;
    }

    private static double countAt(List<long[]> points, double time) {
        for (int i = 1; i < points.size(); i++) {
            long[] a = points.get(i - 1);
            long[] b = points.get(i);
            if (b[0] >= time) {
                return a[1] + (b[1] - a[1]) * ((time - a[0]) / Math.max(1.0, b[0] - a[0]));
            }
        }
        return last(points)[1];
    }

    /**
     * Reads the partitions from {@code from} to {@code to} with a plain consumer (no group, no commits), handing each
     * record to {@code handler}, until all are read or {@code deadline} passed. Returns {nanoTime, records so far},
     * from the first record on, every 1,000 records and at the end.
     */
    private static List<long[]> read(Map<String, Object> kafka, Map<TopicPartition, Long> from,
                                     Map<TopicPartition, Long> to, long deadline,
                                     Consumer<ConsumerRecord<String, byte[]>> handler) {
        long expected = sum(to) - sum(from);
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<long[]> points = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long count = 0;
            while (count < expected && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (points.isEmpty() && !records.isEmpty()) {
                    points.add(new long[] {System.nanoTime(), 0});
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.offset() >= to.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    handler.accept(record);
                    count++;
                    if (count % 1000 == 0) {
                        points.add(new long[] {System.nanoTime(), count});
                        if (System.nanoTime() >= deadline) {
                            break;
                        }
                    }
                }
            }
            points.add(new long[] {System.nanoTime(), count});
        }
        return points;
    }

    /** Like {@link #read}, but hands each poll's records (up to 1,000) over at once. */
    private static List<long[]> readBatches(Map<String, Object> kafka, Map<TopicPartition, Long> from,
                                            Map<TopicPartition, Long> to, long deadline,
                                            Consumer<List<ConsumerRecord<String, byte[]>>> handler) {
        long expected = sum(to) - sum(from);
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        List<long[]> points = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long count = 0;
            while (count < expected && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (points.isEmpty() && !records.isEmpty()) {
                    points.add(new long[] {System.nanoTime(), 0});
                }
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.offset() < to.get(new TopicPartition(record.topic(), record.partition()))) {
                        batch.add(record);
                    }
                }
                if (!batch.isEmpty()) {
                    handler.accept(batch);
                    count += batch.size();
                    points.add(new long[] {System.nanoTime(), count});
                }
            }
        }
        return points;
    }

    private static String rates(Sample sample) {
        return sample.values().stream().map(v -> String.format(Locale.ROOT, "%,.0f/s", v)).toList().toString();
    }

    private static long[] last(List<long[]> points) {
        return points.get(points.size() - 1);
    }

    private static long deadLetters(Admin admin) {
        try {
            return sum(BenchTopics.endOffsets(admin, REPORT_DLT));
        } catch (RuntimeException noTopicYet) {
            return 0;
        }
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }
}
