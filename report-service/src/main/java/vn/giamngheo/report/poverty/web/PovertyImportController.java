package vn.giamngheo.report.poverty.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.giamngheo.report.poverty.domain.HouseholdRowParser;
import vn.giamngheo.report.poverty.domain.RowError;
import vn.giamngheo.report.poverty.imports.ImportJobs;
import vn.giamngheo.report.poverty.imports.ImportService;
import vn.giamngheo.report.poverty.imports.ImportStatus;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.web.PageResponse;

@RestController
@RequestMapping("/api/v1/poverty")
@Tag(name = "Poverty review imports", description = "Nhập dữ liệu rà soát hộ: CSV/XLSX uploads, progress, "
        + "rejected rows by line")
public class PovertyImportController {

    private final ImportService imports;
    private final ImportJobs jobs;

    public PovertyImportController(ImportService imports, ImportJobs jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    @PostMapping(path = "/reviews/{year}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a review year's households as CSV or XLSX (part 'file'). Returns 202 at once; "
            + "follow the import at Location. Bad rows are reported by line, good rows are kept; importing the "
            + "same file again changes nothing. Opens the year's review on first use; 409 when it is published. "
            + "Admins and departments' systems with the scope poverty.import")
    public ResponseEntity<ImportStatus> upload(@PathVariable @Min(2000) @Max(2100) int year,
                                               @RequestPart("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "the file is empty");
        }
        ImportService.Format format = ImportService.formatOf(file.getOriginalFilename(), file.getContentType());
        ImportStatus status;
        try (InputStream content = file.getInputStream()) {
            status = imports.submit(year, file.getOriginalFilename(), format, content);
        }
        return ResponseEntity.accepted().location(URI.create("/api/v1/poverty/imports/" + status.id()))
                .body(status);
    }

    @GetMapping("/imports/{id}")
    @Operation(summary = "An import's state and counts: rows read, inserted, updated, unchanged, rejected, percent "
            + "of the file read, the first rejected rows (importers and readers)")
    public ImportStatus status(@PathVariable String id) {
        return jobs.get(id);
    }

    @GetMapping("/imports/{id}/errors")
    @Operation(summary = "Every rejected row of an import, by line: household code, column, reason (importers and "
            + "readers)")
    public PageResponse<RowError> errors(@PathVariable String id,
                                         @RequestParam(defaultValue = "0") @Min(0) int page,
                                         @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return jobs.errors(id, page, size, true);
    }

    @GetMapping(path = "/reviews/{year}/template.csv", produces = "text/csv")
    @Operation(summary = "An empty CSV with the columns of the year's standard (the upload format; importers and "
            + "readers)")
    public ResponseEntity<byte[]> template(@PathVariable @Min(2000) @Max(2100) int year) {
        HouseholdRowParser parser = imports.parser(year);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=mau-ra-soat-" + year + ".csv")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body((String.join(",", parser.columns()) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
