package vn.giamngheo.report.export;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * HTTP responses that stream an export: the body is written straight to the response while the tables' rows are
 * read, never assembled in memory first. Everything that can fail with a problem (unknown plan, bad period) is
 * decided before the response starts.
 */
public final class Exports {

    private Exports() {
    }

    public static ResponseEntity<StreamingResponseBody> xlsx(String fileName, List<Table> tables) {
        return attachment(fileName + ".xlsx", XlsxExport.CONTENT_TYPE, out -> XlsxExport.write(tables, out));
    }

    public static ResponseEntity<StreamingResponseBody> csv(String fileName, Table table) {
        return attachment(fileName + ".csv", CsvExport.CONTENT_TYPE, out -> CsvExport.write(table, out));
    }

    public static ResponseEntity<StreamingResponseBody> html(String title, List<String> notes, List<Table> tables) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, HtmlExport.CONTENT_TYPE)
                .body(out -> HtmlExport.write(title, notes, tables, out));
    }

    /** A file name of plain ASCII letters, digits and dashes, e.g. {@code 61/KH-UBND} → {@code 61-kh-ubnd}. */
    public static String fileName(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
        return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }

    private static ResponseEntity<StreamingResponseBody> attachment(String fileName, String contentType,
                                                                    StreamingResponseBody body) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, contentType)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(body);
    }
}
