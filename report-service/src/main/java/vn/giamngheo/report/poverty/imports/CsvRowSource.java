package vn.giamngheo.report.poverty.imports;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a UTF-8 CSV file (with or without a byte-order mark) record by record. The delimiter is a comma, or a
 * semicolon when the header has semicolons and no commas (what spreadsheets write in Vietnamese locales). Quoted
 * fields may span lines; a row's line is the physical line it starts on. Blank lines are read as (skipped) records
 * rather than ignored by the parser, so that the line count stays exact.
 */
public final class CsvRowSource implements RowSource {

    private final Path file;
    private final long size;
    private volatile long bytesRead;

    public CsvRowSource(Path file) {
        this.file = file;
        try {
            this.size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void read(RowHandler handler) throws IOException {
        try (InputStream in = new CountingInputStream(Files.newInputStream(file));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 65536)) {
            reader.mark(65536);
            int first = reader.read();
            if (first != '\uFEFF') {
                reader.reset();
            }
            reader.mark(65536);
            String headerLine = reader.readLine();
            if (headerLine == null || headerLine.isBlank()) {
                throw new ImportFileException("The file is empty: a header line is required");
            }
            reader.reset();
            char delimiter = headerLine.indexOf(',') < 0 && headerLine.indexOf(';') >= 0 ? ';' : ',';
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader()
                    .setSkipHeaderRecord(true).setIgnoreEmptyLines(false).setTrim(true).get();
            CSVParser opened;
            try {
                opened = CSVParser.builder().setReader(reader).setFormat(format).get();
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ImportFileException("The CSV header cannot be read: " + e.getMessage(), e);
            }
            // The handler's own failures (e.g. a batch the database refused) pass through as they are: they are not
            // the file's fault.
            try (CSVParser parser = opened) {
                List<String> header = parser.getHeaderNames();
                handler.header(header);
                long lineAfterPrevious = 1;
                for (CSVRecord record : parser) {
                    long line = lineAfterPrevious + 1;
                    lineAfterPrevious = parser.getCurrentLineNumber();
                    Map<String, String> cells = new HashMap<>();
                    boolean blank = true;
                    for (int i = 0; i < header.size() && i < record.size(); i++) {
                        String value = record.get(i);
                        cells.put(header.get(i).trim().toLowerCase(Locale.ROOT), value);
                        blank &= value.isBlank();
                    }
                    if (!blank) {
                        handler.row(line, cells);
                    }
                }
            } catch (UncheckedIOException e) {
                throw new ImportFileException("The CSV cannot be read after line " + lineOf(e) + ": "
                        + e.getCause().getMessage(), e);
            }
        }
    }

    private static String lineOf(UncheckedIOException e) {
        return e.getMessage() == null ? "?" : e.getMessage();
    }

    @Override
    public Integer percent() {
        return size == 0 ? 100 : (int) Math.min(100, bytesRead * 100 / size);
    }

    /** Counts the bytes handed to the decoder: the progress of a file that is read once, front to back. */
    private final class CountingInputStream extends FilterInputStream {

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytesRead++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                bytesRead += n;
            }
            return n;
        }
    }
}
