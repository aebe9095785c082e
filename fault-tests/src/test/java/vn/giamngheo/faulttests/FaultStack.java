package vn.giamngheo.faulttests;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import vn.giamngheo.localstack.DemoIdentities;
import vn.giamngheo.localstack.LocalStack;
import vn.giamngheo.localstack.LocalStackPorts;
import vn.giamngheo.localstack.Service;

/**
 * One local stack for a fault test class: the real processes, an HTTP client per service, a MongoDB client that reads
 * the services' databases directly (to compare what they hold with what was acknowledged), and whole-topic reads.
 * Every HTTP call carries a real token from the stack's issuer: the province administrator's by default, a task's
 * lead unit officer's for that unit's own work where the demo has one ({@link #reporterOf}).
 */
final class FaultStack implements AutoCloseable {

    /** Consumer groups and their dead-letter topics, as the services configure them. */
    static final List<String> DEAD_LETTER_TOPICS = List.of("plan.events.task-service.dlt",
            "plan.events.report-service.dlt", "task.events.report-service.dlt",
            "census.households.report-service.dlt");

    final LocalStack stack;
    /** The services as the province administrator. */
    final Api plans;
    final Api tasks;
    final Api reports;
    private final MongoClient mongo;
    /** The lead unit of every task the workloads created, so that the unit's own officer reports on it. */
    private final Map<String, String> leadUnits = new ConcurrentHashMap<>();
    /** One client per lead unit (each has its own connections). */
    private final Map<String, Api> reporters = new ConcurrentHashMap<>();
    private volatile boolean keepData;

    private FaultStack(LocalStack stack) {
        this.stack = stack;
        Supplier<String> admin = user(DemoIdentities.admin());
        this.plans = anonymous(Service.PLAN).as(admin);
        this.tasks = anonymous(Service.TASK).as(admin);
        this.reports = anonymous(Service.REPORT).as(admin);
        this.mongo = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(stack.mongoUri()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(30, TimeUnit.SECONDS))
                .build());
    }

    static FaultStack start(String name) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("giamngheo-fault-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalStack stack = LocalStack.builder().dataDir(dataDir).ports(LocalStackPorts.free()).demoData(false)
                .build();
        long began = System.nanoTime();
        stack.start();
        System.out.printf("FAULT-SUITE %s: stack started in %.1f s (data %s)%n", name,
                (System.nanoTime() - began) / 1e9, dataDir);
        return new FaultStack(stack);
    }

    /** A service as the public sees it: no token. */
    Api anonymous(Service service) {
        return new Api(stack.url(service));
    }

    /** A demo user's tokens: logged in through the issuer's login form once, then renewed before they expire. */
    Supplier<String> user(DemoIdentities.Login login) {
        return () -> stack.tokens().user(login.username(), login.password());
    }

    /** Remembers who leads a task the workload created. */
    void ledBy(String taskId, String unitCode) {
        leadUnits.put(taskId, unitCode);
    }

    /**
     * Who reports on a task, blocks and unblocks it: the officer of its lead unit where the demo has one (the Labour
     * department's and the Construction department's), else the administrator.
     */
    Api reporterOf(String taskId) {
        String lead = leadUnits.get(taskId);
        return lead == null ? tasks : reporters.computeIfAbsent(lead, unit -> DemoIdentities.officerOf(unit)
                .map(officer -> anonymous(Service.TASK).as(user(officer))).orElse(tasks));
    }

    MongoDatabase db(Service service) {
        return mongo.getDatabase(service.databaseName());
    }

    String bootstrap() {
        return stack.kafkaBootstrap();
    }

    /** The broker's address with the stack's admin credentials: every Kafka client of the suite needs them. */
    Map<String, Object> kafka() {
        return stack.kafkaClientProperties();
    }

    /** The same as a properties file, for the command lines' {@code --command-config}. */
    String kafkaCommandConfig() {
        return stack.kafkaAdminClientConfig().toString();
    }

    /** Every record of a topic from the beginning to its current end, in partition and offset order. */
    List<Rec> readAll(String topic) {
        Map<String, Object> config = new HashMap<>(kafka());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-suite-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(20));
            if (infos == null || infos.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition()))
                    .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Rec> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(Rec.of(record));
                }
            }
            records.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                    : Long.compare(a.offset(), b.offset()));
            return records;
        }
    }

    /** Records not yet processed (or processed but not yet committed) by a consumer group, over all partitions. */
    long lag(String group, String topic) {
        Map<String, Object> config = new HashMap<>(kafka());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        Admin admin = Admin.create(config);
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < stack.topicPartitions(); p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            var ends = admin.listOffsets(latest).all().get(20, TimeUnit.SECONDS);
            long lag = 0;
            for (var end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the lag of " + group + " on " + topic, e);
        } finally {
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** Keeps the data directory (with every process's log) for a look after a failure. */
    void keepData() {
        keepData = true;
    }

    @Override
    public void close() {
        mongo.close();
        stack.close();
        if (keepData || Boolean.getBoolean("fault.keep-data")) {
            System.out.println("FAULT-SUITE data and logs kept in " + stack.dataDir());
            return;
        }
        try (Stream<Path> files = Files.walk(stack.dataDir())) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("FAULT-SUITE could not delete " + stack.dataDir() + ": " + e.getMessage());
        }
    }

    /** One record as read from a topic, with its headers as text. */
    record Rec(String topic, int partition, long offset, String key, Map<String, String> headers, byte[] value) {

        static Rec of(ConsumerRecord<byte[], byte[]> record) {
            Map<String, String> headers = new HashMap<>();
            for (Header header : record.headers()) {
                if (header.value() != null && !header.key().startsWith("x-original-partition")
                        && !header.key().startsWith("x-original-offset")
                        && !header.key().startsWith("x-original-timestamp")) {
                    headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                }
            }
            return new Rec(record.topic(), record.partition(), record.offset(),
                    record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), headers,
                    record.value());
        }

        String header(String name) {
            return headers.get(name);
        }
    }
}
