package vn.giamngheo.report.poverty.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.giamngheo.report.poverty.demo.DemoHouseholds;
import vn.giamngheo.report.poverty.domain.AlkireFoster;
import vn.giamngheo.report.poverty.domain.AreaKind;
import vn.giamngheo.report.poverty.domain.AreaRate;
import vn.giamngheo.report.poverty.domain.HouseholdRowParser;
import vn.giamngheo.report.poverty.domain.MpiResult;
import vn.giamngheo.report.poverty.domain.MpiSpec;
import vn.giamngheo.report.poverty.domain.PovertyStandard;
import vn.giamngheo.report.poverty.domain.RateTable;
import vn.giamngheo.report.poverty.household.HouseholdStore;
import vn.giamngheo.report.poverty.imports.CsvRowSource;
import vn.giamngheo.report.poverty.imports.HouseholdImporter;
import vn.giamngheo.report.poverty.imports.ImportCounts;
import vn.giamngheo.report.poverty.imports.ImportJobs;
import vn.giamngheo.report.poverty.reference.ReferenceData;

/**
 * Measures a province-size review: imports a generated CSV of N households through the real importer (streaming
 * read, validation, unordered bulk writes of 1,000) into a MongoDB-wire server, imports it again (all unchanged),
 * then aggregates every area's rates and the MPI by commune from the stored households. Prints wall time, the heap's
 * peak use and the process's peak resident memory. A bench, not a test: see the README for the commands.
 *
 * <p>Usage: {@code PovertyImportBench generate <file> <households>} then
 * {@code PovertyImportBench import <file> <mongodb-uri>}.
 */
public final class PovertyImportBench {

    private static final int YEAR = 2024;

    private PovertyImportBench() {
    }

    public static void main(String[] args) throws IOException {
        ReferenceData data = ReferenceData.load();
        PovertyStandard standard = data.standards().forYear(YEAR);
        if (args.length == 3 && args[0].equals("generate")) {
            long start = System.nanoTime();
            Path file = new DemoHouseholds(2024, Integer.parseInt(args[2]), data.units())
                    .writeCsv(YEAR, YEAR, standard, Path.of(args[1]));
            System.out.printf("generated %s: %,d bytes in %.1f s%n", file, Files.size(file), seconds(start));
            return;
        }
        if (args.length != 3 || !args[0].equals("import")) {
            System.err.println("usage: generate <file> <households> | import <file> <mongodb-uri>");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        try (MongoClient client = MongoClients.create(args[2])) {
            MongoTemplate mongo = new MongoTemplate(client, "bench_" + UUID.randomUUID().toString().substring(0, 8));
            HouseholdStore households = new HouseholdStore(mongo);
            ImportJobs jobs = new ImportJobs(mongo);
            HouseholdImporter importer = new HouseholdImporter(households, jobs, 1000, Clock.systemUTC());
            HouseholdRowParser parser = new HouseholdRowParser(YEAR, standard, data.units(), data.ethnicGroups());
            System.out.printf("file %s: %,d bytes%n", file, Files.size(file));

            ImportCounts first = run(importer, jobs, parser, file, "first import");
            ImportCounts second = run(importer, jobs, parser, file, "same file again");

            long start = System.nanoTime();
            RateTable rates = new RateTable(YEAR, standard, data.units(), data.ethnicGroups());
            AlkireFoster measure = new AlkireFoster(new MpiSpec(MpiSpec.equalNestedWeights(standard),
                    MpiSpec.defaultK(standard)));
            AlkireFoster.Accumulator province = measure.accumulator();
            households.forEach(YEAR, household -> {
                rates.add(household);
                province.add(household.deprived());
            });
            List<AreaRate> results = rates.results();
            MpiResult mpi = province.result();
            double aggregate = seconds(start);
            AreaRate total = results.stream().filter(r -> r.kind() == AreaKind.PROVINCE).findFirst().orElseThrow();
            System.out.printf("aggregate: %,d households, %d areas, MPR %s%%, poor %s%%, MPI H=%s M0=%s in %.1f s%n",
                    total.households(), results.size(), total.multidimensionalPovertyRate(), total.poorRate(),
                    mpi.h().toDecimal(4), mpi.m0().toDecimal(4), aggregate);
            System.out.printf("check: first import inserted %,d rejected %,d; second unchanged %,d inserted %,d%n",
                    first.inserted(), first.rejected(), second.unchanged(), second.inserted());
            System.out.printf("peak heap used (sum of the pools' peaks, an upper bound): %,d MB (max heap %,d MB); "
                    + "peak RSS (VmHWM): %s%n",
                    peakHeap() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024), vmHwm());
        }
    }

    private static ImportCounts run(HouseholdImporter importer, ImportJobs jobs, HouseholdRowParser parser, Path file,
                                    String label) {
        String id = UUID.randomUUID().toString();
        jobs.create(id, YEAR, "CSV", file.getFileName().toString(), Clock.systemUTC().instant());
        long start = System.nanoTime();
        ImportCounts counts = importer.run(id, HouseholdStore.Source.CSV, new CsvRowSource(file), parser);
        double took = seconds(start);
        System.out.printf("%s: %,d rows (%,d inserted, %,d updated, %,d unchanged, %,d rejected) in %.1f s = "
                        + "%,.0f rows/s; state %s%n", label, counts.rowsRead(), counts.inserted(), counts.updated(),
                counts.unchanged(), counts.rejected(), took, counts.rowsRead() / took, jobs.get(id).state());
        return counts;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static String vmHwm() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.substring(6).trim()).findFirst().orElse("n/a");
        } catch (IOException e) {
            return "n/a";
        }
    }
}
