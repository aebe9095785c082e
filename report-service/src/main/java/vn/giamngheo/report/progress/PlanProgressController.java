package vn.giamngheo.report.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.giamngheo.report.export.Column;
import vn.giamngheo.report.feedback.FeedbackSummary;
import vn.giamngheo.report.export.Exports;
import vn.giamngheo.report.export.Labels;
import vn.giamngheo.report.export.Table;
import vn.giamngheo.report.plan.PlanVisibility;
import vn.giamngheo.report.plan.domain.PlanRecord;
import vn.giamngheo.report.progress.domain.ProgressFigures;

@RestController
@Tag(name = "Plan progress", description = "Tiến độ thực hiện kế hoạch: tasks by status, weighted progress, "
        + "overdue, roll-up over sub-plans, as of a past date, exports")
public class PlanProgressController {

    static final List<Column> PLAN_COLUMNS = List.of(Column.text("Mã kế hoạch"), Column.text("Tên kế hoạch"),
            Column.text("Loại"), Column.text("Trạng thái"), Column.integer("Số nhiệm vụ"),
            Column.integer("Chưa giao"), Column.integer("Đã giao"), Column.integer("Đang thực hiện"),
            Column.integer("Vướng mắc"), Column.integer("Hoàn thành"), Column.integer("Đã hủy"),
            Column.percent("Tiến độ bình quân (%)"), Column.percent("Tiến độ có trọng số (%)"),
            Column.integer("Quá hạn"), Column.integer("Hoàn thành đúng hạn"), Column.integer("Số ý kiến người dân"),
            Column.decimal("Điểm đánh giá bình quân"));
    static final List<Column> TASK_COLUMNS = List.of(Column.text("Mã kế hoạch"), Column.text("Nhiệm vụ"),
            Column.text("Đơn vị chủ trì"), Column.text("Đơn vị phối hợp"), Column.text("Mức ưu tiên"),
            Column.date("Ngày bắt đầu"), Column.date("Hạn hoàn thành"), Column.text("Trạng thái"),
            Column.percent("Tiến độ (%)"), Column.text("Quá hạn"), Column.date("Ngày hoàn thành"));

    private final PlanProgressQuery query;
    private final PlanVisibility visibility;

    public PlanProgressController(PlanProgressQuery query, PlanVisibility visibility) {
        this.query = query;
        this.visibility = visibility;
    }

    @GetMapping("/api/v1/reports/plans/{planId}/progress")
    @Operation(summary = "A plan's progress, from the events of the plan- and task-services: its own tasks, the "
            + "roll-up over every plan below it, each sub-plan, feedback; asOf = at the end of a past day. Public; "
            + "without a token a DRAFT plan is 404 and DRAFT sub-plans are left out")
    public PlanProgress progress(@PathVariable String planId, @Parameter(description = "a past day, e.g. 2024-06-30")
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate asOf) {
        return query.of(planId, asOf, visibility.draftsHidden());
    }

    @GetMapping("/api/v1/reports/plans/{planId}/progress.xlsx")
    @Operation(summary = "The progress report as XLSX: a summary sheet (every plan of the subtree and the total) "
            + "and a task sheet; streamed")
    public ResponseEntity<StreamingResponseBody> workbook(@PathVariable String planId,
                                                          @RequestParam(required = false)
                                                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                                          LocalDate asOf) {
        PlanProgressQuery.Snapshot snapshot = query.snapshot(planId, asOf, visibility.draftsHidden());
        return Exports.xlsx(fileName(snapshot), List.of(planTable(snapshot), taskTable(snapshot)));
    }

    @GetMapping("/api/v1/reports/plans/{planId}/progress.csv")
    @Operation(summary = "The progress report as CSV (UTF-8 with BOM): table=plans (default) for the summary, "
            + "table=tasks for the tasks; streamed")
    public ResponseEntity<StreamingResponseBody> csv(@PathVariable String planId,
                                                     @RequestParam(required = false)
                                                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                                     @RequestParam(defaultValue = "plans")
                                                     @Pattern(regexp = "plans|tasks", message = "plans or tasks")
                                                     String table) {
        PlanProgressQuery.Snapshot snapshot = query.snapshot(planId, asOf, visibility.draftsHidden());
        return table.equals("tasks") ? Exports.csv(fileName(snapshot) + "-nhiem-vu", taskTable(snapshot))
                : Exports.csv(fileName(snapshot), planTable(snapshot));
    }

    @GetMapping("/api/v1/reports/plans/{planId}/progress.html")
    @Operation(summary = "The progress report as a printable HTML page")
    public ResponseEntity<StreamingResponseBody> html(@PathVariable String planId,
                                                      @RequestParam(required = false)
                                                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        PlanProgressQuery.Snapshot snapshot = query.snapshot(planId, asOf, visibility.draftsHidden());
        return Exports.html("Báo cáo tiến độ thực hiện " + snapshot.plan().code(), List.of(snapshot.plan().title(),
                dayLine(snapshot)), List.of(planTable(snapshot), taskTable(snapshot)));
    }

    private static String fileName(PlanProgressQuery.Snapshot snapshot) {
        return "tien-do-" + Exports.fileName(snapshot.plan().code()) + "-" + snapshot.day();
    }

    private static String dayLine(PlanProgressQuery.Snapshot snapshot) {
        return "Số liệu tính đến hết ngày " + snapshot.day().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                + " (theo giờ Việt Nam), từ sự kiện của hệ thống quản lý kế hoạch và nhiệm vụ.";
    }

    private Table planTable(PlanProgressQuery.Snapshot snapshot) {
        List<List<Object>> rows = new ArrayList<>();
        Map<PlanRecord, ProgressFigures> perPlan = query.figuresPerPlan(snapshot);
        List<ProgressFigures.Item> all = new ArrayList<>();
        perPlan.forEach((plan, figures) -> rows.add(planRow(plan.code(), plan.title(), Labels.planKind(plan.kind()),
                Labels.planStatus(PlanProgressQuery.statusOf(plan, snapshot.cutoff())), figures,
                query.feedback(snapshot, List.of(plan)))));
        snapshot.itemsByPlan().values().forEach(all::addAll);
        rows.add(planRow("Tổng cộng", "Kế hoạch " + snapshot.plan().code() + " và các kế hoạch cấp dưới ("
                + perPlan.size() + " kế hoạch)", null, null, ProgressFigures.of(all, snapshot.day()),
                query.feedback(snapshot, snapshot.subtree())));
        return new Table("Tổng hợp", List.of("Tiến độ thực hiện " + snapshot.plan().code() + " — "
                + snapshot.plan().title(), dayLine(snapshot)), PLAN_COLUMNS, rows.stream());
    }

    private static List<Object> planRow(String code, String title, String kind, String status, ProgressFigures f,
                                        FeedbackSummary feedback) {
        Map<String, Long> s = f.tasksByStatus();
        List<Object> row = new ArrayList<>(List.of(code, title));
        row.add(kind);
        row.add(status);
        row.addAll(List.of(f.taskCount(), s.get("PLANNED"), s.get("ASSIGNED"), s.get("IN_PROGRESS"), s.get("BLOCKED"),
                s.get("DONE"), s.get("CANCELLED"), f.averagePercentComplete(), f.weightedPercentComplete(),
                f.overdueTasks(), f.doneOnTime(), feedback.count()));
        row.add(feedback.averageRating());
        return row;
    }

    private Table taskTable(PlanProgressQuery.Snapshot snapshot) {
        return new Table("Nhiệm vụ", List.of("Danh sách nhiệm vụ — " + snapshot.plan().code(), dayLine(snapshot)),
                TASK_COLUMNS, query.taskRows(snapshot).map(r -> {
                    List<Object> row = new ArrayList<>();
                    row.add(r.plan().code());
                    row.add(r.task().title());
                    row.add(r.task().leadUnitCode());
                    row.add(String.join(", ", r.task().coordinatingUnitCodes()));
                    row.add(Labels.priority(r.task().priority()));
                    row.add(r.task().startDate());
                    row.add(r.state().dueDate());
                    row.add(Labels.taskStatus(r.state().status()));
                    row.add(r.state().percentComplete());
                    row.add(Labels.yesNo(r.overdue()));
                    row.add(r.state().completedOn());
                    return row;
                }));
    }
}
