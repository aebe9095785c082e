package vn.giamngheo.systemtests;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import vn.giamngheo.localstack.LocalStack;
import vn.giamngheo.localstack.Service;

/**
 * What the running services have stored, read directly from the stack's MongoDB-wire server (as an operator would, not
 * through the services), and whether they are still busy: events waiting in outboxes, records their consumer groups
 * have not processed yet.
 */
final class StoredState implements AutoCloseable {

    /** The services' consumer groups and the topics each consumes, as their application.yml names them. */
    static final Map<String, List<String>> CONSUMED = Map.of(
            "task-service", List.of("plan.events"),
            "report-service", List.of("plan.events", "task.events", "census.households"));

    private final LocalStack stack;
    private final MongoClient mongo;

    StoredState(LocalStack stack) {
        this.stack = stack;
        this.mongo = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(stack.mongoUri()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(30, TimeUnit.SECONDS))
                .build());
    }

    MongoDatabase db(Service service) {
        return mongo.getDatabase(service.databaseName());
    }

    /**
     * What a service has stored, compact enough to compare before and after a refused request, like the component
     * tests' {@code MongoFingerprint} but for a stack that lives on: per collection, every document's id with its
     * version (or its content without the relay's {@code outbox} and {@code lease} when it has none) — except that an
     * aggregate (a document with an audit trail) counts only the changes people and machines made through the API.
     * Changes a service makes by itself ({@code SYSTEM}: the task-service's overdue check, the report-service's
     * scheduled alert check, both on timers) are no answer to a request, so they may happen during a refusal without
     * meaning anything.
     */
    Map<String, List<String>> fingerprint(Service service) {
        Map<String, List<String>> fingerprint = new TreeMap<>();
        MongoDatabase db = db(service);
        for (String collection : db.listCollectionNames()) {
            List<String> documents = new ArrayList<>();
            for (Document document : db.getCollection(collection).find()) {
                Object id = document.get("_id");
                List<Document> audit = document.containsKey("audit")
                        ? document.getList("audit", Document.class) : null;
                if (audit != null) {
                    List<String> requested = audit.stream().filter(entry -> !"SYSTEM".equals(
                            entry.get("actor", new Document()).getString("kind")))
                            .map(entry -> entry.get("version") + ":" + entry.getString("type")).toList();
                    if (!requested.isEmpty()) {
                        documents.add(id + "@" + requested);
                    }
                    continue;
                }
                document.remove("outbox");
                document.remove("lease");
                Object version = document.get("version");
                documents.add(id + "@" + (version != null ? version : document.toJson().hashCode()));
            }
            documents.sort(String::compareTo);
            fingerprint.put(collection, documents);
        }
        return fingerprint;
    }

    /** Events stored but not yet published, over every service. */
    long pendingEvents() {
        long pending = 0;
        for (Service service : Service.values()) {
            MongoDatabase db = db(service);
            for (String collection : db.listCollectionNames()) {
                for (Document document : db.getCollection(collection).find(Filters.exists("outbox.0"))) {
                    pending += document.getList("outbox", Object.class).size();
                }
            }
        }
        return pending;
    }

    /** Records on the consumed topics that the services' consumer groups have not committed yet. */
    long consumerLag() {
        Map<String, Object> config = new HashMap<>(stack.kafkaClientProperties());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        Admin admin = Admin.create(config);
        try {
            long lag = 0;
            for (Map.Entry<String, List<String>> group : CONSUMED.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (String topic : group.getValue()) {
                    for (int p = 0; p < stack.topicPartitions(); p++) {
                        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                    }
                }
                for (var end : admin.listOffsets(latest).all().get(20, TimeUnit.SECONDS).entrySet()) {
                    OffsetAndMetadata done = committed.get(end.getKey());
                    lag += end.getValue().offset() - (done == null ? 0 : done.offset());
                }
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the consumer groups' lag", e);
        } finally {
            admin.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() {
        mongo.close();
    }

    /**
     * Deletes a stopped stack's data directory (with every process's log), unless {@code -Dsystem.keep-data=true}
     * asks to keep it for a look.
     */
    static void deleteDataDir(Path dataDir) {
        if (dataDir == null || Boolean.getBoolean("system.keep-data")) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("Could not delete " + dataDir + ": " + e.getMessage());
        }
    }
}
