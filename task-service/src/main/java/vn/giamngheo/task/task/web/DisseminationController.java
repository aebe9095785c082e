package vn.giamngheo.task.task.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.web.IfMatch;
import vn.giamngheo.task.task.TaskCommands;
import vn.giamngheo.task.task.TaskStore;
import vn.giamngheo.task.task.domain.DisseminationSession;
import vn.giamngheo.task.task.domain.Task;

@RestController
@RequestMapping("/api/v1/tasks/{id}/dissemination-sessions")
@Tag(name = "Dissemination", description = "Quán triệt: sessions of dissemination tasks and the officials reached")
public class DisseminationController {

    private final TaskCommands commands;
    private final TaskStore store;

    public DisseminationController(TaskCommands commands, TaskStore store) {
        this.commands = commands;
        this.store = store;
    }

    @PostMapping
    @Operation(summary = "Record a session of a DISSEMINATION task: date, unit, officials attending of the unit's "
            + "total; the ETag is the task's new version", description = "ADMIN or an officer of the task's lead unit.")
    public ResponseEntity<DisseminationSession> record(@PathVariable String id,
                                                       @RequestHeader(value = "If-Match", required = false)
                                                       String ifMatch,
                                                       @Valid @RequestBody DisseminationSessionRequest request) {
        Versioned<Task> task = commands.recordDisseminationSession(id, IfMatch.expectedVersion(ifMatch),
                request.toSession());
        var sessions = task.state().disseminationSessions();
        DisseminationSession recorded = sessions.get(sessions.size() - 1);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + id + "/dissemination-sessions"))
                .eTag(IfMatch.etag(task.version())).body(recorded);
    }

    @GetMapping
    @Operation(summary = "The task's sessions, oldest first, and per unit the share of officials reached")
    public ResponseEntity<DisseminationResponse> list(@PathVariable String id) {
        Versioned<Task> task = store.get(id);
        return ResponseEntity.ok().eTag(IfMatch.etag(task.version())).body(DisseminationResponse.of(task));
    }
}
