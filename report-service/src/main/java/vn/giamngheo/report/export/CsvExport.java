package vn.giamngheo.report.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a table as CSV, UTF-8 with a byte order mark so that Excel shows Vietnamese correctly, one header line of
 * Vietnamese headings, numbers with a dot as decimal separator, dates ISO-8601. Rows are written as they come.
 */
public final class CsvExport {

    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvExport() {
    }

    public static void write(Table table, OutputStream out) throws IOException {
        out.write(BOM);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader(table.columns().stream().map(Column::heading).toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(writer, format)) {
            Iterator<List<Object>> rows = table.rows().iterator();
            while (rows.hasNext()) {
                List<Object> values = rows.next();
                List<String> cells = new ArrayList<>(values.size());
                for (Object value : values) {
                    cells.add(value == null ? "" : value instanceof BigDecimal b ? b.toPlainString()
                            : String.valueOf(value));
                }
                printer.printRecord(cells);
            }
            table.rows().close();
        }
    }
}
