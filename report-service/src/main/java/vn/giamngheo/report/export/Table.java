package vn.giamngheo.report.export;

import java.util.List;
import java.util.stream.Stream;

/**
 * A table to export: a sheet name, title lines above it, its columns and its rows — a stream, read once, so a large
 * table is written row by row and never held in memory.
 */
public record Table(String name, List<String> titleLines, List<Column> columns, Stream<List<Object>> rows) {
}
