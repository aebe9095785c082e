package vn.giamngheo.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ExportsTest {

    static final List<Column> COLUMNS = List.of(Column.text("Đơn vị chủ trì"), Column.integer("Số nhiệm vụ"),
            Column.percent("Tỷ lệ đúng hạn (%)"), Column.date("Hạn hoàn thành"));

    static Table table(Stream<List<Object>> rows) {
        return new Table("Đánh giá", List.of("Bảng đánh giá năm 2024"), COLUMNS, rows);
    }

    static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    @Test
    void a_large_xlsx_streams_and_reads_back_with_vietnamese_headings_and_numbers() throws Exception {
        // given: more rows than the streaming window
        Stream<List<Object>> rows = IntStream.range(0, 5_000).mapToObj(i -> row("Sở Xây dựng " + i, (long) i,
                i % 2 == 0 ? 87.5 : null, LocalDate.of(2024, 6, 30)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        XlsxExport.write(List.of(table(rows)), out);

        // then
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("Đánh giá");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Bảng đánh giá năm 2024");
            Row header = sheet.getRow(2);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Đơn vị chủ trì");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("Tỷ lệ đúng hạn (%)");
            Row last = sheet.getRow(3 + 4_999);
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("Sở Xây dựng 4999");
            assertThat(last.getCell(1).getNumericCellValue()).isEqualTo(4999.0);
            assertThat(last.getCell(2)).isNull();
            assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(87.5);
            assertThat(sheet.getRow(3).getCell(3).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2024, 6, 30));
        }
    }

    @Test
    void csv_starts_with_a_byte_order_mark_and_quotes_what_needs_quoting() throws Exception {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        CsvExport.write(table(Stream.of(row("Huyện Vân Hồ, \"Sơn La\"", 12L, new BigDecimal("66.70"),
                LocalDate.of(2024, 6, 30)))), out);

        // then
        byte[] bytes = out.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new InputStreamReader(new ByteArrayInputStream(bytes, 3,
                bytes.length - 3), StandardCharsets.UTF_8)).getRecords();
        assertThat(records.get(0).values()).containsExactly("Đơn vị chủ trì", "Số nhiệm vụ", "Tỷ lệ đúng hạn (%)",
                "Hạn hoàn thành");
        assertThat(records.get(1).values()).containsExactly("Huyện Vân Hồ, \"Sơn La\"", "12", "66.70", "2024-06-30");
    }

    @Test
    void html_escapes_what_users_wrote_and_keeps_vietnamese_letters() throws Exception {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        HtmlExport.write("Báo cáo <tiến độ>", List.of("Ghi chú & \"trích dẫn\""), List.of(table(Stream.of(
                row("<script>alert(1)</script>", 1234567L, 12.5, LocalDate.of(2024, 6, 30))))), out);

        // then
        String html = out.toString(StandardCharsets.UTF_8);
        assertThat(html).contains("<title>Báo cáo &lt;tiến độ&gt;</title>")
                .contains("Ghi chú &amp; &quot;trích dẫn&quot;")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>")
                .contains("<th>Đơn vị chủ trì</th>")
                .contains("1.234.567").contains("12,5").contains("30/06/2024");
    }

    @Test
    void file_names_are_plain_ascii() {
        assertThat(Exports.fileName("61/KH-UBND")).isEqualTo("61-kh-ubnd");
        assertThat(Exports.fileName("Kế hoạch Đào tạo")).isEqualTo("ke-hoach-dao-tao");
    }
}
