package vn.giamngheo.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a browser and a command-line client do against the issuer, step by step and with nothing hidden, so a test can
 * see where a flow stops: authorize, the login form with its CSRF token, the redirect with the code, the token request
 * with the PKCE verifier. (local-stack's {@code Tokens} does the same for real use; this module cannot depend on it.)
 */
final class BrowserFlow {

    static final String WEB_CLIENT = "giamngheo-web";
    static final String REDIRECT_URI = "http://127.0.0.1:53682/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    BrowserFlow(String base) {
        this.base = base;
    }

    /** The authorization code if the login succeeded, or empty if the issuer did not redirect to the client. */
    Optional<String> login(String username, String password, String codeChallenge) throws Exception {
        HttpResponse<String> authorize = get(base + "/oauth2/authorize?response_type=code&client_id=" + WEB_CLIENT
                + "&redirect_uri=" + encode(REDIRECT_URI) + "&scope=" + encode("openid profile") + "&state=xyz"
                + "&code_challenge=" + codeChallenge + "&code_challenge_method=S256");
        String loginPage = location(authorize);
        HttpResponse<String> form = get(loginPage);
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token in the login page: " + form.body());
        }
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "_csrf", csrf.group(1))))));
        String next = location(posted);
        if (next.contains("/login?error")) {
            return Optional.empty();
        }
        String callback = location(get(next));
        if (!callback.startsWith(REDIRECT_URI)) {
            return Optional.empty();
        }
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback);
        return code.find() ? Optional.of(code.group(1)) : Optional.empty();
    }

    HttpResponse<String> exchange(String code, String verifier) throws Exception {
        return token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI,
                "client_id", WEB_CLIENT, "code_verifier", verifier), null);
    }

    HttpResponse<String> clientCredentials(String clientId, String secret, String scope) throws Exception {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "client_credentials");
        if (scope != null) {
            body.put("scope", scope);
        }
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return token(body, "Basic " + basic);
    }

    private HttpResponse<String> token(Map<String, String> body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url.startsWith("/") ? base + url : url)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        // As a browser sends it: Spring Security saves the authorize request for after the login only for a request
        // that does not ask for JSON.
        return http.send(request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                response.request().uri() + " answered " + response.statusCode() + " without a redirect: "
                        + response.body()));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
