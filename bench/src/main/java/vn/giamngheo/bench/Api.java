package vn.giamngheo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.EventJson;

/**
 * A minimal JSON-over-HTTP client for the benchmarks (HTTP/1.1, as the services speak it), calling as one identity:
 * every request carries its {@code Authorization} header.
 */
final class Api {

    private final HttpClient client;
    private final Supplier<String> authorization;

    /** @param authorization the {@code Authorization} header's value, asked for each request (tokens expire) */
    Api(Supplier<String> authorization) {
        this(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build(), authorization);
    }

    private Api(HttpClient client, Supplier<String> authorization) {
        this.client = client;
        this.authorization = authorization;
    }

    /** The same client (connections) calling as another identity. */
    Api as(Supplier<String> otherAuthorization) {
        return new Api(client, otherAuthorization);
    }

    record Reply(int status, JsonNode body) {

        String text(String field) {
            JsonNode node = body == null ? null : body.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }
    }

    HttpClient client() {
        return client;
    }

    Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    Reply post(String url, String json) {
        return send(json(url, json));
    }

    static HttpRequest.Builder json(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    /** The request with this identity's token, for the load loops that build their own requests. */
    HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.setHeader("Authorization", authorization.get());
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(authorized(request).timeout(Duration.ofMinutes(10)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body() == null ? "" : response.body().strip();
            JsonNode json = body.startsWith("{") || body.startsWith("[") ? EventJson.mapper().readTree(body) : null;
            return new Reply(response.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Only the status code: the load loops do not spend the client's CPU on parsing answers. The request is sent as
     * built: the loops add the token with {@link #authorized}.
     */
    int status(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
