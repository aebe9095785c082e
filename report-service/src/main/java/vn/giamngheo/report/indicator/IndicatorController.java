package vn.giamngheo.report.indicator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.giamngheo.report.export.Column;
import vn.giamngheo.report.export.Exports;
import vn.giamngheo.report.export.Labels;
import vn.giamngheo.report.export.Table;
import vn.giamngheo.report.plan.PlanVisibility;

@RestController
@Tag(name = "Indicators", description = "Chỉ tiêu: baseline, target, latest actual (approved reports, poverty "
        + "reviews), projection and status per indicator, area and year; exports")
public class IndicatorController {

    static final List<Column> COLUMNS = List.of(Column.text("Mã kế hoạch"), Column.text("Mục tiêu"),
            Column.text("Mã chỉ tiêu"), Column.text("Tên chỉ tiêu"), Column.text("Đơn vị tính"),
            Column.text("Chiều hướng"), Column.text("Địa bàn"), Column.integer("Năm"), Column.integer("Năm gốc"),
            Column.decimal("Giá trị gốc"), Column.decimal("Mục tiêu năm"), Column.decimal("Thực hiện mới nhất"),
            Column.text("Kỳ số liệu"), Column.text("Nguồn số liệu"), Column.decimal("Dự báo cuối năm mục tiêu"),
            Column.text("Đánh giá"));

    private final IndicatorQuery query;
    private final PlanVisibility visibility;

    public IndicatorController(IndicatorQuery query, PlanVisibility visibility) {
        this.query = query;
        this.visibility = visibility;
    }

    @GetMapping("/api/v1/reports/indicators")
    @Operation(summary = "Indicator table: one row per indicator, area (null = the plan's whole area) and target "
            + "year, with baseline, target, latest actual up to that year, projection and status ON_TRACK / "
            + "AT_RISK / OFF_TRACK / NO_DATA / NO_TARGET. Public; without a token DRAFT plans are left out")
    public List<IndicatorRow> indicators(@RequestParam(required = false) String planId,
                                         @RequestParam(defaultValue = "false") boolean includeSubPlans,
                                         @RequestParam(required = false) String indicatorCode,
                                         @RequestParam(required = false) Integer year,
                                         @RequestParam(required = false) String areaCode,
                                         @Parameter(description = "only the plans' whole areas, no area rows")
                                         @RequestParam(defaultValue = "false") boolean planWideOnly) {
        return query.rows(new IndicatorQuery.Filter(planId, includeSubPlans, indicatorCode, year, null, areaCode,
                planWideOnly), visibility.draftsHidden());
    }

    @GetMapping("/api/v1/reports/indicators.xlsx")
    @Operation(summary = "The indicator table as XLSX (streamed)")
    public ResponseEntity<StreamingResponseBody> workbook(@RequestParam(required = false) String planId,
                                                          @RequestParam(defaultValue = "false") boolean includeSubPlans,
                                                          @RequestParam(required = false) Integer year) {
        return Exports.xlsx("chi-tieu" + (year == null ? "" : "-" + year), List.of(table(rows(planId,
                includeSubPlans, year))));
    }

    @GetMapping("/api/v1/reports/indicators.csv")
    @Operation(summary = "The indicator table as CSV (UTF-8 with BOM)")
    public ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) String planId,
                                                     @RequestParam(defaultValue = "false") boolean includeSubPlans,
                                                     @RequestParam(required = false) Integer year) {
        return Exports.csv("chi-tieu" + (year == null ? "" : "-" + year), table(rows(planId, includeSubPlans,
                year)));
    }

    @GetMapping("/api/v1/reports/indicators.html")
    @Operation(summary = "The indicator table as a printable HTML page")
    public ResponseEntity<StreamingResponseBody> html(@RequestParam(required = false) String planId,
                                                      @RequestParam(defaultValue = "false") boolean includeSubPlans,
                                                      @RequestParam(required = false) Integer year) {
        return Exports.html("Kết quả thực hiện các chỉ tiêu" + (year == null ? "" : " năm " + year),
                List.of("Đánh giá theo xu hướng tuyến tính từ giá trị gốc đến số liệu thực hiện mới nhất, so với "
                        + "mục tiêu của năm."), List.of(table(rows(planId, includeSubPlans, year))));
    }

    private List<IndicatorRow> rows(String planId, boolean includeSubPlans, Integer year) {
        return query.rows(new IndicatorQuery.Filter(planId, includeSubPlans, null, year, null, null, false),
                visibility.draftsHidden());
    }

    static Table table(List<IndicatorRow> rows) {
        return new Table("Chỉ tiêu", List.of("Kết quả thực hiện các chỉ tiêu so với mục tiêu"), COLUMNS,
                rows.stream().map(r -> {
                    List<Object> row = new ArrayList<>();
                    row.add(r.planCode());
                    row.add(r.objectiveCode());
                    row.add(r.indicatorCode());
                    row.add(r.nameVi());
                    row.add(r.unitOfMeasure());
                    row.add(Labels.direction(r.direction()));
                    row.add(r.areaCode() == null ? "Toàn địa bàn kế hoạch"
                            : r.areaName() == null ? r.areaCode() : r.areaName() + " (" + r.areaCode() + ")");
                    row.add(r.year());
                    row.add(r.baselineYear());
                    row.add(r.baselineValue());
                    row.add(r.target());
                    row.add(r.latestActual() == null ? null : r.latestActual().value());
                    row.add(r.latestActual() == null ? null : r.latestActual().period());
                    row.add(r.latestActual() == null ? null : Labels.source(r.latestActual().source()));
                    row.add(r.projectedValue());
                    row.add(Labels.indicatorStatus(r.status().name()));
                    return row;
                }));
    }
}
