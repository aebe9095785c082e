package vn.giamngheo.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.EventJson;

/** A plain HTTP client for black-box API tests: never throws on 4xx/5xx, so tests can assert on problems. */
public final class HttpApi {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String bearerToken;

    /** Calls without a token, as the public does. */
    public HttpApi(String baseUrl) {
        this(baseUrl, null);
    }

    private HttpApi(String baseUrl, String bearerToken) {
        this.baseUrl = baseUrl;
        this.bearerToken = bearerToken;
    }

    /** The same API called with a token from the {@link TestIssuer} for {@code caller}. */
    public HttpApi as(TestCaller caller) {
        return withToken(TestIssuer.get().token(caller));
    }

    /** The same API called with this bearer token. */
    public HttpApi withToken(String token) {
        return new HttpApi(baseUrl, token);
    }

    /** The {@code Authorization} header value this client sends, or null; for helpers that build their own requests. */
    public String authorization() {
        return bearerToken == null ? null : "Bearer " + bearerToken;
    }

    /** A response: status, the parsed JSON body (null when empty) and the raw headers' ETag and content type. */
    public record Response(int status, JsonNode body, String etag, String contentType) {

        public String text(String field) {
            return body.get(field).asString();
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response post(String path, String json) {
        return post(path, json, null);
    }

    public Response post(String path, String json, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json, StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    public Response put(String path, String json, String ifMatch) {
        return request("PUT", path, json, ifMatch);
    }

    public Response delete(String path, String ifMatch) {
        return request("DELETE", path, null, ifMatch);
    }

    /** Any method; a JSON body when {@code json} is not null. */
    public Response request(String method, String path, String json, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    /** Only JSON bodies are parsed; exports (CSV, XLSX, HTML) come back with a null body and their content type. */
    private static boolean json(HttpResponse<String> response) {
        String body = response.body();
        String type = response.headers().firstValue("Content-Type").orElse("");
        return body != null && !body.isBlank() && (type.isEmpty() || type.contains("json"));
    }

    private Response send(HttpRequest.Builder request) {
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body();
            return new Response(response.statusCode(),
                    json(response) ? EventJson.mapper().readTree(body) : null,
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
