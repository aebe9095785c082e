package vn.giamngheo.plan.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
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
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.plan.Access;
import vn.giamngheo.plan.plan.PlanCommands;
import vn.giamngheo.plan.plan.PlanReads;
import vn.giamngheo.plan.plan.PlanStore;
import vn.giamngheo.plan.plan.domain.HistoryEntry;
import vn.giamngheo.plan.plan.domain.Plan;
import vn.giamngheo.plan.plan.domain.PlanKind;
import vn.giamngheo.plan.plan.domain.PlanStatus;
import vn.giamngheo.plan.plan.domain.Program;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.outbox.AuditEntry;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.web.IfMatch;
import vn.giamngheo.support.web.PageResponse;

@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "Plans", description = "Kế hoạch: resolutions, program plans, annual and unit plans, their lifecycle, "
        + "revisions and history")
public class PlanController {

    private static final String WRITE = Access.ADMIN;

    private final PlanCommands commands;
    private final PlanReads reads;
    private final PlanStore store;

    public PlanController(PlanCommands commands, PlanReads reads, PlanStore store) {
        this.commands = commands;
        this.reads = reads;
        this.store = store;
    }

    @PostMapping
    @Operation(summary = "Draft a plan; its issuing unit must exist during the plan's period", description = WRITE,
            security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<PlanResponse> draft(@Valid @RequestBody DraftPlanRequest request) {
        Versioned<Plan> plan = commands.draft(request.toNewPlan());
        return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.id())).eTag(IfMatch.etag(plan.version()))
                .body(PlanResponse.of(plan));
    }

    @GetMapping
    @Operation(summary = "List plans, filtered and paged, ordered by period start and code",
            description = Access.PUBLIC_PLANS)
    public PageResponse<PlanResponse> list(
            @Parameter(description = "Exact document code, e.g. 61/KH-UBND")
            @RequestParam(required = false) String code,
            @RequestParam(required = false) PlanStatus status,
            @RequestParam(required = false) PlanKind kind,
            @RequestParam(required = false) Program program,
            @RequestParam(required = false) String issuingUnitCode,
            @RequestParam(required = false) String parentPlanId,
            @Parameter(description = "Plans whose period overlaps this year")
            @RequestParam(required = false) @Min(1900) @Max(2100) Integer year,
            @Parameter(description = "Plans whose period overlaps [from, to]; either bound may be left out")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "Words in the code or title, with or without diacritics: q=giam ngheo finds "
                    + "\"giảm nghèo\"")
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        if (year != null && (from != null || to != null)) {
            throw new InvalidInputException("year", "give either year or from/to, not both");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        LocalDate overlapsFrom = year != null ? LocalDate.of(year, 1, 1) : from;
        LocalDate overlapsTo = year != null ? LocalDate.of(year, 12, 31) : to;
        PageResponse<Versioned<Plan>> found = reads.search(new PlanStore.PlanFilter(code, status, kind, program,
                issuingUnitCode, parentPlanId, overlapsFrom, overlapsTo, q, false), page, size);
        return new PageResponse<>(found.items().stream().map(PlanResponse::of).toList(), page, size, found.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One plan with its objectives, indicators and targets; its ETag is its version",
            description = Access.PUBLIC_PLANS)
    public ResponseEntity<PlanResponse> get(@PathVariable String id) {
        return respond(reads.get(id));
    }

    @PutMapping("/{id}/details")
    @Operation(summary = "Edit a draft plan's header (title, program, issuing unit, parent, period); 409 once issued",
            description = WRITE, security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<PlanResponse> changeDetails(@PathVariable String id,
                                                      @RequestHeader(value = "If-Match", required = false)
                                                      String ifMatch,
                                                      @Valid @RequestBody PlanDetailsRequest request) {
        return respond(commands.changeDetails(id, IfMatch.expectedVersion(ifMatch), request.toDetails()));
    }

    @PostMapping("/{id}/issue")
    @Operation(summary = "Issue a draft plan (ban hành); its tasks become assigned", description = WRITE,
            security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<PlanResponse> issue(@PathVariable String id,
                                              @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                              @Valid @RequestBody(required = false) IssuePlanRequest request) {
        return respond(commands.issue(id, IfMatch.expectedVersion(ifMatch),
                request == null ? null : request.issuedOn()));
    }

    @PostMapping("/{id}/revisions")
    @Operation(summary = "Revise an issued plan (điều chỉnh): the changes and why, stored as one history entry and one "
            + "plan.PlanRevised.v1 event; 409 for a draft (edit it directly) or a closed or cancelled plan",
            description = WRITE, security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<PlanResponse> revise(@PathVariable String id,
                                               @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                               @Valid @RequestBody RevisionRequest request) {
        return respond(commands.revise(id, IfMatch.expectedVersion(ifMatch), request.toRevision()));
    }

    @GetMapping("/{id}/revisions")
    @Operation(summary = "The plan's revisions, oldest first: number, date, reason, document, who made it and what "
            + "changed", description = Access.PUBLIC_PLANS + " Who made a revision: account and name for signed-in "
            + "readers; only the kind of actor and its unit for everyone else.")
    public List<HistoryEntryResponse> revisions(@PathVariable String id) {
        return withActors(id, reads.get(id).state().revisions());
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every step of the plan, oldest first: drafting, edits, issue, revisions, closing or "
            + "cancelling, each with its version, who made it, time and what changed",
            description = Access.PUBLIC_PLANS + " Who made a step (from the plan's audit trail): account and name for "
                    + "signed-in readers; only the kind of actor and its unit for everyone else.")
    public List<HistoryEntryResponse> history(@PathVariable String id) {
        return withActors(id, reads.get(id).state().history());
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "The plan's audit trail, oldest first: every stored change with its version, event type, "
            + "actor (subject, name, unit, kind) and time", description = Access.READERS,
            security = @SecurityRequirement(name = Access.BEARER))
    public List<AuditEntry> audit(@PathVariable String id) {
        return store.auditTrail(id);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close an issued plan at the end of its period", description = WRITE,
            security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<PlanResponse> close(@PathVariable String id,
                                              @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return respond(commands.close(id, IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a plan; its open tasks are cancelled too", description = WRITE,
            security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<PlanResponse> cancel(@PathVariable String id,
                                               @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                               @Valid @RequestBody ReasonRequest request) {
        return respond(commands.cancel(id, IfMatch.expectedVersion(ifMatch), request.reason()));
    }

    private List<HistoryEntryResponse> withActors(String id, List<HistoryEntry> steps) {
        Map<Long, Actor> actors = reads.actorsByVersion(id);
        boolean identified = reads.readsEverything();
        return steps.stream().map(step -> HistoryEntryResponse.of(step, actors.get(step.version()), identified))
                .toList();
    }

    static ResponseEntity<PlanResponse> respond(Versioned<Plan> plan) {
        return ResponseEntity.ok().eTag(IfMatch.etag(plan.version())).body(PlanResponse.of(plan));
    }
}
