package vn.giamngheo.plan.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.plan.Access;
import vn.giamngheo.plan.plan.PlanCommands;
import vn.giamngheo.plan.plan.PlanReads;
import vn.giamngheo.plan.plan.domain.IndicatorInput;
import vn.giamngheo.plan.plan.domain.Plan;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.web.IfMatch;

/**
 * Objectives, indicators and yearly targets of a DRAFT plan. Every change answers with the whole plan and its new
 * version (ETag); once the plan is issued these answer 409 and changes go through a revision.
 */
@RestController
@RequestMapping("/api/v1/plans/{id}")
@Tag(name = "Objectives and indicators", description = "Mục tiêu, chỉ tiêu và chỉ tiêu năm of a draft plan")
public class PlanStructureController {

    private static final String WRITE = Access.ADMIN;

    private final PlanCommands commands;
    private final PlanReads reads;

    public PlanStructureController(PlanCommands commands, PlanReads reads) {
        this.commands = commands;
        this.reads = reads;
    }

    @GetMapping("/objectives")
    @Operation(summary = "The plan's objectives with their indicators and targets", description = Access.PUBLIC_PLANS)
    public List<PlanResponse.ObjectiveResponse> objectives(@PathVariable String id) {
        return reads.get(id).state().objectives().stream().map(PlanResponse.ObjectiveResponse::of).toList();
    }

    @PostMapping("/objectives")
    @Operation(summary = "Add an objective (code unique within the plan)",
            description = WRITE, security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<PlanResponse> addObjective(@PathVariable String id,
                                                     @RequestHeader(value = "If-Match", required = false)
                                                     String ifMatch,
                                                     @Valid @RequestBody ObjectiveRequest request) {
        if (request.code() == null || request.code().isBlank()) {
            throw new InvalidInputException("code", "must be given");
        }
        Versioned<Plan> plan = commands.addObjective(id, IfMatch.expectedVersion(ifMatch), request.toInput());
        return created(plan, "/api/v1/plans/" + id + "/objectives/" + request.code());
    }

    @PutMapping("/objectives/{code}")
    @Operation(summary = "Rename an objective",
            description = WRITE, security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<PlanResponse> changeObjective(@PathVariable String id, @PathVariable String code,
                                                        @RequestHeader(value = "If-Match", required = false)
                                                        String ifMatch,
                                                        @Valid @RequestBody ObjectiveRequest request) {
        requireSameCode(code, request.code());
        return PlanController.respond(commands.changeObjective(id, IfMatch.expectedVersion(ifMatch), code,
                request.nameVi(), request.nameEn()));
    }

    @DeleteMapping("/objectives/{code}")
    @Operation(summary = "Remove an objective together with its indicators",
            description = WRITE, security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<PlanResponse> removeObjective(@PathVariable String id, @PathVariable String code,
                                                        @RequestHeader(value = "If-Match", required = false)
                                                        String ifMatch) {
        return PlanController.respond(commands.removeObjective(id, IfMatch.expectedVersion(ifMatch), code));
    }

    @PostMapping("/objectives/{code}/indicators")
    @Operation(summary = "Add an indicator to an objective: targets inside the plan's period, a decreasing "
            + "indicator's plan-wide targets not above its baseline unless allowed, codes unique within the plan, "
            + "target areas existing in the target's year",
            description = WRITE, security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<PlanResponse> addIndicator(@PathVariable String id, @PathVariable String code,
                                                     @RequestHeader(value = "If-Match", required = false)
                                                     String ifMatch,
                                                     @Valid @RequestBody IndicatorRequest request) {
        if (request.code() == null || request.code().isBlank()) {
            throw new InvalidInputException("code", "must be given");
        }
        if (request.objectiveCode() != null && !request.objectiveCode().equals(code)) {
            throw new InvalidInputException("objectiveCode", "must be " + code + " or left out");
        }
        Versioned<Plan> plan = commands.addIndicator(id, IfMatch.expectedVersion(ifMatch), code, request.toInput());
        return created(plan, "/api/v1/plans/" + id + "/indicators/" + request.code());
    }

    @PutMapping("/indicators/{code}")
    @Operation(summary = "Redefine an indicator (same rules as adding); objectiveCode moves it, targets left out stay",
            description = WRITE, security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<PlanResponse> changeIndicator(@PathVariable String id, @PathVariable String code,
                                                        @RequestHeader(value = "If-Match", required = false)
                                                        String ifMatch,
                                                        @Valid @RequestBody IndicatorRequest request) {
        requireSameCode(code, request.code());
        IndicatorInput input = request.toInput();
        return PlanController.respond(commands.changeIndicator(id, IfMatch.expectedVersion(ifMatch), code, input));
    }

    @DeleteMapping("/indicators/{code}")
    @Operation(summary = "Remove an indicator",
            description = WRITE, security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<PlanResponse> removeIndicator(@PathVariable String id, @PathVariable String code,
                                                        @RequestHeader(value = "If-Match", required = false)
                                                        String ifMatch) {
        return PlanController.respond(commands.removeIndicator(id, IfMatch.expectedVersion(ifMatch), code));
    }

    @PutMapping("/indicators/{code}/targets")
    @Operation(summary = "Set an indicator's yearly targets (optionally by area), replacing the earlier ones",
            description = WRITE, security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<PlanResponse> setTargets(@PathVariable String id, @PathVariable String code,
                                                   @RequestHeader(value = "If-Match", required = false)
                                                   String ifMatch,
                                                   @Valid @RequestBody TargetsRequest request) {
        return PlanController.respond(commands.setTargets(id, IfMatch.expectedVersion(ifMatch), code,
                TargetRequest.toTargets(request.targets())));
    }

    private static void requireSameCode(String pathCode, String bodyCode) {
        if (bodyCode != null && !bodyCode.equals(pathCode)) {
            throw new InvalidInputException("code", "must be " + pathCode + " or left out; codes never change");
        }
    }

    private static ResponseEntity<PlanResponse> created(Versioned<Plan> plan, String location) {
        return ResponseEntity.created(URI.create(location)).eTag(IfMatch.etag(plan.version()))
                .body(PlanResponse.of(plan));
    }
}
