package vn.giamngheo.report.poverty.imports;

/** The file as a whole cannot be imported (not a CSV/XLSX, no header, required columns missing). */
public class ImportFileException extends RuntimeException {

    public ImportFileException(String message) {
        super(message);
    }

    public ImportFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
