package vn.giamngheo.report.poverty.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowSourcesTest {

    @TempDir
    Path dir;

    record Read(List<String> header, List<Long> lines, List<Map<String, String>> rows) {
    }

    static Read read(RowSource source) throws IOException {
        List<String> header = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<Map<String, String>> rows = new ArrayList<>();
        source.read(new RowSource.RowHandler() {
            @Override
            public void header(List<String> columns) {
                header.addAll(columns);
            }

            @Override
            public void row(long line, Map<String, String> cells) {
                lines.add(line);
                rows.add(cells);
            }
        });
        return new Read(header, lines, rows);
    }

    @Test
    void csv_lines_are_physical_lines_even_with_a_bom_blank_lines_and_quoted_newlines() throws IOException {
        // given: header on line 1; a blank line 3; a quoted value spanning lines 4–5; the last line without newline
        Path file = dir.resolve("ho.csv");
        Files.writeString(file, "\uFEFFhouseholdCode,ethnicGroup,note\n"
                + "HH-1,Thái,a\n"
                + "\n"
                + "HH-2,Mông,\"two\nlines\"\n"
                + "HH-3,Kinh,c", StandardCharsets.UTF_8);

        // when
        Read read = read(new CsvRowSource(file));

        // then
        assertThat(read.header()).containsExactly("householdCode", "ethnicGroup", "note");
        assertThat(read.lines()).containsExactly(2L, 4L, 6L);
        assertThat(read.rows().get(0)).containsEntry("householdcode", "HH-1").containsEntry("ethnicgroup", "Thái");
        assertThat(read.rows().get(1)).containsEntry("note", "two\nlines");
    }

    @Test
    void a_semicolon_separated_csv_from_a_vietnamese_spreadsheet_is_read() throws IOException {
        // given
        Path file = dir.resolve("ho.csv");
        Files.writeString(file, "householdCode;monthlyIncomePerCapita;floorAreaM2\r\nHH-1;1.500.000;36,5\r\n",
                StandardCharsets.UTF_8);

        // when
        Read read = read(new CsvRowSource(file));

        // then
        assertThat(read.lines()).containsExactly(2L);
        assertThat(read.rows().get(0)).containsEntry("monthlyincomepercapita", "1.500.000")
                .containsEntry("flooraream2", "36,5");
    }

    @Test
    void an_empty_csv_is_refused_as_a_whole() throws IOException {
        Path file = dir.resolve("empty.csv");
        Files.writeString(file, "");

        assertThatThrownBy(() -> read(new CsvRowSource(file))).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void an_xlsx_sheet_is_streamed_with_row_numbers_as_lines_and_numbers_as_shown() throws IOException {
        // given: a numeric commune code (the leading zero is lost, as spreadsheets do), an empty row 3
        Path file = dir.resolve("ho.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = workbook.createSheet("Hộ");
            XSSFRow header = sheet.createRow(0);
            header.createCell(0).setCellValue("householdCode");
            header.createCell(1).setCellValue("communeCode");
            header.createCell(2).setCellValue("monthlyIncomePerCapita");
            header.createCell(3).setCellValue("LATRINE");
            XSSFRow first = sheet.createRow(1);
            first.createCell(0).setCellValue("HH-1");
            first.createCell(1).setCellValue(3694);
            first.createCell(2).setCellValue(1500000);
            first.createCell(3).setCellValue(true);
            XSSFRow third = sheet.createRow(3);
            third.createCell(0).setCellValue("HH-2");
            third.createCell(3).setCellValue(0);
            workbook.write(out);
        }

        // when
        Read read = read(new XlsxRowSource(file));

        // then
        assertThat(read.header()).containsExactly("householdCode", "communeCode", "monthlyIncomePerCapita", "LATRINE");
        assertThat(read.lines()).containsExactly(2L, 4L);
        assertThat(read.rows().get(0)).containsEntry("communecode", "3694")
                .containsEntry("monthlyincomepercapita", "1500000").containsEntry("latrine", "TRUE");
        assertThat(read.rows().get(1)).containsEntry("householdcode", "HH-2").doesNotContainKey("communecode");
    }

    @Test
    void a_file_that_is_not_a_workbook_is_refused_as_a_whole() throws IOException {
        Path file = dir.resolve("fake.xlsx");
        Files.writeString(file, "householdCode\nHH-1\n");

        assertThatThrownBy(() -> read(new XlsxRowSource(file))).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("XLSX");
    }
}
