package vn.giamngheo.plan.unit;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.giamngheo.plan.unit.domain.UnitData;
import vn.giamngheo.plan.unit.domain.UnitImport;
import vn.giamngheo.plan.unit.domain.UnitKind;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.InvalidInputException;

/**
 * Reads units from CSV (UTF-8, comma-separated, first non-comment line the header, {@code #} starts a comment line):
 * {@code code,kind,nameVi,nameEn,parentCode,validFrom,validTo,successorCodes}, dates as YYYY-MM-DD, several successor
 * codes separated by {@code ;}. Errors are reported per line with its number in the file, so a user can fix the file.
 */
public final class UnitCsv {

    public static final List<String> COLUMNS = List.of("code", "kind", "nameVi", "nameEn", "parentCode", "validFrom",
            "validTo", "successorCodes");
    static final Set<String> REQUIRED = Set.of("code", "kind", "nameVi", "nameEn", "validFrom");
    static final int MAX_LINES = 10_000;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();

    private UnitCsv() {
    }

    public static List<UnitImport.Line> read(byte[] content) {
        return read(new String(content, StandardCharsets.UTF_8));
    }

    public static List<UnitImport.Line> read(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        if (text.isBlank()) {
            throw new InvalidInputException("file", "is empty; expected a header line "
                    + String.join(",", COLUMNS) + " and one line per unit");
        }
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException("header", "the first line must name the columns "
                    + String.join(",", COLUMNS) + " (" + e.getMessage() + ")");
        }
        try (parser) {
            requireHeader(parser.getHeaderNames());
            String[] textLines = text.split("\n", -1);
            int[] lineStarts = lineStarts(textLines);
            List<UnitImport.Line> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (lines.size() == MAX_LINES) {
                    throw new InvalidInputException("file", "has more than " + MAX_LINES + " units; split it");
                }
                lines.add(line(record, lineNumber(textLines, lineStarts, record.getCharacterPosition())));
            }
            if (lines.isEmpty()) {
                throw new InvalidInputException("file", "has a header but no units");
            }
            return lines;
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new InvalidInputException("file", "is not valid CSV: " + e.getMessage());
        }
    }

    private static void requireHeader(List<String> header) {
        List<String> missing = REQUIRED.stream().filter(column -> !header.contains(column)).sorted().toList();
        List<String> unknown = header.stream().filter(column -> !COLUMNS.contains(column)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new InvalidInputException("header", "the first line must name the columns "
                    + String.join(",", COLUMNS) + (missing.isEmpty() ? "" : "; missing " + missing)
                    + (unknown.isEmpty() ? "" : "; unknown " + unknown));
        }
    }

    private static UnitImport.Line line(CSVRecord record, int number) {
        List<FieldViolation> errors = new ArrayList<>();
        UnitKind kind = null;
        String kindText = value(record, "kind");
        if (kindText != null) {
            try {
                kind = UnitKind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldViolation("kind", kindText + " is not one of "
                        + Arrays.toString(UnitKind.values())));
            }
        }
        LocalDate validFrom = date(record, "validFrom", errors);
        LocalDate validTo = date(record, "validTo", errors);
        String successors = value(record, "successorCodes");
        UnitData data = new UnitData(value(record, "code"), kind, value(record, "nameVi"), value(record, "nameEn"),
                value(record, "parentCode"), validFrom, validTo,
                successors == null ? List.of() : Arrays.asList(successors.split("[;|]")));
        return new UnitImport.Line(number, data, errors);
    }

    private static String value(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate date(CSVRecord record, String column, List<FieldViolation> errors) {
        String text = value(record, column);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldViolation(column, text + " is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    /** The offsets at which each line of the text begins. */
    private static int[] lineStarts(String[] textLines) {
        int[] starts = new int[textLines.length];
        int offset = 0;
        for (int i = 0; i < textLines.length; i++) {
            starts[i] = offset;
            offset += textLines[i].length() + 1;
        }
        return starts;
    }

    /**
     * The number of the line a record is on, counting comment and empty lines. A record's position is where the
     * parser started reading it, which is before the comment and empty lines that precede it, so those are skipped.
     */
    private static int lineNumber(String[] textLines, int[] lineStarts, long characterPosition) {
        int found = Arrays.binarySearch(lineStarts, (int) characterPosition);
        int index = found >= 0 ? found : -found - 2;
        while (index < textLines.length - 1
                && (textLines[index].isBlank() || textLines[index].startsWith("#"))) {
            index++;
        }
        return index + 1;
    }
}
