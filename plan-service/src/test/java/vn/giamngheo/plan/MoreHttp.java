package vn.giamngheo.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import vn.giamngheo.contracts.EventJson;
import vn.giamngheo.support.testing.HttpApi;

/** The requests {@link HttpApi} does not make: a CSV body and a multipart upload, as the same caller. */
public final class MoreHttp {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    /** @param api whose caller these requests are made as (its {@code Authorization} header, none for the public) */
    public MoreHttp(String baseUrl, HttpApi api) {
        this.baseUrl = baseUrl;
        this.authorization = api.authorization();
    }

    /** A CSV body sent as {@code text/csv} without a charset parameter, as spreadsheet tools do. */
    public HttpApi.Response postCsv(String path, String csv) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
    }

    /** A file upload as a browser form sends it: multipart/form-data with one part named {@code file}. */
    public HttpApi.Response upload(String path, String fileName, String content) {
        String boundary = "----giamngheo" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + content + "\r\n"
                + "--" + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpApi.Response send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body();
            return new HttpApi.Response(response.statusCode(),
                    body == null || body.isBlank() ? null : EventJson.mapper().readTree(body),
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
