package vn.giamngheo.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON client for one service's public HTTP API, acting as one caller: each request carries that caller's
 * bearer token (none when its token source gives null).
 */
final class JsonHttp {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final JsonMapper mapper = JsonMapper.shared();
    private final String baseUrl;
    private final Supplier<String> bearer;

    JsonHttp(String baseUrl, Supplier<String> bearer) {
        this(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build(), baseUrl, bearer);
    }

    private JsonHttp(HttpClient client, String baseUrl, Supplier<String> bearer) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.bearer = bearer;
    }

    /** The same service, as another caller. */
    JsonHttp as(Supplier<String> otherBearer) {
        return new JsonHttp(client, baseUrl, otherBearer);
    }

    Response get(String path) {
        return send("GET", path, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    Response post(String path, Object body) {
        String json = mapper.writeValueAsString(body);
        return send("POST", path, HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private Response send(String method, String path, HttpRequest.Builder request) {
        String token = bearer.get();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(request.header("Accept", "application/json")
                    .timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(method + " " + baseUrl + path, response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw new LocalStackException(method + " " + baseUrl + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted during " + method + " " + baseUrl + path, e);
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return mapper.missingNode();
        }
        try {
            return mapper.readTree(body);
        } catch (JacksonException notJson) {
            return mapper.getNodeFactory().stringNode(body);
        }
    }

    /** A response with its JSON body; RFC 9457 problem details for errors. */
    record Response(String request, int status, JsonNode body) {

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        /** The problem type URI, or "" if the body is not problem details. */
        String problemType() {
            return body.path("type").asString("");
        }

        JsonNode requireSuccess() {
            if (!isSuccess()) {
                throw new LocalStackException(request + " answered " + status + ": " + describeProblem());
            }
            return body;
        }

        String describeProblem() {
            String title = body.path("title").asString("");
            String detail = body.path("detail").asString("");
            String text = (title + (detail.isEmpty() ? "" : " – " + detail)).trim();
            return text.isEmpty() ? body.toString() : text + (body.has("errors") ? " " + body.get("errors") : "");
        }
    }
}
