package vn.giamngheo.task.task.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.outbox.AuditEntry;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.web.IfMatch;
import vn.giamngheo.support.web.PageResponse;
import vn.giamngheo.task.task.ProgressLog;
import vn.giamngheo.task.task.TaskCommands;
import vn.giamngheo.task.task.TaskStore;
import vn.giamngheo.task.task.TaskStore.UnitRole;
import vn.giamngheo.task.task.domain.DeadlineExtension;
import vn.giamngheo.task.task.domain.ProgressReport;
import vn.giamngheo.task.task.domain.Task;
import vn.giamngheo.task.task.domain.TaskKind;
import vn.giamngheo.task.task.domain.TaskStatus;

@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks", description = "Nhiệm vụ: lead unit, coordinating units, schedule and progress. Every call "
        + "needs a token: reads for ADMIN, OFFICER, VIEWER and machines with api.read (tasks are not public); "
        + "create and cancel for ADMIN; the lead unit's work for ADMIN or an officer of the task's lead unit.")
public class TaskController {

    private final TaskCommands commands;
    private final TaskStore store;
    private final ProgressLog progressLog;
    private final Clock clock;

    public TaskController(TaskCommands commands, TaskStore store, ProgressLog progressLog, Clock clock) {
        this.commands = commands;
        this.store = store;
        this.progressLog = progressLog;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Create a task under a plan the task-service knows, for units valid on its dates",
            description = "ADMIN only.")
    public ResponseEntity<TaskResponse> create(@Valid @RequestBody CreateTaskRequest request) {
        Versioned<Task> task = commands.create(request.toNewTask());
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id())).eTag(IfMatch.etag(task.version()))
                .body(TaskResponse.of(task, today()));
    }

    @GetMapping
    @Operation(summary = "List tasks, ordered by due date. A unit's \"my tasks\": unitCode (with role LEAD or "
            + "COORDINATING to narrow it), e.g. ?unitCode=SXD-14&role=LEAD&overdue=true")
    public PageResponse<TaskResponse> list(
            @RequestParam(required = false) String planId,
            @RequestParam(required = false) String objectiveId,
            @Parameter(description = "lead or coordinating unit") @RequestParam(required = false) String unitCode,
            @Parameter(description = "with unitCode: only tasks the unit leads, or only those it coordinates")
            @RequestParam(required = false) UnitRole role,
            @Parameter(description = "one or more statuses") @RequestParam(required = false) List<TaskStatus> status,
            @RequestParam(required = false) TaskKind kind,
            @Parameter(description = "open and past due (true), or not (false)")
            @RequestParam(required = false) Boolean overdue,
            @Parameter(description = "due strictly before this date")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
            @Parameter(description = "due strictly after this date")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueAfter,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        if (role != null && unitCode == null) {
            throw new InvalidInputException("role", "needs unitCode: the unit whose role is meant");
        }
        LocalDate today = today();
        PageResponse<Versioned<Task>> found = store.search(new TaskStore.TaskFilter(planId, objectiveId, unitCode,
                role, status, kind, overdue, dueBefore, dueAfter), today, page, size);
        return new PageResponse<>(found.items().stream().map(t -> TaskResponse.of(t, today)).toList(), page, size,
                found.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task; its ETag is its version")
    public ResponseEntity<TaskResponse> get(@PathVariable String id) {
        return respond(store.get(id));
    }

    @PostMapping("/{id}/progress")
    @Operation(summary = "Report progress: the new total percentage, a note, optional evidence links and outputs; "
            + "a lower percentage needs a correctionReason", description = "ADMIN or an officer of the task's lead "
            + "unit. An officer of a coordinating unit may add a note only: percentComplete equal to the task's "
            + "current one and no evidenceLinks, outputs or correctionReason (403 otherwise). Other callers: 403.")
    public ResponseEntity<TaskResponse> progress(@PathVariable String id,
                                                 @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                 @Valid @RequestBody ProgressRequest request) {
        return respond(commands.reportProgress(id, IfMatch.expectedVersion(ifMatch), request.toUpdate()));
    }

    @GetMapping("/{id}/progress-reports")
    @Operation(summary = "The task's progress log, oldest first")
    public ResponseEntity<TaskLogResponse<ProgressReport>> progressReports(@PathVariable String id) {
        Versioned<Task> task = store.get(id);
        return ResponseEntity.ok().eTag(IfMatch.etag(task.version()))
                .body(new TaskLogResponse<>(task.id(), task.version(), progressLog.of(task)));
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Complete a task at 100% with a completion note",
            description = "ADMIN or an officer of the task's lead unit.")
    public ResponseEntity<TaskResponse> complete(@PathVariable String id,
                                                 @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                 @Valid @RequestBody CompleteRequest request) {
        return respond(commands.complete(id, IfMatch.expectedVersion(ifMatch), request.completionNote()));
    }

    @PostMapping("/{id}/block")
    @Operation(summary = "Mark a task blocked, with the reason",
            description = "ADMIN or an officer of the task's lead unit.")
    public ResponseEntity<TaskResponse> block(@PathVariable String id,
                                              @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                              @Valid @RequestBody ReasonRequest request) {
        return respond(commands.block(id, IfMatch.expectedVersion(ifMatch), request.reason()));
    }

    @PostMapping("/{id}/unblock")
    @Operation(summary = "Resume a blocked task where it was",
            description = "ADMIN or an officer of the task's lead unit.")
    public ResponseEntity<TaskResponse> unblock(@PathVariable String id,
                                                @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return respond(commands.unblock(id, IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/extend")
    @Operation(summary = "Extend the deadline (gia hạn): a later due date, not in the past, with the reason and who "
            + "asked; kept in the task's schedule history",
            description = "ADMIN or an officer of the task's lead unit.")
    public ResponseEntity<TaskResponse> extend(@PathVariable String id,
                                               @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                               @Valid @RequestBody ExtendRequest request) {
        return respond(commands.extend(id, IfMatch.expectedVersion(ifMatch), request.newDueDate(), request.reason(),
                request.requestedBy()));
    }

    @GetMapping("/{id}/extensions")
    @Operation(summary = "The task's deadline extensions, oldest first")
    public ResponseEntity<TaskLogResponse<DeadlineExtension>> extensions(@PathVariable String id) {
        Versioned<Task> task = store.get(id);
        return ResponseEntity.ok().eTag(IfMatch.etag(task.version()))
                .body(new TaskLogResponse<>(task.id(), task.version(), task.state().extensions()));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a task, with the reason", description = "ADMIN only.")
    public ResponseEntity<TaskResponse> cancel(@PathVariable String id,
                                               @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                               @Valid @RequestBody ReasonRequest request) {
        return respond(commands.cancel(id, IfMatch.expectedVersion(ifMatch), request.reason()));
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "Who changed the task, version by version: event type, actor (subject, name, unit, kind "
            + "USER | MACHINE | SYSTEM) and time, oldest first", description = "Changes the service makes by itself "
            + "(a plan issued or cancelled, the overdue check) are by the SYSTEM actor task-service.")
    public ResponseEntity<TaskLogResponse<AuditEntry>> audit(@PathVariable String id) {
        Versioned<Task> task = store.get(id);
        return ResponseEntity.ok().eTag(IfMatch.etag(task.version()))
                .body(new TaskLogResponse<>(task.id(), task.version(), store.aggregates().auditTrail(id)));
    }

    private ResponseEntity<TaskResponse> respond(Versioned<Task> task) {
        return ResponseEntity.ok().eTag(IfMatch.etag(task.version())).body(TaskResponse.of(task, today()));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
