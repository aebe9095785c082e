package vn.giamngheo.report.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * A printable HTML page of tables, rendered on the server: every text is HTML-escaped (titles, names, feedback
 * texts come from users), numbers in the Vietnamese style (1.234,56), dates dd/MM/yyyy, an A4 landscape print style.
 */
public final class HtmlExport {

    public static final String CONTENT_TYPE = "text/html; charset=UTF-8";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private HtmlExport() {
    }

    public static void write(String title, List<String> notes, List<Table> tables, OutputStream out)
            throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
        w.write(escape(title));
        w.write("</title>\n<style>\n"
                + "@page { size: A4 landscape; margin: 12mm; }\n"
                + "body { font-family: 'Times New Roman', serif; font-size: 12pt; color: #000; }\n"
                + "h1 { font-size: 15pt; text-align: center; text-transform: uppercase; margin: 0 0 4mm; }\n"
                + "h2 { font-size: 13pt; margin: 6mm 0 2mm; }\n"
                + "p.note { margin: 0 0 2mm; font-style: italic; }\n"
                + "table { border-collapse: collapse; width: 100%; page-break-inside: auto; }\n"
                + "tr { page-break-inside: avoid; }\n"
                + "thead { display: table-header-group; }\n"
                + "th, td { border: 1px solid #444; padding: 2px 4px; vertical-align: top; }\n"
                + "th { background: #eee; }\n"
                + "td.n { text-align: right; white-space: nowrap; }\n"
                + "</style>\n</head>\n<body>\n<h1>");
        w.write(escape(title));
        w.write("</h1>\n");
        for (String note : notes) {
            w.write("<p class=\"note\">" + escape(note) + "</p>\n");
        }
        for (Table table : tables) {
            w.write("<h2>" + escape(table.name()) + "</h2>\n");
            for (String line : table.titleLines()) {
                w.write("<p class=\"note\">" + escape(line) + "</p>\n");
            }
            w.write("<table>\n<thead><tr>");
            for (Column column : table.columns()) {
                w.write("<th>" + escape(column.heading()) + "</th>");
            }
            w.write("</tr></thead>\n<tbody>\n");
            Iterator<List<Object>> rows = table.rows().iterator();
            while (rows.hasNext()) {
                List<Object> values = rows.next();
                w.write("<tr>");
                for (int c = 0; c < table.columns().size(); c++) {
                    Object value = c < values.size() ? values.get(c) : null;
                    Column.Kind kind = table.columns().get(c).kind();
                    boolean numeric = kind != Column.Kind.TEXT && kind != Column.Kind.DATE;
                    w.write(numeric ? "<td class=\"n\">" : "<td>");
                    w.write(escape(format(value, kind)));
                    w.write("</td>");
                }
                w.write("</tr>\n");
            }
            table.rows().close();
            w.write("</tbody>\n</table>\n");
        }
        w.write("</body>\n</html>\n");
        w.flush();
    }

    static String format(Object value, Column.Kind kind) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case INTEGER -> number("#,##0").format(((Number) value).longValue());
            case DECIMAL, PERCENT -> number("#,##0.##").format(value instanceof BigDecimal b
                    ? b.setScale(2, RoundingMode.HALF_UP) : ((Number) value).doubleValue());
            case DATE -> DATE.format((LocalDate) value);
            default -> String.valueOf(value);
        };
    }

    private static DecimalFormat number(String pattern) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat(pattern, symbols);
    }

    public static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
