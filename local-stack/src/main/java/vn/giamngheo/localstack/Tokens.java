package vn.giamngheo.localstack;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real access tokens from an OpenID Connect issuer — the local stack's {@code identity} process or docker-compose's
 * Keycloak — for the demo-data loader, the system and fault tests, the bench and {@link TokenMain}.
 *
 * <p>{@link #user} logs in the way a browser does, so the issuer's login really runs: the authorization request with a
 * PKCE challenge, the login form (whatever hidden fields it carries, such as Spring Security's CSRF token or
 * Keycloak's session code) filled in and posted, a consent form accepted if one comes, and the redirect to the
 * client's loopback address read from its {@code Location} header — nothing listens there — and the code exchanged
 * with the verifier. {@link #machine} runs the client credentials grant. Tokens are cached per identity until shortly
 * before they expire. Thread-safe.
 */
public final class Tokens {

    /** The public client of the suite's web front end and command-line tools (authorization code + PKCE). */
    public static final String WEB_CLIENT = "giamngheo-web";
    /** A loopback redirect URI: both issuers accept any port on 127.0.0.1 for the web client (RFC 8252). */
    static final String REDIRECT_URI = "http://127.0.0.1:53682/callback";

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration LARGEST_MARGIN = Duration.ofSeconds(30);
    private static final int MAX_STEPS = 12;
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<(?:input|button)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String issuer;
    private final String webClientId;
    private final Clock clock;
    private final HttpClient tokenClient = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private volatile Endpoints endpoints;

    /** @param issuerUri the issuer as tokens name it, e.g. {@code http://localhost:9000} */
    public Tokens(String issuerUri) {
        this(issuerUri, WEB_CLIENT, Clock.systemUTC());
    }

    Tokens(String issuerUri, String webClientId, Clock clock) {
        this.issuer = stripTrailingSlash(Objects.requireNonNull(issuerUri));
        this.webClientId = webClientId;
        this.clock = clock;
    }

    public String issuerUri() {
        return issuer;
    }

    /** An access token of the user, logging in through the login form when no cached token is still good. */
    public String user(String username, String password) {
        return cached("user\u0000" + username + "\u0000" + password, () -> login(username, password));
    }

    /** An access token of a machine client (client credentials, with every scope the client is granted). */
    public String machine(String clientId, String secret) {
        return cached("client\u0000" + clientId + "\u0000" + secret, () -> clientCredentials(clientId, secret));
    }

    /** Drops every cached token, e.g. after the issuer's key changed. */
    public void forget() {
        cache.clear();
    }

    // ---- cache

    private record Cached(String accessToken, Instant renewAfter) {
    }

    private String cached(String key, Supplier<Cached> fetch) {
        Cached hit = cache.get(key);
        if (hit != null && clock.instant().isBefore(hit.renewAfter())) {
            return hit.accessToken();
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            hit = cache.get(key);
            if (hit == null || !clock.instant().isBefore(hit.renewAfter())) {
                hit = fetch.get();
                cache.put(key, hit);
            }
            return hit.accessToken();
        }
    }

    /**
     * Renewed a little before it expires (30 s, or a quarter of a short lifetime), so that no request carries a token
     * that dies on its way.
     */
    private Cached fromTokenResponse(HttpResponse<String> response, String what) {
        JsonNode body = json(response);
        if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
            throw new LocalStackException(what + " at " + issuer + " failed: the token endpoint answered "
                    + response.statusCode() + " " + describeError(body, response.body()));
        }
        long expiresIn = body.path("expires_in").asLong(60);
        Duration lifetime = Duration.ofSeconds(Math.max(1, expiresIn));
        Duration margin = lifetime.dividedBy(4).compareTo(LARGEST_MARGIN) < 0 ? lifetime.dividedBy(4) : LARGEST_MARGIN;
        return new Cached(body.get("access_token").asString(), clock.instant().plus(lifetime).minus(margin));
    }

    // ---- client credentials

    private Cached clientCredentials(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((formEncode(clientId) + ":" + formEncode(secret))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints().token()))
                .timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials"))))
                .build();
        return fromTokenResponse(send(tokenClient, request), "Client credentials of " + clientId);
    }

    // ---- authorization code + PKCE, as a browser

    private Cached login(String username, String password) {
        String verifier = randomUrlSafe(32);
        String state = randomUrlSafe(16);
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", webClientId);
        authorize.put("redirect_uri", REDIRECT_URI);
        authorize.put("scope", "openid profile");
        authorize.put("state", state);
        authorize.put("code_challenge", challenge(verifier));
        authorize.put("code_challenge_method", "S256");
        String code = browse(endpoints().authorization() + "?" + form(authorize), username, password, state);
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", code);
        exchange.put("redirect_uri", REDIRECT_URI);
        exchange.put("client_id", webClientId);
        exchange.put("code_verifier", verifier);
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints().token()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(exchange)))
                .build();
        return fromTokenResponse(send(tokenClient, request), "Login of " + username);
    }

    /** Follows the issuer's pages until it redirects to the client with a code; returns the code. */
    private String browse(String authorizeUrl, String username, String password, String state) {
        // A fresh cookie jar per login: the issuer's session must not leak from one user to the next.
        HttpClient browser = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(new LoopbackIsSecure(new CookieManager(null, CookiePolicy.ACCEPT_ALL)))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String what = "Login of " + username + " at " + issuer;
        HttpResponse<String> response = send(browser, HttpRequest.newBuilder(URI.create(authorizeUrl))
                .timeout(TIMEOUT).header("Accept", BROWSER_ACCEPT).GET().build());
        boolean credentialsSent = false;
        boolean consentSent = false;
        for (int step = 0; step < MAX_STEPS; step++) {
            URI current = response.uri();
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                String location = response.headers().firstValue("Location").orElseThrow(() ->
                        new LocalStackException(what + " failed: " + current + " redirected without a Location"));
                URI next = current.resolve(location);
                if (next.toString().startsWith(REDIRECT_URI)) {
                    return codeFrom(next, state, what);
                }
                response = send(browser, HttpRequest.newBuilder(next).timeout(TIMEOUT)
                        .header("Accept", BROWSER_ACCEPT).GET().build());
                continue;
            }
            if (status != 200) {
                throw new LocalStackException(what + " failed: " + current + " answered " + status + ": "
                        + abbreviate(response.body()));
            }
            List<Form> forms = forms(response.body());
            Form login = forms.stream().filter(Form::asksForPassword).findFirst().orElse(null);
            Form next;
            if (login != null) {
                if (credentialsSent) {
                    throw new LocalStackException(what + " failed: the login form came back after the password was"
                            + " sent — wrong user name or password?");
                }
                credentialsSent = true;
                next = login.filledIn(username, password);
            } else if (!forms.isEmpty() && credentialsSent && !consentSent) {
                // A consent page: sent as parsed, i.e. every scope ticked and with its first (accepting) button.
                consentSent = true;
                next = forms.get(0);
            } else {
                throw new LocalStackException(what + " failed: " + current + " showed a page without a login form: "
                        + abbreviate(response.body()));
            }
            URI action = next.action().isEmpty() ? current : current.resolve(next.action());
            response = send(browser, HttpRequest.newBuilder(action).timeout(TIMEOUT)
                    .header("Accept", BROWSER_ACCEPT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(formPairs(next.fields()))).build());
        }
        throw new LocalStackException(what + " failed: no code after " + MAX_STEPS + " pages");
    }

    private static String codeFrom(URI callback, String state, String what) {
        Map<String, String> query = parseQuery(callback.getRawQuery());
        if (query.containsKey("error")) {
            throw new LocalStackException(what + " failed: the issuer answered " + query.get("error")
                    + (query.containsKey("error_description") ? " – " + query.get("error_description") : ""));
        }
        if (!state.equals(query.get("state")) || !query.containsKey("code")) {
            throw new LocalStackException(what + " failed: the redirect " + callback + " carries no code for this"
                    + " request");
        }
        return query.get("code");
    }

    /** One HTML form: where it posts and its fields in order (name, value), as a browser would send them. */
    record Form(String action, List<Map.Entry<String, String>> fields, String textField, String passwordField) {

        boolean asksForPassword() {
            return passwordField != null;
        }

        Form filledIn(String username, String password) {
            List<Map.Entry<String, String>> filled = new ArrayList<>();
            for (Map.Entry<String, String> field : fields) {
                if (field.getKey().equals(textField)) {
                    filled.add(Map.entry(field.getKey(), username));
                } else if (field.getKey().equals(passwordField)) {
                    filled.add(Map.entry(field.getKey(), password));
                } else {
                    filled.add(field);
                }
            }
            return new Form(action, filled, textField, passwordField);
        }
    }

    /** The forms of a page, with hidden fields, checkboxes (ticked) and the first named submit button. */
    static List<Form> forms(String html) {
        List<Form> forms = new ArrayList<>();
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            Map<String, String> formAttributes = attributes(form.group(1));
            List<Map.Entry<String, String>> fields = new ArrayList<>();
            String textField = null;
            String passwordField = null;
            boolean buttonTaken = false;
            Matcher input = INPUT.matcher(form.group(2));
            while (input.find()) {
                Map<String, String> a = attributes(input.group(1));
                String name = a.get("name");
                if (name == null || name.isEmpty() || a.containsKey("disabled")) {
                    continue;
                }
                String type = a.getOrDefault("type", input.group().regionMatches(true, 1, "button", 0, 6)
                        ? "submit" : "text").toLowerCase(Locale.ROOT);
                String value = a.getOrDefault("value", "");
                switch (type) {
                    case "password" -> {
                        if (passwordField == null) {
                            passwordField = name;
                            fields.add(Map.entry(name, ""));
                        }
                    }
                    case "text", "email" -> {
                        if (textField == null) {
                            textField = name;
                        }
                        fields.add(Map.entry(name, value));
                    }
                    case "submit" -> {
                        if (!buttonTaken) {
                            buttonTaken = true;
                            fields.add(Map.entry(name, value));
                        }
                    }
                    case "hidden", "checkbox" -> fields.add(Map.entry(name, value));
                    default -> {
                        // radio buttons, files, resets: nothing an issuer's login or consent page needs
                    }
                }
            }
            forms.add(new Form(formAttributes.getOrDefault("action", ""), fields, textField, passwordField));
        }
        return forms;
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3)
                    : m.group(4) != null ? m.group(4) : "";
            attributes.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), unescape(value));
        }
        return attributes;
    }

    static String unescape(String html) {
        Matcher m = ENTITY.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group(1);
            String replacement = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> new String(Character.toChars(entity.startsWith("#x")
                        ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Browsers treat {@code http://localhost} and {@code http://127.0.0.1} as secure contexts and send {@code Secure}
     * cookies there; Java's CookieManager does not. Keycloak marks its login-session cookies {@code Secure}, so on a
     * loopback issuer over plain HTTP (docker-compose's {@code localhost:8180}) the cookies are kept and sent as a
     * browser would.
     */
    private static final class LoopbackIsSecure extends CookieHandler {

        private final CookieManager delegate;

        LoopbackIsSecure(CookieManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return delegate.get(asBrowserSeesIt(uri), requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            delegate.put(asBrowserSeesIt(uri), responseHeaders);
        }

        private static URI asBrowserSeesIt(URI uri) {
            String host = uri.getHost();
            boolean loopback = host != null && (host.equals("localhost") || host.startsWith("127.")
                    || host.equals("[::1]") || host.equals("::1"));
            if (!loopback || !"http".equalsIgnoreCase(uri.getScheme())) {
                return uri;
            }
            return URI.create("https" + uri.toString().substring("http".length()));
        }
    }

    // ---- discovery and HTTP

    private record Endpoints(String authorization, String token) {
    }

    private Endpoints endpoints() {
        Endpoints known = endpoints;
        if (known == null) {
            String url = issuer + "/.well-known/openid-configuration";
            HttpResponse<String> response = send(tokenClient, HttpRequest.newBuilder(URI.create(url))
                    .timeout(TIMEOUT).header("Accept", "application/json").GET().build());
            JsonNode body = json(response);
            if (response.statusCode() != 200 || !body.hasNonNull("token_endpoint")
                    || !body.hasNonNull("authorization_endpoint")) {
                throw new LocalStackException("The issuer " + issuer + " has no OpenID discovery document at " + url
                        + " (answered " + response.statusCode() + ")");
            }
            known = new Endpoints(body.get("authorization_endpoint").asString(),
                    body.get("token_endpoint").asString());
            endpoints = known;
        }
        return known;
    }

    private HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LocalStackException("Cannot reach the issuer " + issuer + " (" + request.method() + " "
                    + request.uri() + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while asking " + issuer + " for a token", e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JsonMapper.shared().readTree(response.body());
        } catch (JacksonException notJson) {
            return JsonMapper.shared().missingNode();
        }
    }

    private static String describeError(JsonNode body, String raw) {
        if (body.hasNonNull("error")) {
            return body.get("error").asString() + (body.hasNonNull("error_description")
                    ? " – " + body.get("error_description").asString() : "");
        }
        return abbreviate(raw);
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + " …" : flat;
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            query.putIfAbsent(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String form(Map<String, String> fields) {
        return formPairs(List.copyOf(fields.entrySet()));
    }

    private static String formPairs(List<Map.Entry<String, String>> fields) {
        return fields.stream().map(e -> formEncode(e.getKey()) + "=" + formEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String stripTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
