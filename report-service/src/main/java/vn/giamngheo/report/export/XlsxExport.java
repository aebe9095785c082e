package vn.giamngheo.report.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes tables as an XLSX workbook, one sheet each, with Apache POI's streaming SXSSF: only a window of rows stays
 * in memory (the rest goes to a temporary file that is deleted afterwards), so exports of any size stream.
 */
public final class XlsxExport {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int WINDOW = 200;

    private XlsxExport() {
    }

    public static void write(List<Table> tables, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle title = workbook.createCellStyle();
            title.setFont(bold);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            heading.setWrapText(true);
            heading.setBorderBottom(BorderStyle.THIN);
            CellStyle integer = workbook.createCellStyle();
            integer.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            CellStyle decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            for (Table table : tables) {
                SXSSFSheet sheet = workbook.createSheet(table.name());
                int r = 0;
                for (String line : table.titleLines()) {
                    Cell cell = sheet.createRow(r++).createCell(0);
                    cell.setCellValue(line);
                    cell.setCellStyle(title);
                }
                r++;
                int headerRow = r;
                Row header = sheet.createRow(r++);
                List<Column> columns = table.columns();
                for (int c = 0; c < columns.size(); c++) {
                    Cell cell = header.createCell(c);
                    cell.setCellValue(columns.get(c).heading());
                    cell.setCellStyle(heading);
                    sheet.setColumnWidth(c, (columns.get(c).kind() == Column.Kind.TEXT ? 36 : 16) * 256);
                }
                sheet.createFreezePane(0, headerRow + 1);
                Iterator<List<Object>> rows = table.rows().iterator();
                while (rows.hasNext()) {
                    List<Object> values = rows.next();
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < columns.size() && c < values.size(); c++) {
                        Object value = values.get(c);
                        if (value == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        switch (columns.get(c).kind()) {
                            case INTEGER -> {
                                cell.setCellValue(((Number) value).doubleValue());
                                cell.setCellStyle(integer);
                            }
                            case DECIMAL, PERCENT -> {
                                cell.setCellValue(value instanceof BigDecimal b ? b.doubleValue()
                                        : ((Number) value).doubleValue());
                                cell.setCellStyle(decimal);
                            }
                            case DATE -> {
                                cell.setCellValue((LocalDate) value);
                                cell.setCellStyle(date);
                            }
                            default -> cell.setCellValue(String.valueOf(value));
                        }
                    }
                }
                table.rows().close();
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

}
