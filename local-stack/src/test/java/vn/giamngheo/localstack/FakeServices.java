package vn.giamngheo.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * plan-service and task-service as far as the demo loader sees them, in one in-process HTTP server that keeps state
 * and enforces the rules the loader depends on: structure only on drafts, revisions only on issued plans, one active
 * allocation per key, disbursements as totals, task actions only in the states the real task-service allows,
 * extensions later and not in the past, sessions dated between the task's start and today. It remembers every
 * request and the status it answered.
 *
 * <p>Event lag is simulated on request: task creation answers 422 {@code unknown-plan} or {@code unknown-unit} a given
 * number of times, and new tasks can stay PLANNED for a number of reads, as while task-service has not yet seen the
 * plan issued.
 */
final class FakeServices implements AutoCloseable {

    /** @param authorization the request's Authorization header, or null */
    record Request(String method, String path, String query, JsonNode body, int status, String authorization) {
    }

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String PROBLEMS = "https://giamngheo.vn/problems/";
    private static final Pattern PLAN = Pattern.compile("/api/v1/plans/([^/]+)");
    private static final Pattern PLAN_ACTION = Pattern.compile("/api/v1/plans/([^/]+)/(objectives|issue|revisions|"
            + "allocations)");
    private static final Pattern INDICATORS = Pattern.compile("/api/v1/plans/([^/]+)/objectives/([^/]+)/indicators");
    private static final Pattern DISBURSEMENT = Pattern.compile("/api/v1/allocations/([^/]+)/disbursements");
    private static final Pattern TASK = Pattern.compile("/api/v1/tasks/([^/]+)");
    private static final Pattern TASK_ACTION = Pattern.compile("/api/v1/tasks/([^/]+)/([a-z-]+)");

    static {
        // Without it every response waits for a delayed ACK (Nagle), some 40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final LocalDate today;
    private final Map<String, ObjectNode> plans = new LinkedHashMap<>();
    private final Map<String, ObjectNode> allocations = new LinkedHashMap<>();
    private final Map<String, ObjectNode> tasks = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> reachedByTaskAndUnit = new HashMap<>();
    private final Map<String, Integer> plannedReadsLeft = new HashMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private final Map<String, Integer> problemAnswers = new HashMap<>();
    private int ids;
    private int unknownPlanAnswers;
    private int unknownUnitAnswers;
    private int plannedReads;
    private String failPlanCreationWith;

    private static final class Failure {
        private final Predicate<String> path;
        private int remainingBefore;

        private Failure(Predicate<String> path, int nth) {
            this.path = path;
            this.remainingBefore = nth;
        }
    }

    /** @param today the task-service's "today": sessions may not be later, extensions not earlier */
    FakeServices(LocalDate today) throws IOException {
        this.today = today;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code times} task creations answer 422 unknown-plan, as before the plan's events arrive. */
    synchronized FakeServices answerUnknownPlan(int times) {
        unknownPlanAnswers = times;
        return this;
    }

    /** Then the next {@code times} answer 422 unknown-unit, as before the seeded units' events arrive. */
    synchronized FakeServices answerUnknownUnit(int times) {
        unknownUnitAnswers = times;
        return this;
    }

    /** New tasks start PLANNED and turn ASSIGNED on their {@code reads}-th read. */
    synchronized FakeServices keepTasksPlannedFor(int reads) {
        plannedReads = reads;
        return this;
    }

    /** Makes plan creation answer 400 with this problem title. */
    synchronized void failPlanCreation(String title) {
        failPlanCreationWith = title;
    }

    /** The {@code nth} POST whose path ends with {@code suffix} answers 500, once. */
    synchronized FakeServices failOnce(String suffix, int nth) {
        failures.add(new Failure(p -> p.endsWith(suffix), nth));
        return this;
    }

    List<Request> posts(String pathSuffix) {
        return requests.stream().filter(r -> r.method().equals("POST") && r.path().endsWith(pathSuffix)).toList();
    }

    /** How many times a problem of this status and type (e.g. 422 unknown-unit) was answered. */
    synchronized int answered(int status, String problemType) {
        return problemAnswers.getOrDefault(status + " " + problemType, 0);
    }

    synchronized List<JsonNode> plans() {
        return List.copyOf(plans.values());
    }

    synchronized List<JsonNode> allocations() {
        return List.copyOf(allocations.values());
    }

    synchronized List<JsonNode> tasks() {
        return List.copyOf(tasks.values());
    }

    synchronized JsonNode planByCode(String code) {
        return plans.values().stream().filter(p -> code.equals(p.path("code").asString())).findFirst().orElseThrow();
    }

    synchronized JsonNode taskByTitle(String title) {
        return tasks.values().stream().filter(t -> title.equals(t.path("title").asString())).findFirst()
                .orElseThrow();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- HTTP

    private record Answer(int status, String json) {
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? JSON.missingNode() : JSON.readTree(new String(raw, StandardCharsets.UTF_8));
        Answer answer;
        try {
            answer = method.equals("GET") ? get(path, params(query)) : post(path, body);
        } catch (RuntimeException e) {
            answer = problem(500, "internal", e.toString());
        }
        requests.add(new Request(method, path, query, body, answer.status(),
                exchange.getRequestHeaders().getFirst("Authorization")));
        byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.status() >= 400 ? "application/problem+json"
                : "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Answer get(String path, Map<String, String> params) {
        Matcher m;
        if (path.equals("/api/v1/plans")) {
            return page(plans.values().stream().filter(p -> params.get("code") == null
                    || params.get("code").equals(p.path("code").asString())).toList());
        }
        if ((m = PLAN_ACTION.matcher(path)).matches() && m.group(2).equals("allocations")) {
            String planId = m.group(1);
            return page(allocations.values().stream().filter(a -> planId.equals(a.path("planId").asString()))
                    .filter(a -> params.get("status") == null
                            || params.get("status").equals(a.path("status").asString())).toList());
        }
        if ((m = PLAN.matcher(path)).matches()) {
            return plans.containsKey(m.group(1)) ? ok(plans.get(m.group(1))) : notFound(path);
        }
        if (path.equals("/api/v1/tasks")) {
            return page(tasks.values().stream().filter(t -> params.get("planId") == null
                    || params.get("planId").equals(t.path("planId").asString())).map(this::withOverdue).toList());
        }
        if ((m = TASK.matcher(path)).matches()) {
            ObjectNode task = tasks.get(m.group(1));
            if (task == null) {
                return notFound(path);
            }
            String id = m.group(1);
            if (plannedReadsLeft.containsKey(id) && plannedReadsLeft.merge(id, -1, Integer::sum) <= 0) {
                plannedReadsLeft.remove(id);
                task.put("status", "ASSIGNED");
            }
            return ok(withOverdue(task));
        }
        return notFound(path);
    }

    private Answer post(String path, JsonNode body) {
        for (Failure failure : failures) {
            if (failure.remainingBefore > 0 && failure.path.test(path) && --failure.remainingBefore == 0) {
                return problem(500, "internal", "Injected failure");
            }
        }
        Matcher m;
        if (path.equals("/api/v1/plans")) {
            return createPlan(body);
        }
        if ((m = INDICATORS.matcher(path)).matches()) {
            return addIndicator(m.group(1), m.group(2), body);
        }
        if ((m = PLAN_ACTION.matcher(path)).matches()) {
            ObjectNode plan = plans.get(m.group(1));
            if (plan == null) {
                return notFound(path);
            }
            return switch (m.group(2)) {
                case "objectives" -> addObjective(plan, body);
                case "issue" -> issue(plan, body);
                case "revisions" -> revise(plan, body);
                default -> allocate(plan, body);
            };
        }
        if ((m = DISBURSEMENT.matcher(path)).matches()) {
            return disburse(m.group(1), body);
        }
        if (path.equals("/api/v1/tasks")) {
            return createTask(body);
        }
        if ((m = TASK_ACTION.matcher(path)).matches()) {
            ObjectNode task = tasks.get(m.group(1));
            return task == null ? notFound(path) : taskAction(task, m.group(2), body);
        }
        return notFound(path);
    }

    // ---- plans

    private Answer createPlan(JsonNode body) {
        if (failPlanCreationWith != null) {
            return problem(400, "invalid-input", failPlanCreationWith);
        }
        String code = body.path("code").asString();
        if (plans.values().stream().anyMatch(p -> code.equals(p.path("code").asString()))) {
            return problem(409, "already-exists", "A plan with code " + code + " exists");
        }
        if (body.hasNonNull("parentPlanId") && !plans.containsKey(body.get("parentPlanId").asString())) {
            return problem(400, "invalid-input", "no plan with id " + body.get("parentPlanId").asString());
        }
        ObjectNode plan = ((ObjectNode) body.deepCopy()).put("id", "plan-" + ++ids).put("version", 1)
                .put("status", "DRAFT").put("revisionCount", 0);
        plan.putArray("objectives");
        plans.put(plan.get("id").asString(), plan);
        return answer(201, plan);
    }

    private Answer addObjective(ObjectNode plan, JsonNode body) {
        if (!"DRAFT".equals(plan.path("status").asString())) {
            return problem(409, "illegal-transition", "objectives are added only to a draft");
        }
        if (objective(plan, body.path("code").asString()) != null) {
            return problem(400, "invalid-input", "objective exists");
        }
        ObjectNode objective = ((ObjectNode) body.deepCopy());
        objective.putArray("indicators");
        ((ArrayNode) plan.get("objectives")).add(objective);
        return answer(201, bump(plan));
    }

    private Answer addIndicator(String planId, String objectiveCode, JsonNode body) {
        ObjectNode plan = plans.get(planId);
        if (plan == null) {
            return notFound(planId);
        }
        if (!"DRAFT".equals(plan.path("status").asString())) {
            return problem(409, "illegal-transition", "indicators are added only to a draft");
        }
        ObjectNode objective = objective(plan, objectiveCode);
        if (objective == null) {
            return problem(404, "not-found", "no objective " + objectiveCode);
        }
        if (hasIndicator(plan, body.path("code").asString())) {
            return problem(400, "invalid-input", "indicator exists");
        }
        ((ArrayNode) objective.get("indicators")).add(body.deepCopy());
        return answer(201, bump(plan));
    }

    private Answer issue(ObjectNode plan, JsonNode body) {
        if (!"DRAFT".equals(plan.path("status").asString())) {
            return problem(409, "illegal-transition", "only a draft is issued");
        }
        plan.put("status", "ISSUED").put("issuedOn", body.path("issuedOn").asString());
        return ok(bump(plan));
    }

    private Answer revise(ObjectNode plan, JsonNode body) {
        if (!"ISSUED".equals(plan.path("status").asString())) {
            return problem(409, "illegal-transition", "only an issued plan is revised");
        }
        if (body.path("reason").asString("").isBlank()) {
            return problem(400, "invalid-input", "reason");
        }
        for (JsonNode indicator : body.path("indicators").values()) {
            ObjectNode objective = objective(plan, indicator.path("objectiveCode").asString());
            if (objective == null || hasIndicator(plan, indicator.path("code").asString())) {
                return problem(400, "invalid-input", "indicators[].objectiveCode");
            }
            ((ArrayNode) objective.get("indicators")).add(indicator.deepCopy());
        }
        plan.put("revisionCount", plan.path("revisionCount").asInt() + 1);
        return ok(bump(plan));
    }

    private static ObjectNode objective(ObjectNode plan, String code) {
        for (JsonNode objective : plan.path("objectives").values()) {
            if (code.equals(objective.path("code").asString())) {
                return (ObjectNode) objective;
            }
        }
        return null;
    }

    private static boolean hasIndicator(ObjectNode plan, String code) {
        for (JsonNode objective : plan.path("objectives").values()) {
            for (JsonNode indicator : objective.path("indicators").values()) {
                if (code.equals(indicator.path("code").asString())) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- funding

    private Answer allocate(ObjectNode plan, JsonNode body) {
        String status = plan.path("status").asString();
        if (!status.equals("DRAFT") && !status.equals("ISSUED")) {
            return problem(409, "illegal-transition", "plan is " + status);
        }
        String planId = plan.get("id").asString();
        boolean twin = allocations.values().stream().anyMatch(a -> planId.equals(a.path("planId").asString())
                && "ACTIVE".equals(a.path("status").asString())
                && Objects.equals(text(a, "objectiveCode"), text(body, "objectiveCode"))
                && text(a, "unitCode").equals(text(body, "unitCode"))
                && text(a, "source").equals(text(body, "source"))
                && a.path("year").asInt() == body.path("year").asInt());
        if (twin) {
            return problem(409, "already-exists", "An active allocation exists");
        }
        ObjectNode allocation = ((ObjectNode) body.deepCopy()).put("id", "allocation-" + ++ids).put("version", 1)
                .put("planId", planId).put("status", "ACTIVE");
        allocation.put("disbursedAmount", body.path("disbursedAmount").asLong(0));
        allocations.put(allocation.get("id").asString(), allocation);
        return answer(201, allocation);
    }

    private Answer disburse(String id, JsonNode body) {
        ObjectNode allocation = allocations.get(id);
        if (allocation == null) {
            return notFound(id);
        }
        long total = body.path("disbursedAmount").asLong();
        if (total > allocation.path("allocatedAmount").asLong()) {
            return problem(400, "invalid-input", "disbursedAmount exceeds the allocated amount");
        }
        allocation.put("disbursedAmount", total);
        return ok(bump(allocation));
    }

    // ---- tasks

    private Answer createTask(JsonNode body) {
        if (unknownPlanAnswers > 0) {
            unknownPlanAnswers--;
            return problem(422, "unknown-plan", "Plan is not known to the task-service (yet)");
        }
        if (unknownUnitAnswers > 0) {
            unknownUnitAnswers--;
            return problem(422, "unknown-unit", "Unit is not known to the task-service (yet)");
        }
        ObjectNode plan = plans.get(body.path("planId").asString());
        if (plan == null) {
            return problem(422, "unknown-plan", "no such plan");
        }
        if (LocalDate.parse(body.path("dueDate").asString()).isBefore(LocalDate.parse(
                body.path("startDate").asString()))) {
            return problem(400, "invalid-input", "dueDate");
        }
        String id = "task-" + ++ids;
        boolean planned = plannedReads > 0 || !"ISSUED".equals(plan.path("status").asString());
        ObjectNode task = ((ObjectNode) body.deepCopy()).put("id", id).put("version", 1)
                .put("status", planned ? "PLANNED" : "ASSIGNED").put("percentComplete", 0)
                .put("progressReportCount", 0).put("disseminationSessionCount", 0).put("extensionCount", 0);
        if (plannedReads > 0) {
            plannedReadsLeft.put(id, plannedReads);
        }
        tasks.put(id, task);
        return answer(201, withOverdue(task));
    }

    private Answer taskAction(ObjectNode task, String action, JsonNode body) {
        String status = task.path("status").asString();
        boolean working = status.equals("ASSIGNED") || status.equals("IN_PROGRESS");
        boolean open = !status.equals("DONE") && !status.equals("CANCELLED");
        switch (action) {
            case "dissemination-sessions" -> {
                if (!"DISSEMINATION".equals(task.path("kind").asString())) {
                    return problem(409, "not-a-dissemination-task", "not a dissemination task");
                }
                if (!working) {
                    return problem(409, "illegal-transition", "Cannot record a session on a " + status + " task");
                }
                LocalDate date = LocalDate.parse(body.path("date").asString());
                if (date.isBefore(LocalDate.parse(task.path("startDate").asString())) || date.isAfter(today)) {
                    return problem(400, "invalid-input", "date");
                }
                Map<String, Integer> reached = reachedByTaskAndUnit.computeIfAbsent(task.get("id").asString(),
                        k -> new HashMap<>());
                String unit = body.path("unitCode").asString();
                int total = reached.getOrDefault(unit, 0) + body.path("officialsAttending").asInt();
                if (total > body.path("officialsTotal").asInt()) {
                    return problem(400, "invalid-input", "officialsAttending");
                }
                reached.put(unit, total);
                task.put("status", "IN_PROGRESS").put("disseminationSessionCount",
                        task.path("disseminationSessionCount").asInt() + 1);
                bump(task);
                return answer(201, body);
            }
            case "progress" -> {
                if (!working) {
                    return problem(409, "illegal-transition", "Cannot report progress on a " + status + " task");
                }
                int percent = body.path("percentComplete").asInt();
                if (percent < task.path("percentComplete").asInt() || body.path("note").asString("").isBlank()) {
                    return problem(400, "invalid-input", "percentComplete");
                }
                task.put("status", "IN_PROGRESS").put("percentComplete", percent).put("progressReportCount",
                        task.path("progressReportCount").asInt() + 1);
            }
            case "extend" -> {
                LocalDate newDue = LocalDate.parse(body.path("newDueDate").asString());
                if (!open) {
                    return problem(409, "illegal-transition", "Cannot extend a " + status + " task");
                }
                if (!newDue.isAfter(LocalDate.parse(task.path("dueDate").asString())) || newDue.isBefore(today)
                        || body.path("reason").asString("").isBlank()
                        || body.path("requestedBy").asString("").isBlank()) {
                    return problem(400, "invalid-input", "newDueDate");
                }
                task.put("dueDate", newDue.toString()).put("extensionCount", task.path("extensionCount").asInt() + 1);
            }
            case "complete" -> {
                if (!status.equals("IN_PROGRESS") || task.path("percentComplete").asInt() != 100) {
                    return problem(409, "illegal-transition", "Cannot complete a " + status + " task");
                }
                task.put("status", "DONE");
            }
            case "block" -> {
                if (!working) {
                    return problem(409, "illegal-transition", "Cannot block a " + status + " task");
                }
                task.put("status", "BLOCKED");
            }
            case "cancel" -> {
                if (!open) {
                    return problem(409, "illegal-transition", "Cannot cancel a " + status + " task");
                }
                task.put("status", "CANCELLED");
            }
            default -> {
                return notFound(action);
            }
        }
        return ok(withOverdue(bump(task)));
    }

    private ObjectNode withOverdue(ObjectNode task) {
        String status = task.path("status").asString();
        boolean open = !status.equals("DONE") && !status.equals("CANCELLED");
        return task.put("overdue", open && LocalDate.parse(task.path("dueDate").asString()).isBefore(today));
    }

    // ---- answers

    private static ObjectNode bump(ObjectNode resource) {
        return resource.put("version", resource.path("version").asLong() + 1);
    }

    private static Answer ok(JsonNode body) {
        return answer(200, body);
    }

    private static Answer answer(int status, JsonNode body) {
        return new Answer(status, JSON.writeValueAsString(body));
    }

    private static Answer page(List<? extends JsonNode> items) {
        ObjectNode page = JSON.createObjectNode();
        page.putArray("items").addAll(items.stream().map(JsonNode::deepCopy).toList());
        page.put("page", 0).put("size", items.size()).put("total", items.size());
        return ok(page);
    }

    private Answer notFound(String what) {
        return problem(404, "not-found", what + " not found");
    }

    private Answer problem(int status, String type, String title) {
        problemAnswers.merge(status + " " + type, 1, Integer::sum);
        ObjectNode problem = JSON.createObjectNode().put("type", PROBLEMS + type).put("title", title)
                .put("status", status);
        return new Answer(status, JSON.writeValueAsString(problem));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }
}
