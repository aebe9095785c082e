package vn.giamngheo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link Tokens} against the real local issuer, started from the identity module's jar as the stack starts it: the
 * browser-like login, client credentials, the cache, and what a refusal looks like. {@link #htmlForms} covers the form
 * reading with a page shaped like Keycloak's, whose login the same code drives in docker-compose.
 */
class TokensTest {

    @TempDir
    static Path dataDir;

    static IdentityProcess identity;

    @BeforeAll
    static void startIssuer() {
        Path jar = ProjectRoot.locate().resolve("identity").resolve("target").resolve("identity.jar");
        assertThat(jar).as("the identity jar (built before this module: mvn -pl identity install)").isRegularFile();
        identity = new IdentityProcess(jar, dataDir, LocalStackPorts.free().identity());
        long began = System.nanoTime();
        identity.startAndAwaitReady(Duration.ofSeconds(90));
        System.out.printf("identity ready in %d ms, %s%n", (System.nanoTime() - began) / 1_000_000,
                identity.figures());
    }

    @AfterAll
    static void stopIssuer() {
        if (identity != null) {
            identity.stop(Duration.ofSeconds(15));
        }
    }

    @Test
    void anOfficerLogsInThroughTheLoginFormAndGetsTheContractsClaims() {
        // when
        String token = new Tokens(identity.issuerUri()).user("sldtbxh.canbo", "demo-officer");

        // then
        JsonNode claims = claims(token);
        assertThat(claims.path("iss").asString()).isEqualTo(identity.issuerUri());
        assertThat(claims.path("sub").asString()).isEqualTo("sldtbxh.canbo");
        assertThat(claims.path("roles").values()).extracting(JsonNode::asString).containsExactly("OFFICER");
        assertThat(claims.path("unit").asString()).isEqualTo("SLDTBXH-14");
        assertThat(claims.path("name").asString())
                .isEqualTo("Cán bộ Sở Lao động – Thương binh và Xã hội – demo");
    }

    @Test
    void aMachineGetsItsScopesAndUnit() {
        // when
        JsonNode claims = claims(new Tokens(identity.issuerUri())
                .machine(DemoIdentities.SLDTBXH_SYSTEM, DemoIdentities.machineSecret()));

        // then
        assertThat(claims.path("sub").asString()).isEqualTo("sldtbxh-system");
        assertThat(claims.path("scope").asString()).isEqualTo("poverty.import api.read");
        assertThat(claims.path("unit").asString()).isEqualTo("SLDTBXH-14");
    }

    @Test
    void everyDemoUserCanLogIn() {
        // given
        Tokens tokens = new Tokens(identity.issuerUri());

        // when / then
        for (DemoIdentities.Login login : DemoIdentities.users()) {
            JsonNode claims = claims(tokens.user(login.username(), login.password()));
            assertThat(claims.path("roles").values()).extracting(JsonNode::asString).as(login.username())
                    .containsExactly(login.role());
            assertThat(claims.path("unit").asString(null)).as(login.username()).isEqualTo(login.unit());
        }
    }

    @Test
    void aTokenIsReusedUntilShortlyBeforeItExpires() {
        // given a clock the test moves, and the issuer's lifetime of 10 minutes
        MutableClock clock = new MutableClock(Instant.now());
        Tokens tokens = new Tokens(identity.issuerUri(), Tokens.WEB_CLIENT, clock);
        String first = tokens.user("admin", "demo-admin");
        String machine = tokens.machine(DemoIdentities.READONLY_SYSTEM, DemoIdentities.machineSecret());

        // when
        clock.advance(Duration.ofMinutes(9));
        String nineMinutesLater = tokens.user("admin", "demo-admin");
        clock.advance(Duration.ofSeconds(40));
        String ninePointSevenMinutesLater = tokens.user("admin", "demo-admin");

        // then
        assertThat(nineMinutesLater).isEqualTo(first);
        assertThat(ninePointSevenMinutesLater).isNotEqualTo(first);
        assertThat(tokens.machine(DemoIdentities.READONLY_SYSTEM, DemoIdentities.machineSecret()))
                .isNotEqualTo(machine);
        assertThat(claims(ninePointSevenMinutesLater).path("sub").asString()).isEqualTo("admin");
    }

    @Test
    void aWrongPasswordOrSecretIsNamedInTheFailure() {
        // given
        Tokens tokens = new Tokens(identity.issuerUri());

        // then
        assertThatThrownBy(() -> tokens.user("bdt.canbo", "wrong"))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("Login of bdt.canbo")
                .hasMessageContaining("wrong user name or password");
        assertThatThrownBy(() -> tokens.machine(DemoIdentities.SLDTBXH_SYSTEM, "wrong"))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("Client credentials of sldtbxh-system")
                .hasMessageContaining("401 invalid_client");
        // and a correct login afterwards is not spoiled by the failed one
        assertThat(claims(tokens.user("bdt.canbo", "demo-officer")).path("unit").asString()).isEqualTo("BDT-14");
    }

    @Test
    void theSigningKeyIsKeptInTheDataDirectory() throws Exception {
        // then
        assertThat(identity.keyFile()).isEqualTo(dataDir.resolve("identity").resolve("signing-key.pem"));
        assertThat(Files.readString(identity.keyFile())).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void theCliPrintsATokenForADemoUserOrClient() {
        // when
        String user = TokenMain.run("--issuer", identity.issuerUri(), "thanhtra");
        String machine = TokenMain.run("--issuer", identity.issuerUri(), "--client", "readonly-system");

        // then
        assertThat(claims(user).path("roles").values()).extracting(JsonNode::asString).containsExactly("VIEWER");
        assertThat(claims(machine).path("scope").asString()).isEqualTo("api.read");
        assertThatThrownBy(() -> TokenMain.run("--issuer", identity.issuerUri(), "stranger"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a demo user");
        assertThatThrownBy(() -> TokenMain.run()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void htmlForms() {
        // given a login page shaped like Keycloak's: an escaped action, a hidden field, a named submit button
        String html = """
                <html><body><form id="kc-form-login" onsubmit="login.disabled = true; return true;"
                    action="http://localhost:8180/realms/giamngheo/login-actions/authenticate?session_code=a1&amp;execution=b2&amp;client_id=giamngheo-web&amp;tab_id=c3" method="post">
                  <input tabindex="2" id="username" class="pf-c-form-control" name="username" value="" type="text" autofocus autocomplete="username">
                  <input tabindex="3" id="password" class="pf-c-form-control" name="password" type="password" autocomplete="current-password">
                  <input type="hidden" id="id-hidden-input" name="credentialId" value=""/>
                  <input tabindex="4" class="pf-c-button" name="login" id="kc-login" type="submit" value="Sign In"/>
                </form>
                <form action='/other'><input type='hidden' name='x' value='&#39;y&#x27;'></form></body></html>""";

        // when
        List<Tokens.Form> forms = Tokens.forms(html);

        // then
        assertThat(forms).hasSize(2);
        Tokens.Form login = forms.get(0).filledIn("bdt.canbo", "demo-officer");
        assertThat(login.action()).isEqualTo("http://localhost:8180/realms/giamngheo/login-actions/authenticate"
                + "?session_code=a1&execution=b2&client_id=giamngheo-web&tab_id=c3");
        assertThat(login.fields()).containsExactly(Map.entry("username", "bdt.canbo"),
                Map.entry("password", "demo-officer"), Map.entry("credentialId", ""), Map.entry("login", "Sign In"));
        assertThat(forms.get(1).asksForPassword()).isFalse();
        assertThat(forms.get(1).fields()).containsExactly(Map.entry("x", "'y'"));
    }

    private static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        assertThat(parts).as("a JWS compact serialization").hasSize(3);
        return JsonMapper.shared().readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8));
    }

    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
