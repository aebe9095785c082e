package vn.giamngheo.report.poverty.imports;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.giamngheo.report.poverty.domain.HouseholdRowParser;
import vn.giamngheo.report.poverty.domain.RowError;
import vn.giamngheo.report.poverty.household.HouseholdStore;

/**
 * Runs one import: streams the rows, validates each, stores the good ones in bulk batches and records the bad ones
 * with their line and reason — a bad row never stops the good ones. A household code seen twice in the same file
 * is refused the second time (naming the first line), since one of the two answers must be wrong. Progress is
 * written after every batch. Memory stays bounded by the batch size, plus the codes already seen in the file.
 */
public final class HouseholdImporter {

    private static final Logger log = LoggerFactory.getLogger(HouseholdImporter.class);

    private final HouseholdStore households;
    private final ImportJobs jobs;
    private final int batchSize;
    private final Clock clock;

    public HouseholdImporter(HouseholdStore households, ImportJobs jobs, int batchSize, Clock clock) {
        this.households = households;
        this.jobs = jobs;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** Imports a file; failures of the file as a whole end the job FAILED with the reason. */
    public ImportCounts run(String importId, HouseholdStore.Source source, RowSource rows, HouseholdRowParser parser) {
        Run run = new Run(importId, source, rows, parser);
        try {
            rows.read(run);
            run.flush();
            jobs.completed(importId, clock.instant());
            return run.counts();
        } catch (ImportFileException e) {
            jobs.failed(importId, e.getMessage(), clock.instant());
            return run.counts();
        } catch (IOException | RuntimeException e) {
            log.error("Import {} failed", importId, e);
            jobs.failed(importId, "The import stopped: " + e.getMessage()
                    + ". Rows stored so far stay; upload the file again to finish (nothing is stored twice).",
                    clock.instant());
            return run.counts();
        }
    }

    private final class Run implements RowSource.RowHandler {
        private final String importId;
        private final HouseholdStore.Source source;
        private final RowSource rows;
        private final HouseholdRowParser parser;
        private final Map<String, Long> firstLineOfCode = new HashMap<>();
        private final List<HouseholdStore.Incoming> batch = new ArrayList<>();
        private final List<RowError> batchErrors = new ArrayList<>();
        private long rowsRead;
        private long inserted;
        private long updated;
        private long unchanged;
        private long rejected;
        private long errors;
        // Whether the next batch reads the stored fingerprints before writing: needless while the last batch found
        // none (a first import), worth it while households are found (a re-import).
        private boolean lookUpFirst = true;

        Run(String importId, HouseholdStore.Source source, RowSource rows, HouseholdRowParser parser) {
            this.importId = importId;
            this.source = source;
            this.rows = rows;
            this.parser = parser;
        }

        @Override
        public void header(List<String> columns) {
            LinkedHashSet<String> header = new LinkedHashSet<>(columns);
            List<String> missing = parser.missingColumns(header);
            if (!missing.isEmpty()) {
                throw new ImportFileException("Thiếu cột (missing columns): " + String.join(", ", missing)
                        + ". Các cột của chuẩn " + parser.standard().code() + ": " + String.join(", ",
                        parser.columns()));
            }
            jobs.started(importId, parser.unknownColumns(header));
        }

        @Override
        public void row(long line, Map<String, String> cells) {
            rowsRead++;
            HouseholdRowParser.Outcome outcome = parser.parse(cells, line);
            if (outcome.accepted()) {
                String code = outcome.record().householdCode();
                Long first = firstLineOfCode.putIfAbsent(code, line);
                if (first == null) {
                    batch.add(new HouseholdStore.Incoming(outcome.record(), source, importId, line));
                } else {
                    reject(List.of(new RowError(line, code, HouseholdRowParser.HOUSEHOLD_CODE,
                            "mã hộ trùng với dòng " + first + " (duplicate of line " + first + ")")));
                }
            } else {
                reject(outcome.errors());
            }
            if (batch.size() + batchErrors.size() >= batchSize) {
                flush();
            }
        }

        private void reject(List<RowError> rowErrors) {
            rejected++;
            errors += rowErrors.size();
            batchErrors.addAll(rowErrors);
        }

        void flush() {
            HouseholdStore.BatchOutcome outcome = households.write(batch, clock.instant(), lookUpFirst);
            lookUpFirst = outcome.found() > 0;
            inserted += outcome.inserted();
            updated += outcome.updated();
            unchanged += outcome.unchanged();
            jobs.progress(importId, counts(), rows.percent(), batchErrors);
            batch.clear();
            batchErrors.clear();
        }

        ImportCounts counts() {
            return new ImportCounts(rowsRead, inserted, updated, unchanged, rejected, errors);
        }
    }
}
