package vn.giamngheo.plan.funding.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.plan.Access;
import vn.giamngheo.plan.funding.AllocationCommands;
import vn.giamngheo.plan.funding.AllocationStore;
import vn.giamngheo.plan.funding.FundingTotals;
import vn.giamngheo.plan.funding.domain.Allocation;
import vn.giamngheo.plan.funding.domain.AllocationStatus;
import vn.giamngheo.plan.funding.domain.FundingSource;
import vn.giamngheo.plan.plan.PlanStore;
import vn.giamngheo.plan.plan.domain.Program;
import vn.giamngheo.support.outbox.AuditEntry;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.web.IfMatch;
import vn.giamngheo.support.web.PageResponse;

@RestController
@Tag(name = "Funding", description = "Lồng ghép nguồn lực: allocations to plans by unit, source, program and year, "
        + "disbursements and totals (whole VND). Read by signed-in readers, changed by the province administrator; "
        + "the public's view of funding is the report-service's funding report.")
public class AllocationController {

    private static final String WRITE = Access.ADMIN;
    private static final String READ = Access.READERS;

    private final AllocationCommands commands;
    private final AllocationStore store;
    private final PlanStore plans;

    public AllocationController(AllocationCommands commands, AllocationStore store, PlanStore plans) {
        this.commands = commands;
        this.store = store;
        this.plans = plans;
    }

    @PostMapping("/api/v1/plans/{planId}/allocations")
    @Operation(summary = "Allocate funds to a draft or issued plan (201): the year inside the plan's period, the unit "
            + "existing that year, the objective one of the plan's; at most one active allocation per objective, "
            + "unit, source, program and year (409 otherwise)", description = WRITE,
            security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<AllocationResponse> allocate(@PathVariable String planId,
                                                       @Valid @RequestBody AllocationRequest request) {
        Versioned<Allocation> allocation = commands.allocate(request.toNewAllocation(planId));
        return ResponseEntity.created(URI.create("/api/v1/allocations/" + allocation.id()))
                .eTag(IfMatch.etag(allocation.version())).body(AllocationResponse.of(allocation));
    }

    @GetMapping("/api/v1/plans/{planId}/allocations")
    @Operation(summary = "A plan's allocations, filtered and paged", description = READ,
            security = @SecurityRequirement(name = Access.BEARER))
    public PageResponse<AllocationResponse> list(@PathVariable String planId,
                                                 @RequestParam(required = false) String objectiveCode,
                                                 @RequestParam(required = false) String unitCode,
                                                 @RequestParam(required = false) FundingSource source,
                                                 @RequestParam(required = false) Program program,
                                                 @RequestParam(required = false) @Min(1900) @Max(2100) Integer year,
                                                 @RequestParam(required = false) AllocationStatus status,
                                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                                 @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        plans.get(planId);
        PageResponse<Versioned<Allocation>> found = store.search(new AllocationStore.AllocationFilter(planId,
                objectiveCode, unitCode, source, program, year, status), page, size);
        return new PageResponse<>(found.items().stream().map(AllocationResponse::of).toList(), page, size,
                found.total());
    }

    @GetMapping("/api/v1/allocations/totals")
    @Operation(summary = "Totals of active allocations (allocated, disbursed, count) overall, by source, by program "
            + "and by both; every filter optional", description = READ,
            security = @SecurityRequirement(name = Access.BEARER))
    public FundingTotals totals(@Parameter(description = "Only this plan's allocations")
                                @RequestParam(required = false) String planId,
                                @RequestParam(required = false) String objectiveCode,
                                @RequestParam(required = false) String unitCode,
                                @RequestParam(required = false) FundingSource source,
                                @RequestParam(required = false) Program program,
                                @RequestParam(required = false) @Min(1900) @Max(2100) Integer year) {
        return FundingTotals.of(store.sums(new AllocationStore.AllocationFilter(planId, objectiveCode, unitCode,
                source, program, year, null)));
    }

    @GetMapping("/api/v1/allocations/{id}")
    @Operation(summary = "One allocation; its ETag is its version", description = READ,
            security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<AllocationResponse> get(@PathVariable String id) {
        return respond(store.get(id));
    }

    @PutMapping("/api/v1/allocations/{id}")
    @Operation(summary = "Correct the allocated amount and note (not below what was already disbursed)",
            description = WRITE, security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<AllocationResponse> change(@PathVariable String id,
                                                     @RequestHeader(value = "If-Match", required = false)
                                                     String ifMatch,
                                                     @Valid @RequestBody AllocationChangeRequest request) {
        return respond(commands.change(id, IfMatch.expectedVersion(ifMatch),
                request.allocatedAmount().longValueExact(), request.note()));
    }

    @PostMapping("/api/v1/allocations/{id}/disbursements")
    @Operation(summary = "Report the amount disbursed so far (a total, at most the allocated amount)",
            description = WRITE, security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<AllocationResponse> disburse(@PathVariable String id,
                                                       @RequestHeader(value = "If-Match", required = false)
                                                       String ifMatch,
                                                       @Valid @RequestBody DisbursementRequest request) {
        return respond(commands.reportDisbursement(id, IfMatch.expectedVersion(ifMatch),
                request.disbursedAmount().longValueExact()));
    }

    @PostMapping("/api/v1/allocations/{id}/cancel")
    @Operation(summary = "Withdraw an allocation; it no longer counts in totals", description = WRITE,
            security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<AllocationResponse> cancel(@PathVariable String id,
                                                     @RequestHeader(value = "If-Match", required = false)
                                                     String ifMatch,
                                                     @Valid @RequestBody CancelAllocationRequest request) {
        return respond(commands.cancel(id, IfMatch.expectedVersion(ifMatch), request.reason()));
    }

    @GetMapping("/api/v1/allocations/{id}/audit")
    @Operation(summary = "The allocation's audit trail, oldest first: every stored change with its version, event "
            + "type, actor (subject, name, unit, kind) and time", description = READ,
            security = @SecurityRequirement(name = Access.BEARER))
    public List<AuditEntry> audit(@PathVariable String id) {
        return store.auditTrail(id);
    }

    private static ResponseEntity<AllocationResponse> respond(Versioned<Allocation> allocation) {
        return ResponseEntity.ok().eTag(IfMatch.etag(allocation.version())).body(AllocationResponse.of(allocation));
    }
}
