package vn.giamngheo.report.poverty.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.giamngheo.report.poverty.domain.AreaKind;
import vn.giamngheo.report.poverty.domain.AreaRate;
import vn.giamngheo.report.poverty.domain.Indicator;
import vn.giamngheo.report.poverty.domain.PovertyStandard;
import vn.giamngheo.report.poverty.review.ReviewQueries;

/**
 * The rates table as an XLSX workbook with Vietnamese headings: one sheet per breakdown (province, former districts,
 * communes, ethnic groups, ethnic minority vs Kinh), a title naming the review and whether the figures are
 * provisional or synthetic, rates as numbers with two decimals.
 */
final class RatesWorkbook {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final List<String> HEADINGS = List.of("Mã", "Tên địa bàn / nhóm", "Tổng số hộ", "Số hộ nghèo",
            "Số hộ cận nghèo", "Số hộ có mức sống trung bình", "Tỷ lệ hộ nghèo (%)", "Tỷ lệ hộ cận nghèo (%)",
            "Tỷ lệ nghèo đa chiều (%)");

    private RatesWorkbook() {
    }

    static String sheetName(AreaKind kind) {
        return switch (kind) {
            case PROVINCE -> "Toàn tỉnh";
            case FORMER_DISTRICT -> "Theo huyện (cũ)";
            case COMMUNE -> "Theo xã";
            case ETHNIC_GROUP -> "Theo dân tộc";
            case ETHNICITY -> "DTTS và Kinh";
        };
    }

    static void write(ReviewQueries.Rates rates, PovertyStandard standard, String provinceName, OutputStream out)
            throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle heading = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            heading.setFont(bold);
            heading.setWrapText(true);
            heading.setBorderBottom(BorderStyle.THIN);
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            CellStyle count = workbook.createCellStyle();
            count.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            List<Indicator> indicators = standard.indicators();
            for (AreaKind kind : AreaKind.values()) {
                Sheet sheet = workbook.createSheet(sheetName(kind));
                Row title = sheet.createRow(0);
                title.createCell(0).setCellValue("Kết quả rà soát hộ nghèo, hộ cận nghèo năm " + rates.year() + " — "
                        + provinceName + " — " + kind.nameVi());
                title.getCell(0).setCellStyle(heading);
                sheet.createRow(1).createCell(0).setCellValue(standard.nameVi() + " (" + standard.legalBasis()
                        + "). " + RatesResponse.note(rates));
                Row header = sheet.createRow(3);
                int column = 0;
                for (String text : HEADINGS) {
                    cell(header, column++, heading).setCellValue(text);
                }
                for (Indicator indicator : indicators) {
                    cell(header, column++, heading).setCellValue("Số hộ thiếu hụt: " + indicator.nameVi());
                }
                int rowIndex = 4;
                for (AreaRate rate : rates.areas()) {
                    if (rate.kind() != kind) {
                        continue;
                    }
                    Row row = sheet.createRow(rowIndex++);
                    row.createCell(0).setCellValue(rate.code());
                    row.createCell(1).setCellValue(rate.name());
                    cell(row, 2, count).setCellValue(rate.households());
                    cell(row, 3, count).setCellValue(rate.poor());
                    cell(row, 4, count).setCellValue(rate.nearPoor());
                    cell(row, 5, count).setCellValue(rate.middleIncome());
                    cell(row, 6, percent).setCellValue(rate.poorRate().doubleValue());
                    cell(row, 7, percent).setCellValue(rate.nearPoorRate().doubleValue());
                    cell(row, 8, percent).setCellValue(rate.multidimensionalPovertyRate().doubleValue());
                    Map<String, Long> deprivations = rate.deprivations();
                    for (int i = 0; i < indicators.size(); i++) {
                        cell(row, HEADINGS.size() + i, count)
                                .setCellValue(deprivations.getOrDefault(indicators.get(i).code(), 0L));
                    }
                }
                sheet.setColumnWidth(0, 12 * 256);
                sheet.setColumnWidth(1, 34 * 256);
                for (int i = 2; i < HEADINGS.size() + indicators.size(); i++) {
                    sheet.setColumnWidth(i, 16 * 256);
                }
                sheet.createFreezePane(2, 4);
            }
            workbook.write(out);
        }
    }

    private static Cell cell(Row row, int column, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        return cell;
    }
}
