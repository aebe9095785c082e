package vn.giamngheo.localstack;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Loads the demo data through the services' public HTTP API, as a user would: plans with their objectives,
 * indicators, revisions and funding into plan-service, then tasks with their history into task-service. Task-service
 * learns of plans and units from Kafka, so for a moment it may not know a brand-new plan or a seeded unit, or may
 * still hold a plan as a draft (its tasks then start PLANNED); the loader waits for that, within a budget.
 *
 * <p>Every request carries a real token ({@link DemoActors}): the administrator's for plans, funding and task set-up,
 * the lead unit's officer's for a task's sessions, progress, extension, completion and block where the demo has an
 * officer of that unit.
 *
 * <p>Loading is idempotent and resumable: plans are found by code (a draft one is completed and issued, an issued one
 * gets only the revisions it lacks), allocations by plan, objective, unit, source and year, tasks by title under
 * their plan — and a task found continues its history where it stopped, judged by the counts the task-service reports
 * (sessions, progress reports, extensions) and its status. A load that failed half-way can simply run again.
 */
public final class DemoData {

    /** Written into the data directory only after a load succeeded; its presence skips later loads. */
    public static final String MARKER_FILE = "demo-data.loaded";

    /** The task-service's calendar for "today" (the default of its PROVINCE_TIME_ZONE, which the stack keeps). */
    static final ZoneId PROVINCE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final String DRAFT = "DRAFT";
    private static final String ISSUED = "ISSUED";
    private static final String PLANNED = "PLANNED";
    private static final List<String> TASK_STATUSES =
            List.of("PLANNED", "ASSIGNED", "IN_PROGRESS", "BLOCKED", "DONE", "CANCELLED");

    /**
     * How long to keep retrying while task-service has not yet caught up with plan.events, and how to pause between
     * attempts: the pause doubles from {@code firstPause} up to {@code maxPause}.
     */
    record Patience(Duration budget, Duration firstPause, Duration maxPause) {

        static final Patience DEFAULT = new Patience(Duration.ofSeconds(60), Duration.ofMillis(200),
                Duration.ofSeconds(2));
    }

    private final DemoDataset dataset;
    private final JsonHttp plans;
    private final JsonHttp tasks;
    private final DemoActors actors;
    private final Clock clock;
    private final Patience patience;

    public DemoData(DemoDataset dataset, String planServiceUrl, String taskServiceUrl, DemoActors actors) {
        this(dataset, planServiceUrl, taskServiceUrl, actors, Clock.system(PROVINCE_ZONE), Patience.DEFAULT);
    }

    /** @param clock decides "today" for extensions that would otherwise lie in the past */
    DemoData(DemoDataset dataset, String planServiceUrl, String taskServiceUrl, DemoActors actors, Clock clock,
             Patience patience) {
        this.dataset = dataset;
        this.plans = new JsonHttp(planServiceUrl, actors.admin());
        this.tasks = new JsonHttp(taskServiceUrl, actors.admin());
        this.actors = actors;
        this.clock = clock;
        this.patience = patience;
    }

    /** Loads the data unless {@code <dataDir>/demo-data.loaded} says an earlier start already did. */
    public static DemoDataOutcome loadOnce(Path dataDir, String planServiceUrl, String taskServiceUrl,
                                           DemoActors actors) {
        return loadOnce(dataDir, new DemoData(DemoDataset.load(), planServiceUrl, taskServiceUrl, actors));
    }

    static DemoDataOutcome loadOnce(Path dataDir, DemoData loader) {
        Path marker = dataDir.resolve(MARKER_FILE);
        if (Files.exists(marker)) {
            return DemoDataOutcome.alreadyLoaded();
        }
        DemoDataOutcome outcome = loader.load();
        try {
            Files.writeString(marker, "Demo data loaded at " + Instant.now() + ":\n" + outcome.summary()
                    + "\nDelete this file to load it again (plans, allocations and tasks that exist are reused).\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalStackException("The demo data was loaded, but the marker " + marker
                    + " cannot be written: " + e.getMessage(), e);
        }
        return outcome;
    }

    /** Plans first (each complete and issued before the next, so a parent exists), then funding, then tasks. */
    public DemoDataOutcome load() {
        Map<String, JsonNode> savedPlans = new LinkedHashMap<>();
        for (DemoDataset.Plan plan : dataset.plans()) {
            savedPlans.put(plan.code(), ensurePlan(plan, savedPlans));
        }
        List<JsonNode> allocations = new ArrayList<>();
        for (DemoDataset.Plan plan : dataset.plans()) {
            if (!plan.allocations().isEmpty()) {
                String planId = id(savedPlans.get(plan.code()));
                List<JsonNode> existing = activeAllocations(planId);
                for (DemoDataset.Allocation allocation : plan.allocations()) {
                    allocations.add(ensureAllocation(planId, allocation, existing));
                }
            }
        }
        Map<String, Map<String, JsonNode>> existingTasks = new HashMap<>();
        List<JsonNode> finalTasks = new ArrayList<>();
        int created = 0;
        for (DemoDataset.Task task : dataset.tasks()) {
            JsonNode plan = savedPlans.get(task.planCode());
            if (plan == null) {
                throw new LocalStackException("Demo task \"" + task.title() + "\" names an unknown plan "
                        + task.planCode());
            }
            String planId = id(plan);
            JsonNode existing = existingTasks.computeIfAbsent(planId, this::tasksByTitle).get(task.title());
            if (existing == null) {
                created++;
            }
            finalTasks.add(ensureTask(task, planId, existing));
        }
        return outcome(savedPlans.values(), allocations, finalTasks, created);
    }

    // ---- plans

    private JsonNode ensurePlan(DemoDataset.Plan plan, Map<String, JsonNode> earlierPlans) {
        JsonNode saved = findPlan(plan.code());
        if (saved == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", plan.code());
            body.put("title", plan.title());
            body.put("kind", plan.kind());
            putIfPresent(body, "program", plan.program());
            body.put("issuingUnitCode", plan.issuingUnitCode());
            putIfPresent(body, "parentPlanId", parentId(plan, earlierPlans));
            body.put("periodStart", plan.periodStart().toString());
            body.put("periodEnd", plan.periodEnd().toString());
            saved = plans.post("/api/v1/plans", body).requireSuccess();
        }
        String path = "/api/v1/plans/" + id(saved);
        // Objectives and indicators can be added only to a draft; an issued plan changes through revisions.
        if (DRAFT.equals(status(saved))) {
            for (DemoDataset.Objective objective : plan.objectives()) {
                if (!hasObjective(saved, objective.code())) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("code", objective.code());
                    body.put("nameVi", objective.nameVi());
                    putIfPresent(body, "nameEn", objective.nameEn());
                    saved = plans.post(path + "/objectives", body).requireSuccess();
                }
                for (DemoDataset.Indicator indicator : objective.indicators()) {
                    if (!hasIndicator(saved, indicator.code())) {
                        saved = plans.post(path + "/objectives/" + objective.code() + "/indicators",
                                indicatorBody(indicator)).requireSuccess();
                    }
                }
            }
            if (plan.issuedOn() != null) {
                saved = plans.post(path + "/issue", Map.of("issuedOn", plan.issuedOn().toString()))
                        .requireSuccess();
            }
        }
        if (ISSUED.equals(status(saved))) {
            for (int i = saved.path("revisionCount").asInt(0); i < plan.revisions().size(); i++) {
                saved = plans.post(path + "/revisions", revisionBody(plan.revisions().get(i))).requireSuccess();
            }
        }
        return saved;
    }

    private static String parentId(DemoDataset.Plan plan, Map<String, JsonNode> earlierPlans) {
        if (plan.parentCode() == null) {
            return null;
        }
        JsonNode parent = earlierPlans.get(plan.parentCode());
        if (parent == null) {
            throw new LocalStackException("Demo plan " + plan.code() + " names the parent " + plan.parentCode()
                    + ", which is not listed before it");
        }
        return id(parent);
    }

    private JsonNode findPlan(String code) {
        JsonNode page = plans.get("/api/v1/plans?code=" + encode(code)).requireSuccess();
        for (JsonNode item : page.path("items").values()) {
            if (code.equals(text(item, "code"))) {
                return item;
            }
        }
        return null;
    }

    private static boolean hasObjective(JsonNode plan, String code) {
        for (JsonNode objective : plan.path("objectives").values()) {
            if (code.equals(text(objective, "code"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasIndicator(JsonNode plan, String code) {
        for (JsonNode objective : plan.path("objectives").values()) {
            for (JsonNode indicator : objective.path("indicators").values()) {
                if (code.equals(text(indicator, "code"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, Object> indicatorBody(DemoDataset.Indicator indicator) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", indicator.code());
        putIfPresent(body, "objectiveCode", indicator.objectiveCode());
        body.put("nameVi", indicator.nameVi());
        putIfPresent(body, "nameEn", indicator.nameEn());
        body.put("unitOfMeasure", indicator.unitOfMeasure());
        body.put("direction", indicator.direction());
        body.put("baselineYear", indicator.baselineYear());
        body.put("baselineValue", indicator.baselineValue());
        body.put("measurementLevel", indicator.measurementLevel());
        List<Map<String, Object>> targets = new ArrayList<>();
        for (DemoDataset.Target target : indicator.targets()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("year", target.year());
            putIfPresent(t, "areaCode", target.areaCode());
            t.put("value", target.value());
            targets.add(t);
        }
        body.put("targets", targets);
        return body;
    }

    private static Map<String, Object> revisionBody(DemoDataset.Revision revision) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", revision.reason());
        putIfPresent(body, "documentCode", revision.documentCode());
        body.put("revisedOn", revision.revisedOn().toString());
        body.put("indicators", revision.indicators().stream().map(DemoData::indicatorBody).toList());
        return body;
    }

    // ---- funding

    private List<JsonNode> activeAllocations(String planId) {
        JsonNode page = plans.get("/api/v1/plans/" + planId + "/allocations?status=ACTIVE&size=500")
                .requireSuccess();
        List<JsonNode> found = new ArrayList<>();
        page.path("items").values().forEach(found::add);
        return found;
    }

    private JsonNode ensureAllocation(String planId, DemoDataset.Allocation allocation, List<JsonNode> existing) {
        JsonNode saved = existing.stream().filter(a -> "ACTIVE".equals(status(a))
                        && Objects.equals(allocation.objectiveCode(), text(a, "objectiveCode"))
                        && allocation.unitCode().equals(text(a, "unitCode"))
                        && allocation.source().equals(text(a, "source"))
                        && allocation.year() == a.path("year").asInt())
                .findFirst().orElse(null);
        if (saved == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            putIfPresent(body, "objectiveCode", allocation.objectiveCode());
            body.put("unitCode", allocation.unitCode());
            body.put("source", allocation.source());
            body.put("year", allocation.year());
            body.put("allocatedAmount", allocation.allocatedAmount());
            body.put("disbursedAmount", 0);
            putIfPresent(body, "note", allocation.note());
            saved = plans.post("/api/v1/plans/" + planId + "/allocations", body).requireSuccess();
        }
        // Each report is the total disbursed so far, so the ones already reached are skipped.
        for (long total : allocation.disbursedTotals()) {
            if (total > saved.path("disbursedAmount").asLong(0)) {
                saved = plans.post("/api/v1/allocations/" + id(saved) + "/disbursements",
                        Map.of("disbursedAmount", total)).requireSuccess();
            }
        }
        return saved;
    }

    // ---- tasks

    private Map<String, JsonNode> tasksByTitle(String planId) {
        JsonNode page = tasks.get("/api/v1/tasks?planId=" + encode(planId) + "&size=200").requireSuccess();
        Map<String, JsonNode> byTitle = new HashMap<>();
        for (JsonNode item : page.path("items").values()) {
            if (planId.equals(text(item, "planId"))) {
                byTitle.putIfAbsent(text(item, "title"), item);
            }
        }
        return byTitle;
    }

    /** Creates the task unless it exists, then runs whatever of its history it does not have yet, in order. */
    private JsonNode ensureTask(DemoDataset.Task task, String planId, JsonNode existing) {
        JsonNode saved = existing != null ? existing
                : retry(() -> tasks.post("/api/v1/tasks", taskBody(task, planId)), DemoData::isEventLag)
                        .requireSuccess();
        String path = "/api/v1/tasks/" + id(saved);
        if ("DONE".equals(status(saved)) || "CANCELLED".equals(status(saved))) {
            return saved;
        }
        JsonHttp lead = tasks.as(actors.leadOfficer(task.leadUnitCode()));
        if (PLANNED.equals(status(saved))) {
            saved = awaitAssigned(path, task);
        }
        List<DemoDataset.Session> sessions = task.disseminationSessions();
        int sessionsDone = saved.path("disseminationSessionCount").asInt(0);
        for (int i = sessionsDone; i < sessions.size(); i++) {
            act(lead, path + "/dissemination-sessions", sessionBody(sessions.get(i)));
        }
        if (sessionsDone < sessions.size()) {
            saved = tasks.get(path).requireSuccess();
        }
        for (int i = saved.path("progressReportCount").asInt(0); i < task.progress().size(); i++) {
            saved = act(lead, path + "/progress", progressBody(task.progress().get(i)));
        }
        if (task.extension() != null && saved.path("extensionCount").asInt(0) == 0) {
            DemoDataset.Extension extension = task.extension();
            saved = act(lead, path + "/extend", Map.of(
                    "newDueDate", extension.effectiveDueDate(LocalDate.now(clock)).toString(),
                    "reason", extension.reason(),
                    "requestedBy", extension.requestedBy()));
        }
        if (task.completionNote() != null && !"DONE".equals(status(saved))) {
            saved = act(lead, path + "/complete", Map.of("completionNote", task.completionNote()));
        }
        if (task.blockReason() != null && !"BLOCKED".equals(status(saved))) {
            saved = act(lead, path + "/block", Map.of("reason", task.blockReason()));
        }
        if (task.cancelReason() != null && !"CANCELLED".equals(status(saved))) {
            saved = act(tasks, path + "/cancel", Map.of("reason", task.cancelReason()));
        }
        return saved;
    }

    private static Map<String, Object> taskBody(DemoDataset.Task task, String planId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("planId", planId);
        putIfPresent(body, "objectiveId", task.objectiveCode());
        body.put("title", task.title());
        putIfPresent(body, "description", task.description());
        body.put("kind", task.kind());
        putIfPresent(body, "priority", task.priority());
        putIfPresent(body, "expectedOutput", task.expectedOutput());
        body.put("leadUnitCode", task.leadUnitCode());
        body.put("coordinatingUnitCodes", task.coordinatingUnitCodes());
        body.put("startDate", task.startDate().toString());
        body.put("dueDate", task.dueDate().toString());
        return body;
    }

    private static Map<String, Object> sessionBody(DemoDataset.Session session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", session.date().toString());
        body.put("unitCode", session.unitCode());
        body.put("officialsAttending", session.officialsAttending());
        body.put("officialsTotal", session.officialsTotal());
        putIfPresent(body, "note", session.note());
        return body;
    }

    private static Map<String, Object> progressBody(DemoDataset.Progress progress) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("percentComplete", progress.percentComplete());
        body.put("note", progress.note());
        if (!progress.evidenceLinks().isEmpty()) {
            body.put("evidenceLinks", progress.evidenceLinks());
        }
        if (!progress.outputs().isEmpty()) {
            body.put("outputs", progress.outputs().stream().map(o -> {
                Map<String, Object> output = new LinkedHashMap<>();
                output.put("indicator", o.indicator());
                output.put("value", o.value());
                putIfPresent(output, "unit", o.unit());
                return output;
            }).toList());
        }
        return body;
    }

    /**
     * A task created while task-service still held its plan as a draft starts PLANNED and turns ASSIGNED when the
     * plan's PlanIssued event arrives; sessions and progress are refused until then.
     */
    private JsonNode awaitAssigned(String path, DemoDataset.Task task) {
        JsonNode current = retry(() -> tasks.get(path),
                response -> response.isSuccess() && PLANNED.equals(status(response.body()))).requireSuccess();
        if (PLANNED.equals(status(current))) {
            throw new LocalStackException("Demo task \"" + task.title() + "\" stayed PLANNED for "
                    + patience.budget().toSeconds() + " s: task-service has not seen plan " + task.planCode()
                    + " issued (is it consuming plan.events?)");
        }
        return current;
    }

    /**
     * A task action by {@code caller}; retried only while task-service is catching up with plan.events or another
     * writer.
     */
    private JsonNode act(JsonHttp caller, String path, Map<String, Object> body) {
        return retry(() -> caller.post(path, body), DemoData::isEventLag).requireSuccess();
    }

    /**
     * Answers that time changes: task-service has not yet received the plan or unit (422), or another writer such as
     * the overdue check changed the task in between (409 stale-version).
     */
    private static boolean isEventLag(JsonHttp.Response response) {
        String type = response.problemType();
        return response.status() == 422 && (type.endsWith("/unknown-plan") || type.endsWith("/unknown-unit"))
                || response.status() == 409 && type.endsWith("/stale-version");
    }

    /** Repeats a request while its answer is one that time will change, with a growing pause, within the budget. */
    private JsonHttp.Response retry(Supplier<JsonHttp.Response> request, Predicate<JsonHttp.Response> again) {
        long deadline = System.nanoTime() + patience.budget().toNanos();
        Duration backOff = patience.firstPause();
        while (true) {
            JsonHttp.Response response = request.get();
            if (!again.test(response) || System.nanoTime() > deadline) {
                return response;
            }
            try {
                Thread.sleep(Math.min(backOff.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("Interrupted while loading the demo data", e);
            }
            Duration doubled = backOff.multipliedBy(2);
            backOff = doubled.compareTo(patience.maxPause()) > 0 ? patience.maxPause() : doubled;
        }
    }

    // ---- outcome

    private static DemoDataOutcome outcome(Iterable<JsonNode> savedPlans, List<JsonNode> allocations,
                                           List<JsonNode> finalTasks, int created) {
        int planCount = 0;
        int objectives = 0;
        int indicators = 0;
        int revisions = 0;
        for (JsonNode plan : savedPlans) {
            planCount++;
            revisions += plan.path("revisionCount").asInt(0);
            for (JsonNode objective : plan.path("objectives").values()) {
                objectives++;
                indicators += objective.path("indicators").size();
            }
        }
        long allocated = allocations.stream().mapToLong(a -> a.path("allocatedAmount").asLong(0)).sum();
        long disbursed = allocations.stream().mapToLong(a -> a.path("disbursedAmount").asLong(0)).sum();
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (String status : TASK_STATUSES) {
            int count = (int) finalTasks.stream().filter(t -> status.equals(status(t))).count();
            if (count > 0) {
                byStatus.put(status, count);
            }
        }
        int overdue = (int) finalTasks.stream().filter(t -> t.path("overdue").asBoolean(false)).count();
        return new DemoDataOutcome(true, planCount, objectives, indicators, revisions, allocations.size(), allocated,
                disbursed, finalTasks.size(), created, byStatus, overdue);
    }

    // ---- helpers

    private static String id(JsonNode resource) {
        return text(resource, "id");
    }

    private static String status(JsonNode resource) {
        return text(resource, "status");
    }

    /** The field's text, or null when it is absent or null. */
    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }

    private static void putIfPresent(Map<String, Object> body, String field, Object value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
