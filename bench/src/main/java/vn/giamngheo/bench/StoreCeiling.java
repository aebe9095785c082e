package vn.giamngheo.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bson.Document;
import vn.giamngheo.localstack.MongoWireServerMain;

/**
 * The ceiling row 1 runs into: how many single-document updates per second the local stack's MongoDB-wire server
 * (mongo-java-server, H2 backend, in this JVM) takes from one client, for the shapes of write a task projection can
 * make — the naive baseline's upsert by id, the version-checked update ({_id, lastVersion} through its unique index),
 * the same pushing a history entry, and the last two as unordered bulk writes of 500. No Kafka, no Spring, no service:
 * only the store, so a projection's figure can be read against what the store itself allows.
 *
 * <p>{@code java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" vn.giamngheo.bench.StoreCeiling
 * [tasks] [rounds]} (default 20,000 tasks × 5 rounds = 100,000 updates per shape, in a fresh collection each).
 */
public final class StoreCeiling {

    private enum Shape {
        NAIVE_UPSERT(false, false, false), VERSION_CHECKED(true, false, false), VERSION_CHECKED_WITH_HISTORY(true, true,
                false), VERSION_CHECKED_BULK(true, false, true), VERSION_CHECKED_WITH_HISTORY_BULK(true, true, true);

        final boolean versioned;
        final boolean history;
        final boolean bulk;

        Shape(boolean versioned, boolean history, boolean bulk) {
            this.versioned = versioned;
            this.history = history;
            this.bulk = bulk;
        }
    }

    private StoreCeiling() {
    }

    public static void main(String[] args) throws IOException {
        BenchMain.quietLogging();
        measure(args, System.out);
    }

    static void measure(String[] args, PrintStream out) throws IOException {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("giamngheo-store-ceiling-");
        // the store as the local stack opens it (its page cache included)
        MongoServer server = new MongoServer(MongoWireServerMain.backend(dir.resolve("ceiling.mv"),
                MongoWireServerMain.DEFAULT_CACHE_MB));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            for (Shape shape : Shape.values()) {
                MongoCollection<Document> views = client.getDatabase("ceiling").getCollection(shape.name());
                double perSecond = run(views, shape, tasks, rounds);
                out.printf(Locale.ROOT, "%-36s %,9.0f updates/s (%,d tasks x %d rounds)%n", shape, perSecond,
                        tasks, rounds);
            }
        } finally {
            server.shutdownNow();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static double run(MongoCollection<Document> views, Shape shape, int tasks, int rounds) {
        if (shape.versioned) {
            views.createIndex(Indexes.ascending("_id", "lastVersion"), new IndexOptions().unique(true));
        }
        List<WriteModel<Document>> batch = new ArrayList<>();
        long began = System.nanoTime();
        for (int version = 1; version <= rounds; version++) {
            for (int t = 0; t < tasks; t++) {
                String id = "task-" + t;
                Document set = new Document("planId", "plan-" + (t % 50)).append("status", "IN_PROGRESS")
                        .append("percentComplete", version * 3).append("updatedAt", new Date())
                        .append("lastVersion", (long) version);
                Document update = new Document("$set", set);
                if (shape.history) {
                    update.append("$push", new Document("history", new Document("v", (long) version)
                            .append("at", new Date()).append("type", "task.TaskProgressReported.v1")
                            .append("status", "IN_PROGRESS").append("percent", version * 3)));
                }
                Document filter = shape.versioned ? new Document("_id", id).append("lastVersion", version - 1L)
                        : new Document("_id", id);
                UpdateOptions options = new UpdateOptions().upsert(!shape.versioned || version == 1);
                if (shape.bulk) {
                    batch.add(new UpdateOneModel<>(filter, update, options));
                    if (batch.size() == 500) {
                        views.bulkWrite(batch, new BulkWriteOptions().ordered(false));
                        batch.clear();
                    }
                } else {
                    views.updateOne(filter, update, options);
                }
            }
        }
        if (!batch.isEmpty()) {
            views.bulkWrite(batch, new BulkWriteOptions().ordered(false));
        }
        return (double) tasks * rounds / ((System.nanoTime() - began) / 1e9);
    }
}
