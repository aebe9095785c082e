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

    /** Where a service's relay copies the published events of an aggregate collection (service-support's ChangeLog). */
    private static final String LOG_SUFFIX = "_log";

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
     * aggregate (a document with an outbox) counts only the changes people and machines made through the API, read
     * from the actors in its events' payloads (still in its outbox or already in its collection's {@code _log}).
     * Changes a service makes by itself ({@code SYSTEM}: the task-service's overdue check, the report-service's
     * scheduled alert check, both on timers) are no answer to a request, so they may happen during a refusal without
     * meaning anything. The {@code _log} collections themselves are not listed: each of their entries is a change of
     * an aggregate listed here, copied by the relay whenever it publishes.
     */
    Map<String, List<String>> fingerprint(Service service) {
        Map<String, List<String>> fingerprint = new TreeMap<>();
        MongoDatabase db = db(service);
        for (String collection : db.listCollectionNames()) {
            if (collection.endsWith(LOG_SUFFIX)) {
                continue;
            }
            List<String> documents = new ArrayList<>();
            // The documents before the log: an event the relay moves in between is then seen twice, never not at all.
            List<Document> stored = db.getCollection(collection).find().into(new ArrayList<>());
            Map<Object, List<Document>> logged = new HashMap<>();
            for (Document entry : db.getCollection(collection + LOG_SUFFIX).find()) {
                logged.computeIfAbsent(entry.get("aggregateId"), id -> new ArrayList<>()).add(entry);
            }
            for (Document document : stored) {
                Object id = document.get("_id");
                if (document.containsKey("outbox")) {
                    List<String> requested = requestedChanges(document, logged.getOrDefault(id, List.of()));
                    if (!requested.isEmpty()) {
                        documents.add(id + "@" + requested);
                    }
                    continue;
                }
                document.remove("lease");
                Object version = document.get("version");
                documents.add(id + "@" + (version != null ? version : document.toJson().hashCode()));
            }
            documents.sort(String::compareTo);
            fingerprint.put(collection, documents);
        }
        return fingerprint;
    }

    /** "version:type" of the aggregate's changes whose actor is not the service itself, oldest first. */
    private static List<String> requestedChanges(Document aggregate, List<Document> logged) {
        Map<Long, Document> changes = new TreeMap<>();
        for (Document pending : aggregate.getList("outbox", Document.class)) {
            changes.put(((Number) pending.get("version")).longValue(), pending);
        }
        for (Document entry : logged) {
            changes.putIfAbsent(((Number) entry.get("version")).longValue(), entry);
        }
        return changes.entrySet().stream()
                .filter(change -> !"SYSTEM".equals(actorKind(change.getValue().getString("payload"))))
                .map(change -> change.getKey() + ":" + change.getValue().getString("type")).toList();
    }

    private static String actorKind(String payload) {
        Document actor = Document.parse(payload).get("actor", Document.class);
        return actor == null ? null : actor.getString("kind");
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
