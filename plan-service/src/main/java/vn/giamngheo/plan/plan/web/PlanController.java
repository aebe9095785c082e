package vn.giamngheo.plan.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.plan.plan.PlanCommands;
import vn.giamngheo.plan.plan.PlanStore;
import vn.giamngheo.plan.plan.domain.Plan;
import vn.giamngheo.plan.plan.domain.PlanKind;
import vn.giamngheo.plan.plan.domain.PlanStatus;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.web.IfMatch;
import vn.giamngheo.support.web.PageResponse;

@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "Plans", description = "Kế hoạch: resolutions, program plans, annual and unit plans, and their lifecycle")
public class PlanController {

    private final PlanCommands commands;
    private final PlanStore store;

    public PlanController(PlanCommands commands, PlanStore store) {
        this.commands = commands;
        this.store = store;
    }

    @PostMapping
    @Operation(summary = "Draft a plan")
    public ResponseEntity<PlanResponse> draft(@Valid @RequestBody DraftPlanRequest request) {
        Versioned<Plan> plan = commands.draft(request.toNewPlan());
        return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.id())).eTag(IfMatch.etag(plan.version()))
                .body(PlanResponse.of(plan));
    }

    @GetMapping
    @Operation(summary = "List plans, filtered and paged")
    public PageResponse<PlanResponse> list(@RequestParam(required = false) String code,
                                           @RequestParam(required = false) PlanStatus status,
                                           @RequestParam(required = false) PlanKind kind,
                                           @RequestParam(required = false) String issuingUnitCode,
                                           @RequestParam(required = false) String parentPlanId,
                                           @RequestParam(defaultValue = "0") @Min(0) int page,
                                           @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        PageResponse<Versioned<Plan>> found = store.search(
                new PlanStore.PlanFilter(code, status, kind, issuingUnitCode, parentPlanId), page, size);
        return new PageResponse<>(found.items().stream().map(PlanResponse::of).toList(), page, size, found.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One plan; its ETag is its version")
    public ResponseEntity<PlanResponse> get(@PathVariable String id) {
        return respond(store.get(id));
    }

    @PostMapping("/{id}/issue")
    @Operation(summary = "Issue a draft plan (ban hành); its tasks become assigned")
    public ResponseEntity<PlanResponse> issue(@PathVariable String id,
                                              @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                              @Valid @RequestBody(required = false) IssuePlanRequest request) {
        return respond(commands.issue(id, IfMatch.expectedVersion(ifMatch),
                request == null ? null : request.issuedOn()));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close an issued plan at the end of its period")
    public ResponseEntity<PlanResponse> close(@PathVariable String id,
                                              @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return respond(commands.close(id, IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a plan; its open tasks are cancelled too")
    public ResponseEntity<PlanResponse> cancel(@PathVariable String id,
                                               @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                               @Valid @RequestBody ReasonRequest request) {
        return respond(commands.cancel(id, IfMatch.expectedVersion(ifMatch), request.reason()));
    }

    private static ResponseEntity<PlanResponse> respond(Versioned<Plan> plan) {
        return ResponseEntity.ok().eTag(IfMatch.etag(plan.version())).body(PlanResponse.of(plan));
    }
}
