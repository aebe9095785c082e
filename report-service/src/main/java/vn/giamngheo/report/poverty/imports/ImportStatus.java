package vn.giamngheo.report.poverty.imports;

import java.time.Instant;
import java.util.List;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.report.poverty.domain.RowError;

/**
 * Where an import stands. {@code rowsRead} counts data rows (not the header); {@code accepted} rows were stored or
 * found unchanged ({@code inserted + updated + unchanged}); {@code rejected} rows had at least one error, all listed
 * under {@code /imports/{id}/errors}; {@code firstErrors} shows the first few. {@code percent} is the share of the
 * file read so far when it can be known (CSV), else null. {@code submittedBy} is who uploaded the file (null for jobs
 * recorded before it was kept).
 */
public record ImportStatus(String id, int year, String source, String fileName, String state, long rowsRead,
                           long accepted, long inserted, long updated, long unchanged, long rejected,
                           long errorCount, Integer percent, List<String> ignoredColumns, String failure,
                           List<RowError> firstErrors, Instant startedAt, Instant finishedAt,
                           Actor submittedBy) {

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
}
