package vn.giamngheo.report.poverty.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.giamngheo.report.poverty.domain.HouseholdRowParser;
import vn.giamngheo.report.poverty.domain.PovertyStandard;
import vn.giamngheo.report.poverty.household.HouseholdStore;
import vn.giamngheo.report.poverty.reference.ReferenceData;

/**
 * Imports over several batches, on a MongoDB-wire server without Spring: a batch after one that found no stored
 * household is inserted without reading first, and must still tell new, changed and unchanged households apart.
 */
class HouseholdImporterTest {

    static final int YEAR = 2024;
    static final ReferenceData DATA = ReferenceData.load();
    static final PovertyStandard STANDARD = DATA.standards().forYear(YEAR);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-11-01T02:00:00Z"), ZoneOffset.UTC);

    static MongoServer server;
    static MongoClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void imports_over_several_batches_count_new_changed_and_unchanged_households_as_a_single_batch_would()
            throws IOException {
        // given: batches of three rows, and a review already holding H-1 … H-7 from a first import
        MongoTemplate mongo = new MongoTemplate(client, "importer_" + UUID.randomUUID().toString().substring(0, 8));
        HouseholdStore households = new HouseholdStore(mongo);
        ImportJobs jobs = new ImportJobs(mongo);
        HouseholdImporter importer = new HouseholdImporter(households, jobs, 3, CLOCK);
        List<String> first = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            first.add(row("H-" + i, 1_000_000 + i));
        }
        first.add(3, row("H-BAD", 1_000_000).replace(",4,", ",0,"));
        ImportCounts firstImport = run(importer, jobs, file("first.csv", first));

        // when: a second file starts with new households (so its next batches insert first), then meets stored
        // ones, one of them changed, among more new ones
        ImportCounts second = run(importer, jobs, file("second.csv", List.of(row("Z-1", 900_000),
                row("Z-2", 900_000), row("Z-3", 900_000), row("Z-4", 900_000), row("H-1", 1_000_001),
                row("H-2", 2_500_000), row("Z-5", 900_000), row("H-3", 1_000_003))));
        long correctedIncome = households.find(YEAR, "H-2").orElseThrow().record().monthlyIncomePerCapita();
        // and: the first file again (which changes H-2 back), with H-5 changed
        List<String> again = new ArrayList<>(first);
        again.set(5, row("H-5", 1_800_000));
        ImportCounts third = run(importer, jobs, file("third.csv", again));

        // then
        assertThat(firstImport).isEqualTo(new ImportCounts(8, 7, 0, 0, 1, 1));
        assertThat(second).isEqualTo(new ImportCounts(8, 5, 1, 2, 0, 0));
        assertThat(correctedIncome).isEqualTo(2_500_000);
        assertThat(third).isEqualTo(new ImportCounts(8, 0, 2, 5, 1, 1));
        assertThat(households.count(YEAR)).isEqualTo(12);
        assertThat(households.find(YEAR, "H-2").orElseThrow().record().monthlyIncomePerCapita())
                .isEqualTo(1_000_002);
        assertThat(households.find(YEAR, "H-5").orElseThrow().record().monthlyIncomePerCapita())
                .isEqualTo(1_800_000);
        assertThat(households.find(YEAR, "Z-5").orElseThrow().line()).isEqualTo(8);
    }

    @Test
    void a_batch_that_cannot_be_written_fails_the_import_with_what_was_stored_before_it() throws IOException {
        // given: a store whose second batch fails, batches of three rows
        MongoTemplate mongo = new MongoTemplate(client, "importer_" + UUID.randomUUID().toString().substring(0, 8));
        AtomicInteger writes = new AtomicInteger();
        HouseholdStore households = new HouseholdStore(mongo) {
            @Override
            public BatchOutcome write(List<Incoming> batch, Instant now, boolean lookUpFirst) {
                if (writes.incrementAndGet() == 2) {
                    throw new IllegalStateException("database unavailable");
                }
                return super.write(batch, now, lookUpFirst);
            }
        };
        ImportJobs jobs = new ImportJobs(mongo);
        HouseholdImporter importer = new HouseholdImporter(households, jobs, 3, CLOCK);
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            rows.add(row("F-" + i, 1_000_000 + i));
        }
        String id = UUID.randomUUID().toString();
        Path file = file("failing.csv", rows);
        jobs.create(id, YEAR, "CSV", file.getFileName().toString(), CLOCK.instant());

        // when
        ImportCounts counts = importer.run(id, HouseholdStore.Source.CSV, new CsvRowSource(file),
                new HouseholdRowParser(YEAR, STANDARD, DATA.units(), DATA.ethnicGroups()));

        // then: the first batch is stored and counted, nothing after the failed one is written
        ImportStatus status = jobs.get(id);
        assertThat(status.state()).isEqualTo(ImportStatus.FAILED);
        assertThat(status.failure()).contains("database unavailable").contains("upload the file again");
        assertThat(counts.inserted()).isEqualTo(3);
        assertThat(writes.get()).isEqualTo(2);
        assertThat(households.count(YEAR)).isEqualTo(3);
    }

    private static ImportCounts run(HouseholdImporter importer, ImportJobs jobs, Path file) {
        String id = UUID.randomUUID().toString();
        jobs.create(id, YEAR, "CSV", file.getFileName().toString(), CLOCK.instant());
        ImportCounts counts = importer.run(id, HouseholdStore.Source.CSV, new CsvRowSource(file),
                new HouseholdRowParser(YEAR, STANDARD, DATA.units(), DATA.ethnicGroups()));
        assertThat(jobs.get(id).state()).isEqualTo(ImportStatus.COMPLETED);
        return counts;
    }

    private Path file(String name, List<String> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", HouseholdRowParser.columnsOf(STANDARD)));
        lines.addAll(rows);
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static String row(String code, long income) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (String column : HouseholdRowParser.columnsOf(STANDARD)) {
            cells.put(column, column.matches("[A-Z_]+") ? (column.equals("LATRINE") ? "1" : "0") : "");
        }
        cells.put("householdCode", code);
        cells.put("communeCode", "03694");
        cells.put("areaType", "RURAL");
        cells.put("ethnicGroup", "Thái");
        cells.put("members", "4");
        cells.put("monthlyIncomePerCapita", String.valueOf(income));
        return String.join(",", cells.values());
    }
}
