package vn.giamngheo.report.poverty.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the first sheet of an XLSX workbook with POI's event API (SAX over the sheet's XML), so a large workbook
 * is never loaded as a whole. The first non-blank row is the header; a row's line is its row number in the sheet.
 * Cells are read as shown in the spreadsheet.
 */
public final class XlsxRowSource implements RowSource {

    private final Path file;

    public XlsxRowSource(Path file) {
        this.file = file;
    }

    @Override
    public void read(RowHandler handler) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportFileException("The workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(handler),
                        new DataFormatter(Locale.ROOT), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (InvalidFormatException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new ImportFileException("The file is not an XLSX workbook: " + e.getMessage(), e);
        } catch (OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new ImportFileException("The workbook cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Integer percent() {
        return null;
    }

    /** Collects one row's cells by column, then hands the row on. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowHandler handler;
        private List<String> header;
        private final Map<Integer, String> cells = new HashMap<>();

        Rows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.values().stream().allMatch(String::isBlank)) {
                return;
            }
            if (header == null) {
                int width = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
                header = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    header.add(cells.getOrDefault(i, "").trim());
                }
                handler.header(List.copyOf(header));
                return;
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String value = cells.get(i);
                if (value != null && !header.get(i).isEmpty()) {
                    row.put(header.get(i).toLowerCase(Locale.ROOT), value);
                }
            }
            handler.row(rowNum + 1L, row);
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            if (cellReference != null && formattedValue != null) {
                cells.put((int) new CellReference(cellReference).getCol(), formattedValue);
            }
        }
    }
}
