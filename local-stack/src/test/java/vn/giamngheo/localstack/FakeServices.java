package vn.giamngheo.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * plan-service and task-service as far as the demo loader sees them, in one in-process HTTP server: it answers like
 * the real API and remembers every request. Task-service does not know a plan on the first {@code unknownPlanAnswers}
 * task creations, as when the plan's events have not arrived yet.
 */
final class FakeServices implements AutoCloseable {

    record Request(String method, String path, JsonNode body) {
    }

    private static final JsonMapper JSON = JsonMapper.shared();

    static {
        // Without it every response waits for a delayed ACK (Nagle), some 40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger unknownPlanAnswers;
    private volatile String failPlanCreationWith;

    FakeServices(int unknownPlanAnswers) throws IOException {
        this.unknownPlanAnswers = new AtomicInteger(unknownPlanAnswers);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Makes plan creation answer 400 with this problem title. */
    void failPlanCreation(String title) {
        failPlanCreationWith = title;
    }

    List<Request> posts(String pathSuffix) {
        return requests.stream().filter(r -> r.method().equals("POST") && r.path().endsWith(pathSuffix)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? JSON.missingNode() : JSON.readTree(new String(raw, StandardCharsets.UTF_8));
        requests.add(new Request(method, path, body));
        if (method.equals("GET")) {
            respond(exchange, 200, "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}", "application/json");
        } else if (path.equals("/api/v1/plans")) {
            createPlan(exchange, body);
        } else if (path.matches("/api/v1/plans/[^/]+/issue")) {
            respond(exchange, 200, "{\"status\":\"ISSUED\"}", "application/json");
        } else if (path.equals("/api/v1/tasks")) {
            createTask(exchange, body);
        } else {
            respond(exchange, 200, "{\"status\":\"IN_PROGRESS\"}", "application/json");
        }
    }

    private void createPlan(HttpExchange exchange, JsonNode body) throws IOException {
        if (failPlanCreationWith != null) {
            respond(exchange, 400, "{\"type\":\"https://giamngheo.vn/problems/invalid-input\",\"title\":\""
                    + failPlanCreationWith + "\",\"status\":400}", "application/problem+json");
            return;
        }
        ObjectNode plan = ((ObjectNode) body.deepCopy()).put("id", "plan-" + ids.incrementAndGet())
                .put("version", 1).put("status", "DRAFT");
        respond(exchange, 201, JSON.writeValueAsString(plan), "application/json");
    }

    private void createTask(HttpExchange exchange, JsonNode body) throws IOException {
        if (unknownPlanAnswers.getAndDecrement() > 0) {
            respond(exchange, 422, "{\"type\":\"https://giamngheo.vn/problems/unknown-plan\",\"title\":\"Unknown plan\","
                    + "\"status\":422}", "application/problem+json");
            return;
        }
        ObjectNode task = ((ObjectNode) body.deepCopy()).put("id", "task-" + ids.incrementAndGet())
                .put("version", 1).put("status", "ASSIGNED").put("percentComplete", 0);
        respond(exchange, 201, JSON.writeValueAsString(task), "application/json");
    }

    private static void respond(HttpExchange exchange, int status, String json, String contentType)
            throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
