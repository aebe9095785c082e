package vn.giamngheo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
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
