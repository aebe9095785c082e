package vn.giamngheo.localstack;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Loads the demo data through the services' public HTTP API, as a user would: plans into plan-service, then tasks
 * into task-service, which learns of the plans from Kafka and so may not know a brand-new plan for a moment.
 */
public final class DemoData {

    /** Written into the data directory only after a load succeeded; its presence skips later loads. */
    public static final String MARKER_FILE = "demo-data.loaded";

    private static final String ISSUED = "ISSUED";
    private static final Duration EVENT_LAG_BUDGET = Duration.ofSeconds(60);
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(200);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(2);

    private final DemoDataset dataset;
    private final JsonHttp plans;
    private final JsonHttp tasks;

    public DemoData(DemoDataset dataset, String planServiceUrl, String taskServiceUrl) {
        this.dataset = dataset;
        this.plans = new JsonHttp(planServiceUrl);
        this.tasks = new JsonHttp(taskServiceUrl);
    }

    /** Loads the data unless {@code <dataDir>/demo-data.loaded} says an earlier start already did. */
    public static DemoDataOutcome loadOnce(Path dataDir, String planServiceUrl, String taskServiceUrl) {
        Path marker = dataDir.resolve(MARKER_FILE);
        if (Files.exists(marker)) {
            return DemoDataOutcome.alreadyLoaded();
        }
        DemoDataOutcome outcome = new DemoData(DemoDataset.load(), planServiceUrl, taskServiceUrl).load();
        try {
            Files.writeString(marker, "Demo data loaded at " + Instant.now() + ": " + outcome.plans() + " plans, "
                    + outcome.tasks() + " tasks. Delete this file to load it again.\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalStackException("The demo data was loaded, but the marker " + marker
                    + " cannot be written: " + e.getMessage(), e);
        }
        return outcome;
    }

    /**
     * Creates and issues the plans, then the tasks with their progress. Plans that exist (same code) are reused and
     * tasks that exist under their plan (same title) are skipped, so a load that failed half-way can simply run again.
     */
    public DemoDataOutcome load() {
        Map<String, String> planIds = new HashMap<>();
        for (DemoDataset.Plan plan : dataset.plans()) {
            planIds.put(plan.code(), ensureIssued(plan, planIds));
        }
        int created = 0;
        Map<String, Set<String>> existingTitles = new HashMap<>();
        for (DemoDataset.Task task : dataset.tasks()) {
            String planId = planIds.get(task.planCode());
            if (planId == null) {
                throw new LocalStackException("Demo task \"" + task.title() + "\" names an unknown plan "
                        + task.planCode());
            }
            if (existingTitles.computeIfAbsent(planId, this::taskTitles).contains(task.title())) {
                continue;
            }
            createWithHistory(task, planId);
            created++;
        }
        return new DemoDataOutcome(true, planIds.size(), created);
    }

    private String ensureIssued(DemoDataset.Plan plan, Map<String, String> planIds) {
        JsonNode saved = findPlan(plan.code());
        if (saved == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", plan.code());
            body.put("title", plan.title());
            body.put("kind", plan.kind());
            body.put("issuingUnitCode", plan.issuingUnitCode());
            body.put("parentPlanId", plan.parentCode() == null ? null : planIds.get(plan.parentCode()));
            body.put("periodStart", plan.periodStart().toString());
            body.put("periodEnd", plan.periodEnd().toString());
            saved = plans.post("/api/v1/plans", body).requireSuccess();
        }
        String id = saved.path("id").asString();
        if (plan.issuedOn() != null && !ISSUED.equals(saved.path("status").asString(""))) {
            plans.post("/api/v1/plans/" + id + "/issue", Map.of("issuedOn", plan.issuedOn().toString()))
                    .requireSuccess();
        }
        return id;
    }

    private JsonNode findPlan(String code) {
        JsonNode page = plans.get("/api/v1/plans?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8))
                .requireSuccess();
        for (JsonNode item : page.path("items").values()) {
            if (code.equals(item.path("code").asString(""))) {
                return item;
            }
        }
        return null;
    }

    /** Best effort: if the task list cannot be read, nothing counts as existing. */
    private Set<String> taskTitles(String planId) {
        Set<String> titles = new HashSet<>();
        JsonHttp.Response response = tasks.get("/api/v1/tasks?planId=" + URLEncoder.encode(planId,
                StandardCharsets.UTF_8) + "&size=200");
        if (response.isSuccess()) {
            for (JsonNode item : response.body().path("items").values()) {
                if (planId.equals(item.path("planId").asString(""))) {
                    titles.add(item.path("title").asString(""));
                }
            }
        }
        return titles;
    }

    private void createWithHistory(DemoDataset.Task task, String planId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("planId", planId);
        body.put("title", task.title());
        body.put("kind", task.kind());
        body.put("leadUnitCode", task.leadUnitCode());
        body.put("coordinatingUnitCodes", task.coordinatingUnitCodes());
        body.put("startDate", task.startDate().toString());
        body.put("dueDate", task.dueDate().toString());
        JsonNode saved = withRetry(() -> tasks.post("/api/v1/tasks", body), DemoData::isUnknownPlan)
                .requireSuccess();
        String path = "/api/v1/tasks/" + saved.path("id").asString();
        for (DemoDataset.Progress progress : task.progress()) {
            act(path + "/progress", Map.of("percentComplete", progress.percentComplete(), "note", progress.note()));
        }
        if (task.completionNote() != null) {
            act(path + "/complete", Map.of("completionNote", task.completionNote()));
        }
        if (task.blockReason() != null) {
            act(path + "/block", Map.of("reason", task.blockReason()));
        }
    }

    /**
     * A fresh task starts PLANNED and turns ASSIGNED when task-service sees its plan's PlanIssued event, which can
     * arrive just after the task was created; until then an action may be refused as a state conflict.
     */
    private void act(String path, Map<String, Object> body) {
        withRetry(() -> tasks.post(path, body), response -> response.status() == 409 || response.status() == 422)
                .requireSuccess();
    }

    private static boolean isUnknownPlan(JsonHttp.Response response) {
        return response.status() == 422 && response.problemType().endsWith("unknown-plan");
    }

    /** Repeats a request while its answer is one that time will change, with a growing pause, within a budget. */
    private static JsonHttp.Response withRetry(Supplier<JsonHttp.Response> request,
            Predicate<JsonHttp.Response> worthRetrying) {
        long deadline = System.nanoTime() + EVENT_LAG_BUDGET.toNanos();
        Duration backOff = FIRST_BACK_OFF;
        while (true) {
            JsonHttp.Response response = request.get();
            if (response.isSuccess() || !worthRetrying.test(response) || System.nanoTime() > deadline) {
                return response;
            }
            try {
                Thread.sleep(backOff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("Interrupted while loading the demo data", e);
            }
            backOff = backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff.multipliedBy(2);
        }
    }
}
