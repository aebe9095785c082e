package vn.giamngheo.report.poverty.imports;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A file's rows, pushed one at a time so that no file is ever held in memory as a whole. */
public interface RowSource {

    /** Receives the header once, then every non-blank row. */
    interface RowHandler {
        void header(List<String> columns);

        /** One row: its line in the file (the header is line 1) and its cells by lower-case column name. */
        void row(long line, Map<String, String> cells);
    }

    void read(RowHandler handler) throws IOException;

    /** The share of the file read so far (0–100), or null when it cannot be known. */
    Integer percent();
}
