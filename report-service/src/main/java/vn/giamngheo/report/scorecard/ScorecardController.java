package vn.giamngheo.report.scorecard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.giamngheo.report.calendar.ProvinceCalendar;
import vn.giamngheo.report.export.Column;
import vn.giamngheo.report.export.Exports;
import vn.giamngheo.report.export.Table;
import vn.giamngheo.report.period.PeriodKind;
import vn.giamngheo.report.period.ReportPeriod;

@RestController
@Tag(name = "Unit scorecards", description = "Đánh giá kết quả thực hiện nhiệm vụ của đơn vị theo kỳ: tasks led "
        + "and coordinated, done, on time, overdue, delay, dissemination coverage, feedback; exports")
public class ScorecardController {

    static final List<Column> COLUMNS = List.of(Column.text("Mã đơn vị"), Column.text("Tên đơn vị"),
            Column.integer("Nhiệm vụ chủ trì"), Column.integer("Nhiệm vụ phối hợp"), Column.integer("Hoàn thành"),
            Column.integer("Hoàn thành đúng hạn"), Column.percent("Tỷ lệ đúng hạn (%)"), Column.integer("Quá hạn"),
            Column.integer("Chưa hoàn thành"), Column.decimal("Số ngày chậm bình quân"),
            Column.integer("Phối hợp: hoàn thành"), Column.integer("Phối hợp: quá hạn"),
            Column.integer("Cán bộ được quán triệt"), Column.integer("Tổng số cán bộ"),
            Column.percent("Tỷ lệ quán triệt (%)"), Column.integer("Số ý kiến người dân"),
            Column.decimal("Điểm đánh giá bình quân"));

    private final ScorecardQuery query;
    private final ProvinceCalendar calendar;

    public ScorecardController(ScorecardQuery query, ProvinceCalendar calendar) {
        this.query = query;
        this.calendar = calendar;
    }

    @GetMapping("/api/v1/reports/units/{unitCode}/scorecard")
    @Operation(summary = "A unit's scorecard for a period (default: the current year so far), evaluated on the "
            + "period's last day, today while it runs, or asOf")
    public Scorecard scorecard(@PathVariable String unitCode,
                               @Parameter(description = "2024-H1, 2024-H2 or 2024")
                               @RequestParam(required = false) @Pattern(regexp = ReportPeriod.PATTERN) String period,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate asOf) {
        return query.of(unitCode, period(period), asOf);
    }

    @GetMapping("/api/v1/reports/scorecards")
    @Operation(summary = "Every unit's scorecard for a period (units that lead, coordinate or had officials "
            + "reached by a task in it)")
    public List<Scorecard> scorecards(@RequestParam(required = false) @Pattern(regexp = ReportPeriod.PATTERN)
                                      String period,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                      LocalDate asOf) {
        return query.all(period(period), asOf);
    }

    @GetMapping("/api/v1/reports/scorecards.xlsx")
    @Operation(summary = "Every unit's scorecard as XLSX (streamed)")
    public ResponseEntity<StreamingResponseBody> workbook(@RequestParam(required = false)
                                                          @Pattern(regexp = ReportPeriod.PATTERN) String period,
                                                          @RequestParam(required = false)
                                                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                                          LocalDate asOf) {
        ReportPeriod p = period(period);
        Table table = table(p, query.all(p, asOf));
        return Exports.xlsx("bang-danh-gia-don-vi-" + p.code(), List.of(table));
    }

    @GetMapping("/api/v1/reports/scorecards.csv")
    @Operation(summary = "Every unit's scorecard as CSV (UTF-8 with BOM)")
    public ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false)
                                                     @Pattern(regexp = ReportPeriod.PATTERN) String period,
                                                     @RequestParam(required = false)
                                                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        ReportPeriod p = period(period);
        return Exports.csv("bang-danh-gia-don-vi-" + p.code(), table(p, query.all(p, asOf)));
    }

    @GetMapping("/api/v1/reports/scorecards.html")
    @Operation(summary = "Every unit's scorecard as a printable HTML page")
    public ResponseEntity<StreamingResponseBody> html(@RequestParam(required = false)
                                                      @Pattern(regexp = ReportPeriod.PATTERN) String period,
                                                      @RequestParam(required = false)
                                                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        ReportPeriod p = period(period);
        List<Scorecard> scorecards = query.all(p, asOf);
        return Exports.html("Bảng đánh giá kết quả thực hiện nhiệm vụ " + p.nameVi(), List.of(), List.of(
                table(p, scorecards)));
    }

    private ReportPeriod period(String code) {
        return code == null ? new ReportPeriod(calendar.today().getYear(), PeriodKind.ANNUAL)
                : ReportPeriod.parse(code);
    }

    static Table table(ReportPeriod period, List<Scorecard> scorecards) {
        LocalDate day = scorecards.isEmpty() ? null : scorecards.get(0).evaluatedOn();
        String when = day == null ? "" : " — số liệu đến hết ngày "
                + day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        List<List<Object>> rows = new ArrayList<>();
        for (Scorecard s : scorecards) {
            List<Object> row = new ArrayList<>();
            row.add(s.unitCode());
            row.add(s.unitName());
            row.add(s.tasksLed());
            row.add(s.tasksCoordinated());
            row.add(s.done());
            row.add(s.doneOnTime());
            row.add(s.onTimeRate());
            row.add(s.overdue());
            row.add(s.open());
            row.add(s.averageDelayDays());
            row.add(s.coordinatedDone());
            row.add(s.coordinatedOverdue());
            row.add(s.dissemination().officialsReached());
            row.add(s.dissemination().officialsTotal());
            row.add(s.dissemination().coverage());
            row.add(s.feedback().count());
            row.add(s.feedback().averageRating());
            rows.add(row);
        }
        return new Table("Đánh giá đơn vị", List.of("Bảng đánh giá kết quả thực hiện nhiệm vụ của các đơn vị "
                + period.nameVi() + when), COLUMNS, rows.stream());
    }
}
