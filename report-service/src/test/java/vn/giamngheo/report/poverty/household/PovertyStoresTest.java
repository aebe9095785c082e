package vn.giamngheo.report.poverty.household;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
