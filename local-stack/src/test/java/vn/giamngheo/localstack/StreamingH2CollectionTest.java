package vn.giamngheo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries of the local stack's MongoDB-wire server read a batch at a time from the store (unsorted, with a batch
 * size), through the MongoDB driver: what the client gets must be what mongo-java-server's own way gives.
 */
class StreamingH2CollectionTest {

    @TempDir
    Path dir;

    @Test
    void an_unsorted_query_with_a_batch_size_returns_every_match_once_projected_skipped_and_limited() {
        // given: 5,000 households of two years, ids whose value order differs from their insertion order
        List<String> ids = TypedH2BackendTest.ids(5_000);
        TypedH2BackendTest.served(MongoWireServerMain.backend(dir.resolve("s.mv"), 16), households -> {
            households.insertMany(households(ids));

            // when: the 2022 households are read 100 at a time without their payload
            List<Document> read = households.find(Filters.eq("year", 2022)).projection(Projections.exclude("payload"))
                    .batchSize(100).into(new ArrayList<>());

            // then: each 2022 household exactly once, none of the other year, none with its payload
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < ids.size(); i += 2) {
                expected.add(ids.get(i));
            }
            assertThat(idsOf(read)).hasSize(expected.size()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(read).allSatisfy(d -> {
                assertThat(d.keySet()).containsExactly("_id", "year", "communeCode");
                assertThat(d.getInteger("year")).isEqualTo(2022);
            });

            // and: a projection that names the fields to keep (the library's projection) keeps just those
            List<Document> included = households.find(Filters.eq("year", 2023))
                    .projection(Projections.include("communeCode")).batchSize(100).into(new ArrayList<>());
            assertThat(included).hasSize(2_500)
                    .allSatisfy(d -> assertThat(d.keySet()).containsExactly("_id", "communeCode"));

            // and: skip and limit select the same stretch of the same order
            List<Document> stretch = households.find(Filters.eq("year", 2022)).skip(10).limit(250).batchSize(100)
                    .into(new ArrayList<>());
            assertThat(idsOf(stretch)).containsExactlyElementsOf(idsOf(read).subList(10, 260));

            // and: a sorted query (the library's own way) is still sorted
            List<Document> sorted = households.find(Filters.eq("year", 2023)).sort(Sorts.descending("_id"))
                    .batchSize(100).into(new ArrayList<>());
            assertThat(idsOf(sorted)).hasSize(2_500).isSortedAccordingTo((a, b) -> b.compareTo(a));
        });
    }

    @Test
    void the_server_keeps_a_cursor_only_while_matches_remain() {
        // given: 100 households of 2022 and 150 of 2023
        List<String> ids = TypedH2BackendTest.ids(250);
        TypedH2BackendTest.served(MongoWireServerMain.backend(dir.resolve("s.mv"), 16), households -> {
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                documents.add(new Document("_id", ids.get(i)).append("year", i < 100 ? 2022 : 2023));
            }
            households.insertMany(documents);

            // when / then: exactly a batch of matches leaves no cursor on the server, one more does
            try (MongoCursor<Document> exact = households.find(Filters.eq("year", 2022)).batchSize(100).cursor()) {
                assertThat(exact.getServerCursor()).isNull();
                assertThat(idsOf(drain(exact))).hasSize(100);
            }
            try (MongoCursor<Document> more = households.find(Filters.eq("year", 2022)).batchSize(99).cursor()) {
                assertThat(more.getServerCursor()).isNotNull();
                assertThat(idsOf(drain(more))).hasSize(100).doesNotHaveDuplicates();
            }
        });
    }

    @Test
    void a_scan_reads_the_store_as_it_is_at_each_batch_and_returns_the_documents_there_throughout_exactly_once() {
        // given: 3,000 households
        List<String> ids = TypedH2BackendTest.ids(3_000);
        TypedH2BackendTest.served(MongoWireServerMain.backend(dir.resolve("s.mv"), 16), households -> {
            households.insertMany(households(ids));
            Set<String> removed = new HashSet<>();
            List<String> read = new ArrayList<>();
            try (MongoCursor<Document> cursor = households.find().batchSize(100).cursor()) {
                // two whole batches: the driver asks for the third only when the next document is wanted
                for (int i = 0; i < 200; i++) {
                    read.add(cursor.next().getString("_id"));
                }

                // when: between batches households are added, changed (every one) and removed (one in ten)
                List<Document> added = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    // after every id of the scan in key order, so still ahead of it
                    added.add(new Document("_id", "zz-added-" + i).append("year", 2024));
                }
                households.insertMany(added);
                households.updateMany(Filters.exists("_id"), new Document("$set", new Document("changed", true)));
                for (int i = 0; i < ids.size(); i += 10) {
                    households.deleteOne(Filters.eq("_id", ids.get(i)));
                    removed.add(ids.get(i));
                }
                read.addAll(idsOf(drain(cursor)));
            }

            // then: no document twice, every one that was there throughout once
            assertThat(read).doesNotHaveDuplicates();
            Set<String> throughout = new HashSet<>(ids);
            throughout.removeAll(removed);
            assertThat(read).containsAll(throughout);
            // and: the later batches were read from the store as it was then, not gathered when the query came: the
            // households added ahead of the scan are there, those removed before it reached them are not
            assertThat(read).filteredOn(id -> id.startsWith("zz-added-")).hasSize(500);
            // (the server has read one match ahead of the batches it sent, to tell whether more will come)
            Set<String> removedUnread = new HashSet<>(removed);
            removedUnread.removeAll(ids.stream().sorted().limit(201).toList());
            assertThat(read).doesNotContainAnyElementsOf(removedUnread);
        });
    }

    @Test
    void skips_limits_and_projections_give_what_the_library_gives_at_the_batch_edges() {
        // given: 5,000 households, 2,500 of 2022, each with a nested field
        List<String> ids = TypedH2BackendTest.ids(5_000);
        TypedH2BackendTest.served(MongoWireServerMain.backend(dir.resolve("s.mv"), 16), households -> {
            List<Document> documents = households(ids);
            documents.forEach(d -> d.append("nested", new Document("a", 1).append("b", 2)));
            households.insertMany(documents);
            int[][] skipLimitBatch = {{0, 50, 100}, {0, 100, 100}, {0, 101, 100}, {0, 250, 100}, {2_490, 0, 100},
                    {2_500, 0, 100}, {3_000, 0, 100}, {7, 0, 1}};
            for (int[] edge : skipLimitBatch) {
                // when: read a batch at a time, and without a batch size (the library's own way, all at once)
                List<Document> streamed = households.find(Filters.eq("year", 2022)).skip(edge[0]).limit(edge[1])
                        .batchSize(edge[2]).into(new ArrayList<>());
                List<Document> gathered = households.find(Filters.eq("year", 2022)).skip(edge[0]).limit(edge[1])
                        .into(new ArrayList<>());

                // then: the same documents in the same order
                assertThat(streamed).as("skip %d, limit %d, batch %d", edge[0], edge[1], edge[2])
                        .isEqualTo(gathered);
            }
            List<Document> projections = List.of(new Document("payload", 0), new Document("_id", 0),
                    new Document("payload", false).append("communeCode", 0L), new Document("payload", 0.0),
                    new Document("communeCode", 1), new Document("nested.a", 0), new Document("nested.b", 1));
            for (Document projection : projections) {
                List<Document> streamed = households.find(Filters.eq("year", 2023)).projection(projection)
                        .batchSize(100).into(new ArrayList<>());
                List<Document> gathered = households.find(Filters.eq("year", 2023)).projection(projection)
                        .into(new ArrayList<>());
                assertThat(streamed).as("projection %s", projection.toJson()).hasSize(2_500).isEqualTo(gathered);
            }

            // and: an invalid projection is refused even when nothing matches, as the library refuses it
            Document invalid = new Document("communeCode", 1).append("payload", 0);
            assertThatThrownBy(() -> households.find(Filters.eq("year", 1999)).projection(invalid).batchSize(10)
                    .into(new ArrayList<>())).isInstanceOf(MongoException.class);
            assertThatThrownBy(() -> households.find(Filters.eq("year", 1999)).projection(invalid)
                    .into(new ArrayList<>())).isInstanceOf(MongoException.class);
        });
    }

    @Test
    void only_projections_that_leave_out_top_level_fields_are_done_as_a_plain_copy() {
        assertThat(StreamingH2Collection.leavesOutTopLevelFieldsOnly(serverSide("a", 0, "b", false, "_id", 0.0,
                "c", 0L))).isTrue();
        assertThat(StreamingH2Collection.leavesOutTopLevelFieldsOnly(serverSide("a", 0, "b", 1))).isFalse();
        assertThat(StreamingH2Collection.leavesOutTopLevelFieldsOnly(serverSide("a.b", 0))).isFalse();
        assertThat(StreamingH2Collection.leavesOutTopLevelFieldsOnly(serverSide("$natural", 0))).isFalse();
        assertThat(StreamingH2Collection.leavesOutTopLevelFieldsOnly(serverSide("a", "x"))).isFalse();
        assertThat(StreamingH2Collection.leavesOutTopLevelFieldsOnly(serverSide("a",
                serverSide("$slice", 1)))).isFalse();
    }

    @Test
    void a_write_that_names_one_id_beside_other_conditions_applies_only_when_they_hold() {
        // given: views at a version, and no index but _id's
        TypedH2BackendTest.served(MongoWireServerMain.backend(dir.resolve("v.mv"), 16), views -> {
            views.insertMany(List.of(new Document("_id", "t-1").append("lastVersion", 3L).append("status", "A"),
                    new Document("_id", "t-2").append("lastVersion", 3L).append("status", "A")));

            // when: one version-checked update expects the version there, one a stale one, one the next
            long applied = views.updateOne(Filters.and(Filters.eq("_id", "t-1"), Filters.eq("lastVersion", 3L)),
                    Updates.combine(Updates.set("status", "B"), Updates.set("lastVersion", 4L))).getMatchedCount();
            long stale = views.updateOne(Filters.and(Filters.eq("_id", "t-2"), Filters.eq("lastVersion", 2L)),
                    Updates.set("status", "C")).getMatchedCount();
            long deleted = views.deleteOne(Filters.and(Filters.eq("_id", "t-2"), Filters.eq("lastVersion", 9L)))
                    .getDeletedCount();

            // then
            assertThat(applied).isEqualTo(1);
            assertThat(stale).isZero();
            assertThat(deleted).isZero();
            assertThat(views.find(Filters.and(Filters.eq("_id", "t-1"), Filters.eq("status", "B"))).first())
                    .containsEntry("lastVersion", 4L);
            assertThat(views.find(Filters.and(Filters.eq("_id", "t-2"), Filters.eq("status", "C"))).first())
                    .isNull();
            assertThat(views.find(Filters.eq("_id", "t-2")).first()).containsEntry("status", "A");

            // and: an upsert whose conditions miss inserts under that id, or is refused if the id is taken
            views.updateOne(Filters.and(Filters.eq("_id", "t-3"), Filters.eq("lastVersion", 0L)),
                    Updates.set("lastVersion", 1L), new com.mongodb.client.model.UpdateOptions().upsert(true));
            assertThat(views.find(Filters.eq("_id", "t-3")).first()).containsEntry("lastVersion", 1L);
            assertThatThrownBy(() -> views.updateOne(Filters.and(Filters.eq("_id", "t-1"),
                    Filters.eq("lastVersion", 0L)), Updates.set("lastVersion", 1L),
                    new com.mongodb.client.model.UpdateOptions().upsert(true))).isInstanceOf(MongoException.class);
        });
    }

    @Test
    void only_one_plain_id_beside_other_conditions_is_looked_up_by_id() {
        assertThat(StreamingH2Collection.singleIdBesideOtherConditions(serverSide("_id", "t-1", "lastVersion", 2L)))
                .isEqualTo("t-1");
        assertThat(StreamingH2Collection.singleIdBesideOtherConditions(serverSide("lastVersion", 2L, "_id", 7)))
                .isEqualTo(7);
        // the library's own index path
        assertThat(StreamingH2Collection.singleIdBesideOtherConditions(serverSide("_id", "t-1"))).isNull();
        // operators, several ids, no id
        assertThat(StreamingH2Collection.singleIdBesideOtherConditions(serverSide("_id",
                serverSide("$in", List.of("a", "b")), "v", 1))).isNull();
        assertThat(StreamingH2Collection.singleIdBesideOtherConditions(serverSide("_id", serverSide("$gt", "a"),
                "v", 1))).isNull();
        assertThat(StreamingH2Collection.singleIdBesideOtherConditions(serverSide("_id", null, "v", 1))).isNull();
        assertThat(StreamingH2Collection.singleIdBesideOtherConditions(serverSide("v", 1, "w", 2))).isNull();
    }

    @Test
    void the_data_size_collstats_reports_is_that_of_the_documents_stored_after_inserts_updates_and_deletes() {
        // given: a server whose collections count their data size when asked for it
        de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(
                MongoWireServerMain.backend(dir.resolve("size.mv"), 16));
        int port = server.bind().getPort();
        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(
                "mongodb://127.0.0.1:" + port)) {
            com.mongodb.client.MongoDatabase database = client.getDatabase("giamngheo_test");
            com.mongodb.client.MongoCollection<Document> tasks = database.getCollection("tasks");
            tasks.insertMany(List.of(new Document("_id", "t-1").append("title", "Tuyên truyền Nghị quyết"),
                    new Document("_id", "t-2").append("title", "Rà soát hộ nghèo"),
                    new Document("_id", "t-3").append("title", "Hỗ trợ sinh kế")));

            // when: one grows, one shrinks, one goes
            tasks.updateOne(Filters.eq("_id", "t-1"), Updates.set("note", "Đã hoàn thành ở 12 xã"));
            tasks.updateOne(Filters.eq("_id", "t-2"), Updates.unset("title"));
            tasks.deleteOne(Filters.eq("_id", "t-3"));

            // then: the size is the BSON size of what is stored now
            long expected = 0;
            for (Document stored : tasks.find()) {
                expected += new org.bson.RawBsonDocument(stored, new org.bson.codecs.DocumentCodec())
                        .getByteBuffer().remaining();
            }
            Document stats = database.runCommand(new Document("collStats", "tasks"));
            assertThat(expected).isPositive();
            assertThat(((Number) stats.get("size")).longValue()).isEqualTo(expected);
        } finally {
            server.shutdown();
        }

        // and: no write recorded a size in the collection's metadata (each would have encoded its document twice)
        org.h2.mvstore.MVStore store = new org.h2.mvstore.MVStore.Builder()
                .fileName(dir.resolve("size.mv").toString()).readOnly().open();
        try {
            List<String> metaMaps = store.getMapNames().stream()
                    .filter(name -> name.startsWith("meta.") && name.endsWith(".tasks")).toList();
            assertThat(metaMaps).hasSize(1);
            assertThat(store.openMap(metaMaps.get(0)).get("dataSize")).isEqualTo(0L);
        } finally {
            store.close();
        }
    }

    /** A document as the server holds it (mongo-java-server's own type). */
    private static de.bwaldvogel.mongo.bson.Document serverSide(Object... namesAndValues) {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            document.append((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return document;
    }

    private static List<Document> households(List<String> ids) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            documents.add(new Document("_id", ids.get(i)).append("year", i % 2 == 0 ? 2022 : 2023)
                    .append("communeCode", "C" + i % 75).append("payload", "x".repeat(200)));
        }
        return documents;
    }

    private static List<Document> drain(MongoCursor<Document> cursor) {
        List<Document> rest = new ArrayList<>();
        cursor.forEachRemaining(rest::add);
        return rest;
    }

    private static List<String> idsOf(List<Document> documents) {
        return documents.stream().map(d -> d.getString("_id")).toList();
    }
}
