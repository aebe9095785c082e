package vn.giamngheo.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.giamngheo.support.testing.HttpApi;
import vn.giamngheo.support.testing.InMemoryMongoInitializer;
import vn.giamngheo.support.testing.TestCaller;
import vn.giamngheo.support.testing.TestIssuer;

@SpringBootTest(classes = SecurityTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.import=classpath:giamngheo-defaults.yml", "spring.kafka.admin.auto-create=false",
                "spring.application.name=test-service"})
@ContextConfiguration(initializers = InMemoryMongoInitializer.class)
class SharedSecurityTest {

    static final int ANONYMOUS_WRITES_PER_MINUTE = 3;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestIssuer.get().issuer());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestIssuer.get().jwkSetUri());
        registry.add("giamngheo.security.anonymous-writes-per-minute", () -> ANONYMOUS_WRITES_PER_MINUTE);
    }

    HttpApi api() {
        return new HttpApi("http://localhost:" + port);
    }

    @Test
    void without_a_token_a_protected_endpoint_answers_401_as_a_problem() {
        // when
        HttpApi.Response response = api().get("/api/v1/read");

        // then
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).endsWith("/unauthenticated");
        assertThat(response.body().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void tokens_from_another_issuer_expired_or_garbled_are_refused_with_401() {
        // given
        TestIssuer issuer = TestIssuer.get();
        String foreign = issuer.token(TestCaller.ADMIN, "http://evil.example", Duration.ofHours(1));
        String expired = issuer.token(TestCaller.ADMIN, issuer.issuer(), Duration.ofMinutes(-5));

        // when / then
        assertThat(api().withToken(foreign).get("/api/v1/read").status()).isEqualTo(401);
        assertThat(api().withToken(expired).get("/api/v1/read").status()).isEqualTo(401);
        assertThat(api().withToken("not-a-jwt").get("/api/v1/read").status()).isEqualTo(401);
        assertThat(api().withToken(foreign).get("/api/v1/read").text("detail")).contains("not valid");
    }

    @Test
    void roles_and_scopes_from_the_token_decide_reads_and_writes() {
        // given
        HttpApi admin = api().as(TestCaller.ADMIN);
        HttpApi viewer = api().as(TestCaller.VIEWER);
        HttpApi reader = api().as(TestCaller.machine("readonly-system", null, Roles.SCOPE_API_READ));
        HttpApi importer = api().as(TestCaller.machine("sldtbxh-system", "SLDTBXH-14", Roles.SCOPE_POVERTY_IMPORT));

        // when / then
        assertThat(viewer.get("/api/v1/read").status()).isEqualTo(200);
        assertThat(reader.get("/api/v1/read").status()).isEqualTo(200);
        assertThat(importer.get("/api/v1/read").status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/write", "{}").status()).isEqualTo(200);
        HttpApi.Response denied = viewer.post("/api/v1/write", "{}");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.contentType()).startsWith("application/problem+json");
        assertThat(denied.text("type")).endsWith("/forbidden");
        assertThat(reader.post("/api/v1/write", "{}").status()).isEqualTo(403);
    }

    @Test
    void the_openapi_document_is_public_and_offers_bearer_tokens() {
        // when
        HttpApi.Response docs = api().get("/v3/api-docs");

        // then
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("components").get("securitySchemes").get("bearer").get("scheme").asString())
                .isEqualTo("bearer");
        assertThat(docs.body().get("paths").has("/api/v1/read")).isTrue();
    }

    @Test
    void an_endpoint_without_a_rule_is_refused_even_to_the_admin() {
        // when
        HttpApi.Response response = api().as(TestCaller.ADMIN).get("/api/v1/unruled");

        // then
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void an_officer_acts_only_for_the_unit_in_the_token() {
        // given
        HttpApi officer = api().as(TestCaller.officerOf("BDT-14"));

        // when
        HttpApi.Response own = officer.post("/api/v1/units/BDT-14/act", "{}");
        HttpApi.Response other = officer.post("/api/v1/units/SXD-14/act", "{}");

        // then
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text("unit")).isEqualTo("BDT-14");
        assertThat(own.text("kind")).isEqualTo("USER");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.text("type")).endsWith("/forbidden");
        assertThat(other.text("detail")).contains("SXD-14").contains("BDT-14");
        assertThat(api().as(TestCaller.ADMIN).post("/api/v1/units/SXD-14/act", "{}").status()).isEqualTo(200);
    }

    @Test
    void the_caller_is_known_as_a_user_a_machine_or_the_public() {
        // when
        HttpApi.Response officer = api().as(TestCaller.officerOf("SXD-14")).get("/api/v1/open");
        HttpApi.Response machine = api().as(TestCaller.machine("sldtbxh-system", "SLDTBXH-14")).get("/api/v1/open");
        HttpApi.Response anonymous = api().get("/api/v1/open");

        // then
        assertThat(officer.text("subject")).isEqualTo("officer-sxd-14");
        assertThat(officer.text("kind")).isEqualTo("USER");
        assertThat(machine.text("subject")).isEqualTo("sldtbxh-system");
        assertThat(machine.text("unit")).isEqualTo("SLDTBXH-14");
        assertThat(machine.text("kind")).isEqualTo("MACHINE");
        assertThat(anonymous.text("subject")).isEqualTo("anonymous");
        assertThat(anonymous.text("kind")).isEqualTo("PUBLIC");
    }

    @Test
    void the_public_writes_a_limited_number_of_times_per_minute_signed_in_callers_are_not_limited() {
        // given: a budget of ANONYMOUS_WRITES_PER_MINUTE for this address (this is the only test writing anonymously)
        HttpApi anonymous = api();

        // when
        for (int i = 0; i < ANONYMOUS_WRITES_PER_MINUTE; i++) {
            assertThat(anonymous.post("/api/v1/feedback", "{}").status()).isEqualTo(200);
        }
        HttpApi.Response over = anonymous.post("/api/v1/feedback", "{}");

        // then
        assertThat(over.status()).isEqualTo(429);
        assertThat(over.contentType()).startsWith("application/problem+json");
        assertThat(over.text("type")).endsWith("/too-many-requests");
        assertThat(api().as(TestCaller.VIEWER).post("/api/v1/feedback", "{}").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/open").status()).isEqualTo(200);
    }
}
