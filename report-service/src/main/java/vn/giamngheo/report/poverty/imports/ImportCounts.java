package vn.giamngheo.report.poverty.imports;

/** Running totals of an import. */
public record ImportCounts(long rowsRead, long inserted, long updated, long unchanged, long rejected, long errors) {
}
