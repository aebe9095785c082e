package vn.giamngheo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MongoDB-wire server's store with typed maps (index keys compared as values, documents as BSON), through the
 * MongoDB driver.
 */
class TypedH2BackendTest {

    @TempDir
    Path dir;

    /**
     * Ids whose order as values differs from the order of their serialised bytes, which begin with the length:
     * "kk7" sorts before "k10" as a value but after it as bytes.
     */
    static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "k".repeat(1 + i % 7) + i).toList();
    }

    static void served(H2Backend backend, Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        int port = server.bind().getPort();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            use.accept(client.getDatabase("giamngheo_test").getCollection("tasks"));
        } finally {
            server.shutdown();
        }
    }

    static void everyDocumentIsFoundByItsKeysAndNoKeyTwice(MongoCollection<Document> tasks, List<String> ids) {
        for (String id : ids) {
            assertThat(tasks.find(Filters.eq("_id", id)).first()).as("by _id %s", id).isNotNull();
            assertThat(tasks.find(Filters.eq("code", "C-" + id)).first()).as("by code of %s", id).isNotNull();
        }
        assertThatThrownBy(() -> tasks.insertOne(new Document("_id", ids.get(3)).append("code", "new")))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(ErrorCategory.fromErrorCode(e.getCode()))
                                .isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThatThrownBy(() -> tasks.insertOne(new Document("_id", "new").append("code", "C-" + ids.get(5))))
                .isInstanceOf(MongoWriteException.class);
    }

    @Test
    void a_store_written_in_the_old_key_order_finds_every_document_once_opened_by_the_local_stack() {
        // given: a store written by mongo-java-server's own H2 backend (index keys ordered by their serialised bytes)
        Path file = dir.resolve("written-before.mv");
        List<String> ids = ids(2_000);
        served(writtenBefore(file), tasks -> storeTasks(tasks, ids));

        // when: the local stack's server opens it (and rebuilds its index maps)
        served(MongoWireServerMain.backend(file, 16), tasks -> {
            // then: every document is found through both unique indexes, and a duplicate of either key is refused
            everythingStoredIsFound(tasks, ids);
            tasks.insertOne(new Document("_id", "after").append("code", "C-after"));
        });

        // and: opened once more (marked, nothing rebuilt), the same holds, the new document included
        List<String> all = new ArrayList<>(ids);
        all.add("after");
        served(MongoWireServerMain.backend(file, 16), tasks -> everythingStoredIsFound(tasks, all));
    }

    @Test
    void a_new_store_keeps_every_database_it_created_across_restarts() {
        // given: a new store, whose database and collection are created while the server runs
        Path file = dir.resolve("restarted.mv");
        List<String> ids = ids(500);
        served(MongoWireServerMain.backend(file, 16), tasks -> storeTasks(tasks, ids));

        // when: the server starts on it again, twice
        for (int start = 1; start <= 2; start++) {
            // then
            served(MongoWireServerMain.backend(file, 16), tasks -> everythingStoredIsFound(tasks, ids));
        }
    }

    @Test
    void the_backend_refuses_a_store_written_before_until_it_is_converted() {
        // given: a store written by mongo-java-server's own H2 backend
        Path file = dir.resolve("unconverted.mv");
        List<String> ids = ids(10);
        served(writtenBefore(file), tasks -> storeTasks(tasks, ids));

        // when / then: opened without its conversion, it is refused rather than read with the wrong types
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        try {
            assertThatThrownBy(() -> new TypedH2Backend(store)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("convert");
        } finally {
            store.close();
        }
        // and: converted, it is read
        served(MongoWireServerMain.backend(file, 16), tasks -> everythingStoredIsFound(tasks, ids));
    }

    /** What {@link #storeTasks} stored, by both unique keys, no key twice, and the rich document whole. */
    static void everythingStoredIsFound(MongoCollection<Document> tasks, List<String> ids) {
        everyDocumentIsFoundByItsKeysAndNoKeyTwice(tasks, ids);
        assertThat(tasks.find(Filters.eq("_id", "rich")).first()).isEqualTo(richDocument("rich"));
    }

    /** A store as mongo-java-server's own H2 backend writes it (index keys ordered by their serialised bytes). */
    static H2Backend writtenBefore(Path file) {
        return new H2Backend(new MVStore.Builder().fileName(file.toString()).open());
    }

    /** A unique index on code, one document per id, and the rich document. */
    static void storeTasks(MongoCollection<Document> tasks, List<String> ids) {
        tasks.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
        List<Document> documents = new ArrayList<>();
        ids.forEach(id -> documents.add(new Document("_id", id).append("code", "C-" + id)));
        tasks.insertMany(documents);
        tasks.insertOne(richDocument("rich"));
    }

    /** A document with a value of every kind the services store. */
    static Document richDocument(String id) {
        return new Document("_id", id).append("code", "C-" + id).append("text", "Thuận Châu, Sơn La")
                .append("int", 42).append("long", 40_000_000_000L).append("double", 0.125).append("flag", true)
                .append("nothing", null).append("at", new Date(1_700_000_000_123L))
                .append("objectId", new ObjectId("65a1b2c3d4e5f6a7b8c9d0e1"))
                .append("nested", new Document("reached", 12).append("total", 15))
                .append("list", List.of("HEALTH_INSURANCE", "HOUSING_AREA"))
                .append("outbox", List.of(new Document("eventId", "e-1").append("version", 3L)));
    }

    @Test
    void keys_of_every_kind_are_found_and_never_stored_twice_in_a_new_store() {
        // given: a new store, and _id values of the kinds services use
        Path file = dir.resolve("new.mv");
        List<Object> keys = new ArrayList<>(ids(300));
        keys.addAll(List.of(42, 7L, 2.5, -1, new ObjectId(), new Date(1_700_000_000_000L), true,
                new Document("plan", "KH-61").append("year", 2025), "", "Sơn La"));

        H2Backend backend = MongoWireServerMain.backend(file, 16);
        served(backend, tasks -> {
            tasks.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            // when: one document per key is inserted
            for (int i = 0; i < keys.size(); i++) {
                tasks.insertOne(new Document("_id", keys.get(i)).append("code", "C-" + i));
            }

            // then: each is found by its key, and inserting any key again is refused
            for (int i = 0; i < keys.size(); i++) {
                Object key = keys.get(i);
                Document found = tasks.find(Filters.eq("_id", key)).first();
                assertThat(found).as("by _id %s", key).isNotNull();
                assertThat(found.getString("code")).as("by _id %s", key).isEqualTo("C-" + i);
                assertThatThrownBy(() -> tasks.insertOne(new Document("_id", key).append("code", "other")))
                        .as("again %s", key).isInstanceOf(MongoWriteException.class);
            }
            assertThat(tasks.countDocuments()).isEqualTo(keys.size());
            // and: the maps the server created for the new collection are typed: its index maps (_id and code)
            // compare keys as values, its document map stores BSON
            MVStore store = backend.getMvStore();
            assertThat(store.getMapNames().stream().filter(name -> name.contains(".tasks._index_")).toList())
                    .hasSize(2).allSatisfy(name -> assertThat(store.openMap(name).getKeyType())
                            .isSameAs(IndexKeyType.INSTANCE));
            assertThat(store.openMap("databases.giamngheo_test.tasks").getValueType())
                    .isSameAs(DocumentType.INSTANCE);
        });
    }
}
