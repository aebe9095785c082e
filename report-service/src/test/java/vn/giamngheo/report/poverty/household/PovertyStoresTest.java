package vn.giamngheo.report.poverty.household;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.giamngheo.report.poverty.domain.AreaType;
import vn.giamngheo.report.poverty.domain.HouseholdRecord;
import vn.giamngheo.report.poverty.imports.ImportJobs;
import vn.giamngheo.report.poverty.imports.ImportStatus;

/** The stores' idempotency and recovery rules, on a MongoDB-wire server without Spring. */
class PovertyStoresTest {

    static MongoServer server;
    static MongoClient client;
    static MongoTemplate mongo;
    static final Instant NOW = Instant.parse("2024-11-01T02:00:00Z");

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        mongo = new MongoTemplate(client, "stores_test");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    static HouseholdRecord household(int year, String code, long income) {
        return new HouseholdRecord(year, code, "03694", AreaType.RURAL, "Thái", 4, income, null, null,
                List.of("LATRINE"));
    }

    @Test
    void a_batch_inserts_new_updates_changed_and_leaves_identical_households_alone() {
        // given
        HouseholdStore store = new HouseholdStore(mongo);
        List<HouseholdStore.Incoming> first = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            first.add(new HouseholdStore.Incoming(household(2022, "S-" + i, 1_000_000), HouseholdStore.Source.CSV,
                    "import-1", i + 2));
        }

        // when
        HouseholdStore.BatchOutcome inserted = store.write(first, NOW);
        HouseholdStore.BatchOutcome again = store.write(first, NOW.plusSeconds(60));
        HouseholdStore.BatchOutcome corrected = store.write(List.of(new HouseholdStore.Incoming(
                household(2022, "S-1", 1_600_000), HouseholdStore.Source.XLSX, "import-2", 9)), NOW);

        // then
        assertThat(inserted).isEqualTo(new HouseholdStore.BatchOutcome(3, 0, 0));
        assertThat(again).isEqualTo(new HouseholdStore.BatchOutcome(0, 0, 3));
        assertThat(store.find(2022, "S-0").orElseThrow().updatedAt()).isEqualTo(NOW);
        assertThat(corrected).isEqualTo(new HouseholdStore.BatchOutcome(0, 1, 0));
        HouseholdStore.Stored s1 = store.find(2022, "S-1").orElseThrow();
        assertThat(s1.record().monthlyIncomePerCapita()).isEqualTo(1_600_000);
        assertThat(s1.source()).isEqualTo("XLSX");
        assertThat(s1.line()).isEqualTo(9);
        assertThat(store.count(2022)).isEqualTo(3);
    }

    @Test
    void a_batch_written_without_looking_up_first_still_updates_changed_and_leaves_identical_households_alone() {
        // given: two households stored by an earlier import
        HouseholdStore store = new HouseholdStore(mongo);
        store.write(List.of(incoming(household(2021, "P-1", 1_000_000), "import-1", 2),
                incoming(household(2021, "P-2", 1_000_000), "import-1", 3)), NOW);

        // when: a batch with both (one corrected) and two new ones is written insert-first
        HouseholdStore.BatchOutcome outcome = store.write(List.of(
                incoming(household(2021, "P-0", 1_100_000), "import-2", 2),
                incoming(household(2021, "P-1", 1_000_000), "import-2", 3),
                incoming(household(2021, "P-2", 1_700_000), "import-2", 4),
                incoming(household(2021, "P-3", 1_300_000), "import-2", 5)), NOW.plusSeconds(60), false);

        // then
        assertThat(outcome).isEqualTo(new HouseholdStore.BatchOutcome(2, 1, 1));
        assertThat(outcome.found()).isEqualTo(2);
        assertThat(store.count(2021)).isEqualTo(4);
        HouseholdStore.Stored unchanged = store.find(2021, "P-1").orElseThrow();
        assertThat(unchanged.importId()).isEqualTo("import-1");
        assertThat(unchanged.updatedAt()).isEqualTo(NOW);
        HouseholdStore.Stored corrected = store.find(2021, "P-2").orElseThrow();
        assertThat(corrected.record().monthlyIncomePerCapita()).isEqualTo(1_700_000);
        assertThat(corrected.importId()).isEqualTo("import-2");
        assertThat(corrected.line()).isEqualTo(4);
        assertThat(store.find(2021, "P-3").orElseThrow().record().monthlyIncomePerCapita()).isEqualTo(1_300_000);
    }

    @Test
    void the_year_and_code_index_made_unique_by_earlier_versions_is_replaced_by_a_plain_one() {
        // given: a database whose households collection has the old unique index
        MongoTemplate older = new MongoTemplate(client, "stores_test_migration");
        older.getCollection(HouseholdStore.COLLECTION).createIndex(Indexes.ascending("year", "householdCode"),
                new IndexOptions().unique(true));

        // when
        HouseholdStore store = new HouseholdStore(older);
        store.write(List.of(incoming(household(2021, "M-1", 1_000_000), "import-1", 2)), NOW, false);

        // then: `_id` stays the only unique key
        List<Document> unique = new ArrayList<>();
        older.getCollection(HouseholdStore.COLLECTION).listIndexes().forEach(index -> {
            if (index.getBoolean("unique", false)) {
                unique.add(index);
            }
        });
        assertThat(unique).isEmpty();
        assertThat(store.find(2021, "M-1")).isPresent();
    }

    @Test
    void a_scan_with_sources_gives_every_household_of_the_year_with_where_it_came_from() {
        // given
        HouseholdStore store = new HouseholdStore(mongo);
        store.write(List.of(incoming(household(2020, "Q-1", 1_000_000), "import-1", 2)), NOW);
        store.write(List.of(new HouseholdStore.Incoming(household(2020, "Q-2", 1_000_000),
                HouseholdStore.Source.DEMO, "demo", 2)), NOW);
        store.write(List.of(incoming(household(2019, "Q-3", 1_000_000), "import-1", 2)), NOW);

        // when
        Map<String, String> sources = new TreeMap<>();
        store.forEachWithSource(2020, (record, source) -> sources.put(record.householdCode(), source));

        // then
        assertThat(sources).containsExactly(Map.entry("Q-1", "CSV"), Map.entry("Q-2", "DEMO"));
    }

    static HouseholdStore.Incoming incoming(HouseholdRecord record, String importId, long line) {
        return new HouseholdStore.Incoming(record, HouseholdStore.Source.CSV, importId, line);
    }

    @Test
    void intake_records_apply_only_when_newer_than_the_last_applied_version() {
        // given
        HouseholdStore store = new HouseholdStore(mongo);

        // when
        boolean v2 = store.applyIntake(household(2023, "K-1", 1_000_000), 2, NOW);
        boolean v1Late = store.applyIntake(household(2023, "K-1", 9_000_000), 1, NOW);
        boolean v2Again = store.applyIntake(household(2023, "K-1", 9_000_000), 2, NOW);
        boolean v3 = store.applyIntake(household(2023, "K-1", 1_200_000), 3, NOW);

        // then
        assertThat(List.of(v2, v1Late, v2Again, v3)).containsExactly(true, false, false, true);
        HouseholdStore.Stored stored = store.find(2023, "K-1").orElseThrow();
        assertThat(stored.record().monthlyIncomePerCapita()).isEqualTo(1_200_000);
        assertThat(stored.intakeVersion()).isEqualTo(3);
        assertThat(stored.source()).isEqualTo("KAFKA");
    }

    @Test
    void only_jobs_whose_instance_stopped_beating_are_failed_as_interrupted() {
        // given: a job of a live instance, one of a stopped instance, a finished one
        ImportJobs jobs = new ImportJobs(mongo);
        jobs.create("live", 2024, "CSV", "a.csv", "instance-a", NOW.minus(Duration.ofMinutes(10)));
        jobs.create("dead", 2024, "CSV", "b.csv", "instance-b", NOW.minus(Duration.ofMinutes(10)));
        jobs.create("done", 2024, "CSV", "c.csv", "instance-b", NOW.minus(Duration.ofMinutes(10)));
        jobs.started("live", List.of());
        jobs.completed("done", NOW.minus(Duration.ofMinutes(9)));

        // when
        jobs.heartbeat("instance-a", NOW);
        long failed = jobs.failInterrupted(NOW.minus(Duration.ofMinutes(2)), NOW);

        // then
        assertThat(failed).isEqualTo(1);
        assertThat(jobs.get("dead").state()).isEqualTo(ImportStatus.FAILED);
        assertThat(jobs.get("dead").failure()).contains("upload the file again");
        assertThat(jobs.get("live").state()).isEqualTo(ImportStatus.RUNNING);
        assertThat(jobs.get("done").state()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(jobs.running(2024)).isTrue();
    }
}
