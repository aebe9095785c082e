package vn.giamngheo.plan.unit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.giamngheo.plan.Access;
import vn.giamngheo.plan.unit.ImportReport;
import vn.giamngheo.plan.unit.UnitCommands;
import vn.giamngheo.plan.unit.UnitCsv;
import vn.giamngheo.plan.unit.UnitStore;
import vn.giamngheo.plan.unit.domain.Successions;
import vn.giamngheo.plan.unit.domain.Unit;
import vn.giamngheo.plan.unit.domain.UnitImport;
import vn.giamngheo.plan.unit.domain.UnitKind;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.outbox.AuditEntry;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.web.IfMatch;
import vn.giamngheo.support.web.PageResponse;

@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "Units", description = "Đơn vị: administrative units and agencies, effective-dated, with successor links "
        + "for mergers and renamings")
public class UnitController {

    private static final String WRITE = Access.ADMIN;

    private final UnitCommands commands;
    private final UnitStore store;
    private final Clock clock;

    public UnitController(UnitCommands commands, UnitStore store, Clock clock) {
        this.commands = commands;
        this.store = store;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a unit (201, ETag \"1\"); its parent must exist on validFrom, its successors on the "
            + "day after validTo", description = WRITE, security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<UnitResponse> register(@Valid @RequestBody UnitRequest request) {
        if (request.code() == null || request.code().isBlank()) {
            throw new InvalidInputException("code", "must be given");
        }
        Versioned<Unit> unit = commands.register(request.toData(null));
        return ResponseEntity.created(URI.create("/api/v1/units/" + unit.id())).eTag(IfMatch.etag(unit.version()))
                .body(UnitResponse.of(unit));
    }

    @GetMapping
    @Operation(summary = "List units, filtered and paged; validOn=D lists the units that existed on D",
            description = Access.PUBLIC)
    public PageResponse<UnitResponse> list(
            @Parameter(description = "PROVINCE, DISTRICT, COMMUNE, WARD, TOWNSHIP or AGENCY")
            @RequestParam(required = false) UnitKind kind,
            @RequestParam(required = false) String parentCode,
            @Parameter(description = "Only units valid on this date (YYYY-MM-DD)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validOn,
            @Parameter(description = "Words in the code or names, with or without diacritics (e.g. van ho)")
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        PageResponse<Versioned<Unit>> found = store.search(new UnitStore.UnitFilter(kind, parentCode, validOn, q),
                page, size);
        return new PageResponse<>(found.items().stream().map(UnitResponse::of).toList(), page, size, found.total());
    }

    @GetMapping("/{code}")
    @Operation(summary = "One unit; its ETag is its version", description = Access.PUBLIC)
    public ResponseEntity<UnitResponse> get(@PathVariable String code) {
        return respond(store.get(code));
    }

    @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a unit's state (names, parent, validity, successors); setting validTo on an open "
            + "unit retires it. A request that changes nothing publishes nothing.", description = WRITE,
            security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<UnitResponse> change(@PathVariable String code,
                                               @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                               @Valid @RequestBody UnitRequest request) {
        if (request.code() != null && !request.code().equals(code)) {
            throw new InvalidInputException("code", "must be " + code + " or left out; a unit's code never changes");
        }
        return respond(commands.change(code, IfMatch.expectedVersion(ifMatch), request.toData(code)));
    }

    @PostMapping("/{code}/retire")
    @Operation(summary = "Retire a unit: it ceased to exist on validTo and became the successor units",
            description = WRITE, security = @SecurityRequirement(name = Access.BEARER))
    public ResponseEntity<UnitResponse> retire(@PathVariable String code,
                                               @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                               @Valid @RequestBody RetireUnitRequest request) {
        return respond(commands.retire(code, IfMatch.expectedVersion(ifMatch), request.validTo(),
                request.successorCodes() == null ? List.of() : request.successorCodes()));
    }

    @GetMapping("/{code}/successors")
    @Operation(summary = "What became of a unit: the units valid on the date that it turned into, following "
            + "successor links through every merger and renaming (itself if it still existed then)",
            description = Access.PUBLIC)
    public SuccessionResponse successors(
            @PathVariable String code,
            @Parameter(description = "The date to look at; today when left out")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        LocalDate date = on == null ? LocalDate.now(clock) : on;
        Unit start = store.get(code).state();
        List<UnitResponse> units = Successions.resolve(start, date, store::find).stream()
                .map(unit -> UnitResponse.of(store.get(unit.code()))).toList();
        return new SuccessionResponse(code, date, units);
    }

    @GetMapping("/{code}/predecessors")
    @Operation(summary = "The units this unit was formed from (those naming it as a successor): the crosswalk from "
            + "former units to this one", description = Access.PUBLIC)
    public List<UnitResponse> predecessors(@PathVariable String code) {
        store.get(code);
        return store.predecessorsOf(code).stream().map(UnitResponse::of).toList();
    }

    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import units from CSV (UTF-8; header code,kind,nameVi,nameEn,parentCode,validFrom,validTo,"
            + "successorCodes; several successors separated by ;). Bad lines are reported with their line number and "
            + "the good ones kept; importing the same file again changes nothing.", description = WRITE,
            security = @SecurityRequirement(name = Access.BEARER))
    public ImportReport importCsv(@RequestBody byte[] csv) {
        return commands.importUnits(UnitCsv.read(csv), UnitImport.Mode.UPSERT);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import units from an uploaded CSV file (form field \"file\"); same rules as the text/csv "
            + "form", description = WRITE, security = @SecurityRequirement(name = Access.BEARER))
    public ImportReport importFile(@RequestPart("file") MultipartFile file) {
        try {
            return commands.importUnits(UnitCsv.read(file.getBytes()), UnitImport.Mode.UPSERT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{code}/audit")
    @Operation(summary = "The unit's audit trail, oldest first: every stored change with its version, event type, "
            + "actor (subject, name, unit, kind; reference units loaded at start-up name the plan-service) and time",
            description = Access.READERS, security = @SecurityRequirement(name = Access.BEARER))
    public List<AuditEntry> audit(@PathVariable String code) {
        return store.auditTrail(code);
    }

    private static ResponseEntity<UnitResponse> respond(Versioned<Unit> unit) {
        return ResponseEntity.ok().eTag(IfMatch.etag(unit.version())).body(UnitResponse.of(unit));
    }
}
