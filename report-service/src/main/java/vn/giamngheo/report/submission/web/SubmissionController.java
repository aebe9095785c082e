package vn.giamngheo.report.submission.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.report.ReportSettings;
import vn.giamngheo.report.calendar.ProvinceCalendar;
import vn.giamngheo.report.period.ReportPeriod;
import vn.giamngheo.report.submission.ExpectedSubmitters;
import vn.giamngheo.report.submission.SubmissionCommands;
import vn.giamngheo.report.submission.SubmissionStore;
import vn.giamngheo.report.submission.domain.Submission;
import vn.giamngheo.report.submission.domain.SubmissionStatus;
import vn.giamngheo.report.unit.UnitViews;
import vn.giamngheo.support.outbox.AuditEntry;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.web.IfMatch;
import vn.giamngheo.support.web.PageResponse;

@RestController
@RequestMapping("/api/v1/submissions")
@Tag(name = "Periodic reports", description = "Báo cáo định kỳ 6 tháng và hằng năm: draft, submit, return, "
        + "approve; approved values become the indicators' actuals")
public class SubmissionController {

    private final SubmissionCommands commands;
    private final SubmissionStore store;
    private final ExpectedSubmitters expected;
    private final UnitViews units;
    private final ProvinceCalendar calendar;
    private final int dueDays;

    public SubmissionController(SubmissionCommands commands, SubmissionStore store, ExpectedSubmitters expected,
                                UnitViews units, ProvinceCalendar calendar, ReportSettings settings) {
        this.commands = commands;
        this.store = store;
        this.expected = expected;
        this.units = units;
        this.calendar = calendar;
        this.dueDays = settings.submissions().dueDaysAfterPeriod();
    }

    @PostMapping
    @Operation(summary = "Start a unit's report for a period (2024-H1, 2024-H2 or 2024), as a DRAFT (201; id "
            + "SUB-<unitCode>-<period>; 409 already-exists when the unit has one for the period; 422 for an unknown "
            + "unit or plan; 400 naming values[i].indicatorCode when the plan has no such indicator). An officer of "
            + "the unit or the administrator; 403 for an officer of another unit")
    public ResponseEntity<SubmissionResponse> draft(@Valid @RequestBody SubmissionRequests.DraftRequest request) {
        Versioned<Submission> created = commands.draft(request.unitCode(), request.period(),
                SubmissionRequests.values(request.values()), request.narrative());
        return ResponseEntity.created(URI.create("/api/v1/submissions/" + created.id()))
                .eTag(IfMatch.etag(created.version())).body(SubmissionResponse.of(created, calendar.today()));
    }

    @GetMapping
    @Operation(summary = "Submissions, latest period first; late=true lists those first submitted after their due "
            + "date. Readers; an officer sees other units' reports once they are submitted (not their drafts)")
    public PageResponse<SubmissionResponse> list(@RequestParam(required = false) String unitCode,
                                                 @RequestParam(required = false)
                                                 @Pattern(regexp = ReportPeriod.PATTERN) String period,
                                                 @RequestParam(required = false) SubmissionStatus status,
                                                 @RequestParam(required = false) Boolean late,
                                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                                 @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        PageResponse<Versioned<Submission>> found = store.search(new SubmissionStore.Filter(unitCode, period, status,
                late, commands.hidesDraftsOfOthers()), page, size);
        LocalDate today = calendar.today();
        return new PageResponse<>(found.items().stream().map(s -> SubmissionResponse.of(s, today)).toList(), page,
                size, found.total());
    }

    @GetMapping("/overview")
    @Operation(summary = "Who has reported for a period: the units expected to (they lead tasks in the period "
            + "under issued or closed plans) and those that did, with status (MISSING when none), late, overdue")
    public SubmissionOverview overview(@Parameter(description = "2024-H1, 2024-H2 or 2024")
                                       @RequestParam @Pattern(regexp = ReportPeriod.PATTERN) String period) {
        ReportPeriod reportPeriod = ReportPeriod.parse(period);
        LocalDate today = calendar.today();
        Set<String> owing = expected.of(reportPeriod);
        Map<String, Versioned<Submission>> byUnit = new HashMap<>();
        store.ofPeriod(reportPeriod.code()).forEach(s -> byUnit.put(s.state().unitCode(), s));
        Set<String> all = new TreeSet<>(owing);
        all.addAll(byUnit.keySet());
        Map<String, String> names = units.namesOf(all);
        List<SubmissionOverview.Row> rows = new ArrayList<>();
        int submitted = 0;
        int approved = 0;
        int late = 0;
        int overdue = 0;
        LocalDate due = reportPeriod.dueDate(dueDays);
        for (String unit : all) {
            Versioned<Submission> found = byUnit.get(unit);
            Submission s = found == null ? null : found.state();
            boolean isOverdue = s == null ? today.isAfter(due) : s.isOverdueOn(today);
            if (s != null && s.firstSubmittedOn() != null) {
                submitted++;
            }
            if (s != null && s.status() == SubmissionStatus.APPROVED) {
                approved++;
            }
            if (s != null && s.late()) {
                late++;
            }
            if (isOverdue) {
                overdue++;
            }
            rows.add(new SubmissionOverview.Row(unit, names.get(unit), owing.contains(unit),
                    s == null ? null : s.id(), s == null ? "MISSING" : s.status().name(),
                    s == null ? null : s.firstSubmittedOn(), s != null && s.late(), s == null ? 0 : s.daysLate(),
                    isOverdue));
        }
        return new SubmissionOverview(reportPeriod.code(), reportPeriod.nameVi(), due, owing.size(), submitted,
                approved, late, overdue, rows);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One submission; its ETag is its version. Readers; a draft only to its own unit's "
            + "officers, viewers and the administrator (403 for an officer of another unit)")
    public ResponseEntity<SubmissionResponse> get(@PathVariable String id) {
        return respond(commands.get(id));
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "Who drafted, changed, submitted, returned and approved the report, and when; visible like "
            + "the submission")
    public List<AuditEntry> audit(@PathVariable String id) {
        return commands.auditTrail(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace the values and narrative of a DRAFT or RETURNED report (nothing is stored when "
            + "nothing changes). An officer of the unit or the administrator")
    public ResponseEntity<SubmissionResponse> edit(@PathVariable String id,
                                                   @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                   @Valid @RequestBody SubmissionRequests.EditRequest request) {
        return respond(commands.edit(id, IfMatch.expectedVersion(ifMatch),
                SubmissionRequests.values(request.values()), request.narrative()));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit (again, after a return) to the level above; late when after the due date. An "
            + "officer of the unit or the administrator")
    public ResponseEntity<SubmissionResponse> submit(@PathVariable String id,
                                                     @RequestHeader(value = "If-Match", required = false)
                                                     String ifMatch,
                                                     @Valid @RequestBody(required = false)
                                                     SubmissionRequests.SubmitRequest request) {
        return respond(commands.submit(id, IfMatch.expectedVersion(ifMatch),
                request == null ? null : request.submittedBy()));
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "The level above returns a SUBMITTED report to its unit, with the reason (administrator)")
    public ResponseEntity<SubmissionResponse> returnToUnit(@PathVariable String id,
                                                           @RequestHeader(value = "If-Match", required = false)
                                                           String ifMatch,
                                                           @Valid @RequestBody
                                                           SubmissionRequests.ReturnRequest request) {
        return respond(commands.returnToUnit(id, IfMatch.expectedVersion(ifMatch), request.returnedBy(),
                request.reason()));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "The level above approves a SUBMITTED report: its values become the indicators' actuals "
            + "(administrator; approvedBy names the approving body and must not be the submitting unit)")
    public ResponseEntity<SubmissionResponse> approve(@PathVariable String id,
                                                      @RequestHeader(value = "If-Match", required = false)
                                                      String ifMatch,
                                                      @Valid @RequestBody SubmissionRequests.ApproveRequest request) {
        return respond(commands.approve(id, IfMatch.expectedVersion(ifMatch), request.approvedBy()));
    }

    private ResponseEntity<SubmissionResponse> respond(Versioned<Submission> submission) {
        return ResponseEntity.ok().eTag(IfMatch.etag(submission.version()))
                .body(SubmissionResponse.of(submission, calendar.today()));
    }
}
