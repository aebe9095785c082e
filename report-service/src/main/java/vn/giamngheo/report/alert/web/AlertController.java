package vn.giamngheo.report.alert.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.report.alert.AlertDetector;
import vn.giamngheo.report.alert.AlertStore;
import vn.giamngheo.report.alert.domain.Alert;
import vn.giamngheo.report.alert.domain.AlertKind;
import vn.giamngheo.report.alert.domain.AlertStatus;
import vn.giamngheo.support.domain.NotFoundException;
import vn.giamngheo.support.outbox.AuditEntry;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.web.IfMatch;
import vn.giamngheo.support.web.PageResponse;

@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "Alerts", description = "Cảnh báo: indicators off track, plans with many overdue tasks, units that "
        + "have not reported; also published on report.events")
public class AlertController {

    private final AlertStore store;
    private final AlertDetector detector;

    public AlertController(AlertStore store, AlertDetector detector) {
        this.store = store;
        this.detector = detector;
    }

    /** Taking note of an alert. */
    public record AcknowledgeRequest(@NotBlank @Size(max = 200) String acknowledgedBy,
                                     @Size(max = 2000) String note) {
    }

    @GetMapping
    @Operation(summary = "Alerts, newest first; open=true for raised or acknowledged ones (readers)")
    public PageResponse<AlertResponse> list(@RequestParam(required = false) AlertKind kind,
                                            @RequestParam(required = false) AlertStatus status,
                                            @RequestParam(required = false) Boolean open,
                                            @RequestParam(required = false) String planId,
                                            @RequestParam(required = false) String unitCode,
                                            @RequestParam(required = false) String period,
                                            @RequestParam(defaultValue = "0") @Min(0) int page,
                                            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        PageResponse<Versioned<Alert>> found = store.search(new AlertStore.Filter(kind, status, open, planId,
                unitCode, period), page, size);
        return new PageResponse<>(found.items().stream().map(AlertResponse::of).toList(), page, size, found.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One alert; its ETag is its version (readers)")
    public ResponseEntity<AlertResponse> get(@PathVariable String id) {
        Versioned<Alert> alert = store.find(id).orElseThrow(() -> new NotFoundException("Alert", id));
        return ResponseEntity.ok().eTag(IfMatch.etag(alert.version())).body(AlertResponse.of(alert));
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "Who raised the alert (whoever ran the check, or the report-service on its schedule), "
            + "acknowledged and resolved it, and when (readers)")
    public List<AuditEntry> audit(@PathVariable String id) {
        return store.auditTrail(id);
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "Take note of a raised alert (đã tiếp nhận), with what is being done: the administrator or "
            + "an officer of the unit the alert is about (the unit that has not reported; for a plan's alert, the "
            + "unit that issued the plan); 403 otherwise")
    public ResponseEntity<AlertResponse> acknowledge(@PathVariable String id,
                                                     @RequestHeader(value = "If-Match", required = false)
                                                     String ifMatch,
                                                     @Valid @RequestBody AcknowledgeRequest request) {
        Versioned<Alert> alert = detector.acknowledge(id, IfMatch.expectedVersion(ifMatch), request.acknowledgedBy(),
                request.note());
        return ResponseEntity.ok().eTag(IfMatch.etag(alert.version())).body(AlertResponse.of(alert));
    }

    @PostMapping("/checks")
    @Operation(summary = "Run the alert check now (it also runs on a schedule): raises new alerts once per "
            + "condition and period, resolves cleared ones (administrator)")
    public AlertDetector.Run check() {
        return detector.run();
    }
}
