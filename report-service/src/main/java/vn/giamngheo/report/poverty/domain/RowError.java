package vn.giamngheo.report.poverty.domain;

/**
 * Why one row of an import was refused: the line in the file (the header is line 1), the household code when it
 * could be read, the column and the reason.
 */
public record RowError(long line, String householdCode, String field, String message) {
}
