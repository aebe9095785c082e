package vn.giamngheo.report.poverty.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import vn.giamngheo.report.poverty.PovertyProperties;
import vn.giamngheo.report.poverty.domain.EthnicGroups;
import vn.giamngheo.report.poverty.domain.HouseholdRowParser;
import vn.giamngheo.report.poverty.domain.PovertyStandards;
import vn.giamngheo.report.poverty.domain.UnitCrosswalk;
import vn.giamngheo.report.poverty.household.HouseholdStore;
import vn.giamngheo.report.poverty.review.ReviewCommands;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.security.CurrentCaller;

/**
 * Accepts uploads: checks the review can take households, parks the file on disk and runs the import on a
 * background thread, so the upload returns at once with the import's id and its progress can be followed.
 */
@Service
public class ImportService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final java.time.Duration HEARTBEAT = java.time.Duration.ofSeconds(15);
    private static final java.time.Duration STALE_AFTER = java.time.Duration.ofMinutes(2);

    /** The two file formats households are uploaded in. */
    public enum Format { CSV, XLSX }

    private final ReviewCommands reviews;
    private final ImportJobs jobs;
    private final HouseholdImporter importer;
    private final PovertyStandards standards;
    private final UnitCrosswalk units;
    private final EthnicGroups ethnicGroups;
    private final Path uploadDir;
    private final Clock clock;
    private final CurrentCaller caller;
    private final ExecutorService executor;
    private final ScheduledExecutorService heartbeat;
    private final String owner = UUID.randomUUID().toString();

    public ImportService(ReviewCommands reviews, ImportJobs jobs, HouseholdStore households,
                         PovertyStandards standards, UnitCrosswalk units, EthnicGroups ethnicGroups,
                         PovertyProperties properties, Clock clock, CurrentCaller caller) {
        this.reviews = reviews;
        this.jobs = jobs;
        this.importer = new HouseholdImporter(households, jobs, properties.batchSize(), clock);
        this.standards = standards;
        this.units = units;
        this.ethnicGroups = ethnicGroups;
        this.uploadDir = properties.uploadDir();
        this.clock = clock;
        this.caller = caller;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(properties.importThreads(), runnable -> {
            Thread thread = new Thread(runnable, "poverty-import-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "poverty-import-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(this::keepAlive, 0, HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Keeps this instance's jobs alive and fails the jobs of instances that stopped, so no import stays RUNNING
     * forever after a crash (it can simply be uploaded again).
     */
    private void keepAlive() {
        try {
            java.time.Instant now = clock.instant();
            jobs.heartbeat(owner, now);
            long failed = jobs.failInterrupted(now.minus(STALE_AFTER), now);
            if (failed > 0) {
                log.warn("{} poverty imports stopped with their service instance and are marked FAILED", failed);
            }
        } catch (RuntimeException e) {
            log.warn("Import heartbeat failed: {}", e.getMessage());
        }
    }

    /** The format of an upload, from its file name (or content type); 400 when neither says CSV or XLSX. */
    public static Format formatOf(String fileName, String contentType) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || type.startsWith("text/csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".xlsx") || type.contains("spreadsheetml")) {
            return Format.XLSX;
        }
        throw new InvalidInputException("file", "upload a .csv or .xlsx file");
    }

    /** Starts an import of an uploaded file into the year's review (opening it if needed). */
    public ImportStatus submit(int year, String fileName, Format format, InputStream content) {
        HouseholdRowParser parser = parser(year);
        reviews.ensureOpen(year);
        String id = UUID.randomUUID().toString();
        Path file = park(id, format, content);
        jobs.create(id, year, format.name(), fileName, owner, caller.actor(), clock.instant());
        HouseholdStore.Source source = format == Format.CSV ? HouseholdStore.Source.CSV : HouseholdStore.Source.XLSX;
        executor.submit(() -> {
            try {
                importer.run(id, source, rowSource(format, file), parser);
            } finally {
                delete(file);
            }
        });
        return jobs.get(id);
    }

    /** Imports a file on the caller's thread (the demo generator); the file is left in place. */
    public ImportStatus importNow(int year, Path file, Format format, HouseholdStore.Source source, String name) {
        HouseholdRowParser parser = parser(year);
        reviews.ensureOpen(year);
        String id = UUID.randomUUID().toString();
        jobs.create(id, year, source.name(), name, owner, caller.actor(), clock.instant());
        importer.run(id, source, rowSource(format, file), parser);
        return jobs.get(id);
    }

    public HouseholdRowParser parser(int year) {
        return new HouseholdRowParser(year, standards.forYear(year), units, ethnicGroups);
    }

    private static RowSource rowSource(Format format, Path file) {
        return format == Format.CSV ? new CsvRowSource(file) : new XlsxRowSource(file);
    }

    private Path park(String id, Format format, InputStream content) {
        try {
            Files.createDirectories(uploadDir);
            Path file = uploadDir.resolve("poverty-import-" + id + "." + format.name().toLowerCase(Locale.ROOT));
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the upload", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        executor.shutdownNow();
    }
}
