package vn.giamngheo.faulttests;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.EventJson;

/**
 * A black-box HTTP client that tells the three outcomes a fault test must keep apart: an answer (any status), a
 * request that never left (the service was down: nothing can have happened), and a request whose answer was lost
 * (the service may or may not have acted on it). It calls as one caller: every request carries that caller's bearer
 * token (a real one from the stack's issuer, renewed before it expires), or none for the public.
 */
final class Api {

    private final HttpClient client;
    private final String baseUrl;
    private final Duration timeout;
    /** The caller's access token, asked for at each request (the source caches it); null for the public. */
    private final Supplier<String> token;

    /** The public: no token. */
    Api(String baseUrl) {
        this(baseUrl, Duration.ofSeconds(30), null);
    }

    private Api(String baseUrl, Duration timeout, Supplier<String> token) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.token = token;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** The same service called by the caller whose tokens {@code token} gives. */
    Api as(Supplier<String> token) {
        return new Api(baseUrl, timeout, token);
    }

    /** The same caller, waiting longer (or shorter) for each answer. */
    Api withTimeout(Duration timeout) {
        return new Api(baseUrl, timeout, token);
    }

    /** An answer: status, raw body, the body as JSON when it is JSON, the ETag and how long it took. */
    record Reply(int status, String body, JsonNode json, String etag, String contentType, long millis) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String text(String field) {
            JsonNode value = json == null ? null : json.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }

        /** The last part of a problem's type URI, e.g. {@code stale-version}. */
        String problemType() {
            String type = text("type");
            return type == null ? null : type.substring(type.lastIndexOf('/') + 1);
        }

        long version() {
            return Long.parseLong(etag.replace("\"", ""));
        }

        @Override
        public String toString() {
            return status + " " + (body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** The request could not be sent (connection refused): the service did nothing. */
    static final class NotSent extends RuntimeException {
        NotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The request was sent but no answer came: the service may or may not have acted on it. */
    static final class Uncertain extends RuntimeException {
        Uncertain(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    Reply post(String path, String json) {
        return send("POST", path, json, null);
    }

    Reply post(String path, String json, String ifMatch) {
        return send("POST", path, json, ifMatch);
    }

    Reply put(String path, String json) {
        return send("PUT", path, json, null);
    }

    Reply send(String method, String path, String json, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return exchange(request.build());
    }

    /**
     * Any request, e.g. with a hostile content type or raw bytes; it gets this caller's token unless it names an
     * {@code Authorization} of its own (a hostile one).
     */
    Reply exchange(HttpRequest request) {
        if (token != null && request.headers().firstValue("Authorization").isEmpty()) {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Authorization", "Bearer " + token.get()).build();
        }
        long began = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body();
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            JsonNode json = null;
            if (body != null && !body.isBlank() && contentType != null && contentType.contains("json")) {
                json = EventJson.mapper().readTree(body);
            }
            return new Reply(response.statusCode(), body, json, response.headers().firstValue("ETag").orElse(null),
                    contentType, (System.nanoTime() - began) / 1_000_000);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new NotSent(request.method() + " " + request.uri() + ": " + e, e);
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                throw new NotSent(request.method() + " " + request.uri() + ": " + e, e);
            }
            throw new Uncertain(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Uncertain("interrupted", e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }
}
