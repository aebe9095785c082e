package vn.giamngheo.report.feedback.web;

import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.report.feedback.FeedbackCommands;
import vn.giamngheo.report.feedback.FeedbackStore;
import vn.giamngheo.report.feedback.FeedbackSummary;
import vn.giamngheo.report.feedback.domain.Feedback;
import vn.giamngheo.report.feedback.domain.FeedbackStatus;
import vn.giamngheo.support.outbox.AuditEntry;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.web.IfMatch;
import vn.giamngheo.support.web.PageResponse;

@RestController
@RequestMapping("/api/v1/feedback")
@Tag(name = "Community feedback", description = "Ý kiến người dân về nhiệm vụ và dự án ở xã: rating, text, "
        + "officials' answers, summaries")
public class FeedbackController {

    private final FeedbackCommands commands;
    private final FeedbackStore store;

    public FeedbackController(FeedbackCommands commands, FeedbackStore store) {
        this.commands = commands;
        this.store = store;
    }

    @PostMapping
    @Operation(summary = "Leave feedback on a task or a commune's project (anyone, no token needed; rating 1–5, text "
            + "≤ 2,000 characters, optional contact that is never published). Limited per client: 429 with "
            + "Retry-After when exceeded; 413 for oversized requests; 422 for an unknown task or commune")
    public ResponseEntity<FeedbackResponse> create(@Valid @RequestBody FeedbackRequest request) {
        Versioned<Feedback> created = commands.receive(request.toNewFeedback());
        return ResponseEntity.created(URI.create("/api/v1/feedback/" + created.id()))
                .eTag(IfMatch.etag(created.version())).body(FeedbackResponse.of(created));
    }

    @GetMapping
    @Operation(summary = "Feedback, newest first; unitCode = on tasks the unit leads or about its commune. Public; "
            + "never the sender's contact")
    public PageResponse<FeedbackResponse> list(@RequestParam(required = false) String taskId,
                                               @RequestParam(required = false) String planId,
                                               @RequestParam(required = false) String communeCode,
                                               @RequestParam(required = false) String unitCode,
                                               @RequestParam(required = false) FeedbackStatus status,
                                               @RequestParam(defaultValue = "0") @Min(0) int page,
                                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        PageResponse<Versioned<Feedback>> found = store.search(
                new FeedbackStore.Filter(taskId, planId, communeCode, unitCode, status), page, size);
        return new PageResponse<>(found.items().stream().map(FeedbackResponse::of).toList(), page, size,
                found.total());
    }

    @GetMapping("/summary")
    @Operation(summary = "Count, average rating, answered, and how many gave each rating — for a task, a plan, a "
            + "commune or a unit (public)")
    public FeedbackSummary summary(@RequestParam(required = false) String taskId,
                                   @RequestParam(required = false) String planId,
                                   @RequestParam(required = false) String communeCode,
                                   @RequestParam(required = false) String unitCode) {
        return store.summary(new FeedbackStore.Filter(taskId, planId, communeCode, unitCode, null));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One feedback; its ETag is its version. Public; the sender's contact (personal data) is "
            + "included only for the administrator and officers of the units it is addressed to")
    public ResponseEntity<FeedbackResponse> get(@PathVariable String id) {
        Versioned<Feedback> feedback = commands.get(id);
        return ResponseEntity.ok().eTag(IfMatch.etag(feedback.version()))
                .body(FeedbackResponse.of(feedback, commands.mayAnswer(feedback.state())));
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "Who sent the feedback (the public when not signed in) and who answered it, and when "
            + "(readers)")
    public List<AuditEntry> audit(@PathVariable String id) {
        return commands.auditTrail(id);
    }

    @PostMapping("/{id}/answer")
    @Operation(summary = "An official answers publicly (once; 409 when already answered): the administrator or an "
            + "officer of a unit the feedback is addressed to (the task's lead unit, its commune); 403 otherwise")
    public ResponseEntity<FeedbackResponse> answer(@PathVariable String id,
                                                   @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                   @Valid @RequestBody AnswerRequest request) {
        return respond(commands.answer(id, IfMatch.expectedVersion(ifMatch), request.answeredBy(),
                request.response()));
    }

    private static ResponseEntity<FeedbackResponse> respond(Versioned<Feedback> feedback) {
        return ResponseEntity.ok().eTag(IfMatch.etag(feedback.version())).body(FeedbackResponse.of(feedback));
    }
}
