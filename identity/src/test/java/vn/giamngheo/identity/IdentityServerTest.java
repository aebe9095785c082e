package vn.giamngheo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The issuer as its clients meet it over HTTP, on a fixed port so that the configured issuer URL is the real one:
 * a browser login with authorization code and PKCE, machine clients with client credentials, and refusals. Every
 * token is checked the way a resource server checks it: signature from the JWKS endpoint, issuer, expiry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class IdentityServerTest {

    private static final int PORT = freePort();
    private static final String ISSUER = "http://localhost:" + PORT;
    private static final Path KEY_FILE = tempDir().resolve("keys").resolve("signing-key.pem");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("giamngheo.identity.issuer", () -> ISSUER);
        registry.add("giamngheo.identity.key-file", KEY_FILE::toString);
    }

    private final JwtDecoder resourceServer = resourceServerDecoder();

    @Test
    void anOfficerLogsInWithAuthorizationCodeAndPkceAndGetsRolesUnitAndNames() throws Exception {
        // given a browser and a PKCE verifier
        BrowserFlow browser = new BrowserFlow(ISSUER);
        String verifier = BrowserFlow.verifier();

        // when the officer logs in and the client exchanges the code with the verifier
        String code = browser.login("bdt.canbo", "demo-officer", BrowserFlow.challenge(verifier)).orElseThrow();
        HttpResponse<String> response = browser.exchange(code, verifier);

        // then the access token is a JWT signed with the key from the key file, with the contract's claims
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = BrowserFlow.json(response);
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        Jwt jwt = resourceServer.decode(body.path("access_token").asString());
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256")
                .containsEntry("kid", SigningKey.load(KEY_FILE).getKeyID());
        assertThat(jwt.getIssuer()).hasToString(ISSUER);
        assertThat(jwt.getSubject()).isEqualTo("bdt.canbo");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("OFFICER");
        assertThat(jwt.getClaimAsString("unit")).isEqualTo("BDT-14");
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("bdt.canbo");
        assertThat(jwt.getClaimAsString("name")).isEqualTo("Cán bộ Ban Dân tộc – demo");
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("openid profile");
        assertThat(jwt.getExpiresAt()).isBetween(Instant.now().plus(Duration.ofMinutes(9)),
                Instant.now().plus(Duration.ofMinutes(11)));
        // and an ID token comes along for the web client
        assertThat(resourceServer.decode(body.path("id_token").asString()).getClaimAsString("name"))
                .isEqualTo("Cán bộ Ban Dân tộc – demo");
    }

    @Test
    void theAdministratorAndTheViewerHaveTheirRoleAndNoUnit() throws Exception {
        for (String[] user : new String[][] {{"admin", "demo-admin", "ADMIN"}, {"thanhtra", "demo-viewer", "VIEWER"}}) {
            // given a browser
            BrowserFlow browser = new BrowserFlow(ISSUER);
            String verifier = BrowserFlow.verifier();

            // when the user logs in
            String code = browser.login(user[0], user[1], BrowserFlow.challenge(verifier)).orElseThrow();
            Jwt jwt = resourceServer.decode(BrowserFlow.json(browser.exchange(code, verifier))
                    .path("access_token").asString());

            // then the token carries the role and no unit
            assertThat(jwt.getSubject()).isEqualTo(user[0]);
            assertThat(jwt.getClaimAsStringList("roles")).containsExactly(user[2]);
            assertThat(jwt.hasClaim("unit")).as("%s has no unit", user[0]).isFalse();
        }
    }

    @Test
    void theLabourDepartmentsSystemGetsItsScopesAndUnitWithClientCredentials() throws Exception {
        // when the machine client asks for a token without naming scopes
        HttpResponse<String> response = new BrowserFlow(ISSUER)
                .clientCredentials("sldtbxh-system", "demo-machine-secret", null);

        // then it gets every scope it is registered with, its unit, and no roles
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Jwt jwt = resourceServer.decode(BrowserFlow.json(response).path("access_token").asString());
        assertThat(jwt.getSubject()).isEqualTo("sldtbxh-system");
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("poverty.import api.read");
        assertThat(jwt.getClaimAsString("unit")).isEqualTo("SLDTBXH-14");
        assertThat(jwt.hasClaim("roles")).isFalse();
    }

    @Test
    void aMachineThatNamesAScopeGetsOnlyThatOneAndAClientWithoutUnitGetsNone() throws Exception {
        // when one machine asks for api.read only, and the read-only system asks without scopes
        Jwt narrowed = resourceServer.decode(BrowserFlow.json(new BrowserFlow(ISSUER)
                .clientCredentials("sldtbxh-system", "demo-machine-secret", "api.read")).path("access_token")
                .asString());
        Jwt readOnly = resourceServer.decode(BrowserFlow.json(new BrowserFlow(ISSUER)
                .clientCredentials("readonly-system", "demo-machine-secret", null)).path("access_token").asString());

        // then
        assertThat(narrowed.getClaimAsString("scope")).isEqualTo("api.read");
        assertThat(readOnly.getClaimAsString("scope")).isEqualTo("api.read");
        assertThat(readOnly.hasClaim("unit")).isFalse();
    }

    @Test
    void aWrongPasswordGetsNoCode() throws Exception {
        // given a browser
        BrowserFlow browser = new BrowserFlow(ISSUER);

        // when the officer types a wrong password
        var code = browser.login("bdt.canbo", "not-the-password", BrowserFlow.challenge(BrowserFlow.verifier()));

        // then the login form says no and the client never receives a code
        assertThat(code).isEmpty();
    }

    @Test
    void aWrongClientSecretOrAForeignScopeIsRefused() throws Exception {
        // when
        HttpResponse<String> wrongSecret = new BrowserFlow(ISSUER)
                .clientCredentials("sldtbxh-system", "guessed", null);
        HttpResponse<String> foreignScope = new BrowserFlow(ISSUER)
                .clientCredentials("readonly-system", "demo-machine-secret", "poverty.import");

        // then
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(BrowserFlow.json(wrongSecret).path("error").asString()).isEqualTo("invalid_client");
        assertThat(foreignScope.statusCode()).isEqualTo(400);
        assertThat(BrowserFlow.json(foreignScope).path("error").asString()).isEqualTo("invalid_scope");
    }

    @Test
    void aCodeIsUsableOnlyWithItsVerifier() throws Exception {
        // given a code obtained with one verifier
        BrowserFlow browser = new BrowserFlow(ISSUER);
        String code = browser.login("sxd.canbo", "demo-officer", BrowserFlow.challenge(BrowserFlow.verifier()))
                .orElseThrow();

        // when the client sends another verifier
        HttpResponse<String> response = browser.exchange(code, BrowserFlow.verifier());

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(BrowserFlow.json(response).path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void theDiscoveryDocumentNamesTheConfiguredIssuerAndTheKeyFileWasWritten() throws Exception {
        // when
        JsonNode discovery;
        try (var in = java.net.URI.create(ISSUER + "/.well-known/openid-configuration").toURL().openStream()) {
            discovery = tools.jackson.databind.json.JsonMapper.shared().readTree(in);
        }

        // then
        assertThat(discovery.path("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        RSAKey key = SigningKey.load(KEY_FILE);
        assertThat(key.isPrivate()).isTrue();
        assertThat(Files.readString(KEY_FILE)).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    private static JwtDecoder resourceServerDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(ISSUER + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        return decoder;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("identity-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
