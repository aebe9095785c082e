package vn.giamngheo.task.task.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.web.IfMatch;
import vn.giamngheo.support.web.PageResponse;
import vn.giamngheo.task.task.TaskCommands;
import vn.giamngheo.task.task.TaskStore;
import vn.giamngheo.task.task.domain.Task;
import vn.giamngheo.task.task.domain.TaskStatus;

@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks", description = "Nhiệm vụ: lead unit, coordinating units, schedule and progress")
public class TaskController {

    private final TaskCommands commands;
    private final TaskStore store;
    private final Clock clock;

    public TaskController(TaskCommands commands, TaskStore store, Clock clock) {
        this.commands = commands;
        this.store = store;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Create a task under a plan the task-service knows")
    public ResponseEntity<TaskResponse> create(@Valid @RequestBody CreateTaskRequest request) {
        Versioned<Task> task = commands.create(request.toNewTask());
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id())).eTag(IfMatch.etag(task.version()))
                .body(TaskResponse.of(task, today()));
    }

    @GetMapping
    @Operation(summary = "List tasks by plan, unit (lead or coordinating), status or overdue")
    public PageResponse<TaskResponse> list(@RequestParam(required = false) String planId,
                                           @RequestParam(required = false) String unitCode,
                                           @RequestParam(required = false) TaskStatus status,
                                           @RequestParam(required = false) Boolean overdue,
                                           @RequestParam(defaultValue = "0") @Min(0) int page,
                                           @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        LocalDate today = today();
        PageResponse<Versioned<Task>> found = store.search(
                new TaskStore.TaskFilter(planId, unitCode, status, overdue), today, page, size);
        return new PageResponse<>(found.items().stream().map(t -> TaskResponse.of(t, today)).toList(), page, size,
                found.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task; its ETag is its version")
    public ResponseEntity<TaskResponse> get(@PathVariable String id) {
        return respond(store.get(id));
    }

    @PostMapping("/{id}/progress")
    @Operation(summary = "Report progress (the new total percentage, never lower than before)")
    public ResponseEntity<TaskResponse> progress(@PathVariable String id,
                                                 @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                 @Valid @RequestBody ProgressRequest request) {
        return respond(commands.reportProgress(id, IfMatch.expectedVersion(ifMatch), request.percentComplete(),
                request.note()));
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Complete a task at 100% with a completion note")
    public ResponseEntity<TaskResponse> complete(@PathVariable String id,
                                                 @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                 @Valid @RequestBody CompleteRequest request) {
        return respond(commands.complete(id, IfMatch.expectedVersion(ifMatch), request.completionNote()));
    }

    @PostMapping("/{id}/block")
    @Operation(summary = "Mark a task blocked, with the reason")
    public ResponseEntity<TaskResponse> block(@PathVariable String id,
                                              @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                              @Valid @RequestBody ReasonRequest request) {
        return respond(commands.block(id, IfMatch.expectedVersion(ifMatch), request.reason()));
    }

    @PostMapping("/{id}/unblock")
    @Operation(summary = "Resume a blocked task")
    public ResponseEntity<TaskResponse> unblock(@PathVariable String id,
                                                @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return respond(commands.unblock(id, IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a task, with the reason")
    public ResponseEntity<TaskResponse> cancel(@PathVariable String id,
                                               @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                               @Valid @RequestBody ReasonRequest request) {
        return respond(commands.cancel(id, IfMatch.expectedVersion(ifMatch), request.reason()));
    }

    private ResponseEntity<TaskResponse> respond(Versioned<Task> task) {
        return ResponseEntity.ok().eTag(IfMatch.etag(task.version())).body(TaskResponse.of(task, today()));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
