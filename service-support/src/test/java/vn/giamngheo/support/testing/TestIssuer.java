package vn.giamngheo.support.testing;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * A stand-in token issuer for component tests, one per JVM: signs RS256 JWTs with Spring Security's Nimbus encoder and
 * serves the public key as a JWK set over HTTP, so the services verify tokens exactly as in production (issuer and
 * JWK-set URI properties, signature, expiry). The system tests use the real local issuer instead.
 */
public final class TestIssuer {

    private static TestIssuer instance;

    private final RSAKey key;
    private final NimbusJwtEncoder encoder;
    private final HttpServer server;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-issuer").generate();
            encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    public static synchronized TestIssuer get() {
        if (instance == null) {
            instance = new TestIssuer();
        }
        return instance;
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String jwkSetUri() {
        return issuer() + "/oauth2/jwks";
    }

    /** Points a service under test at this issuer. */
    public void applyTo(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwkSetUri(),
                // Component tests post much community feedback from one address; RateLimitScenarios-style tests
                // lower it for themselves.
                "giamngheo.security.anonymous-writes-per-minute=100000").applyTo(context);
    }

    public String token(TestCaller caller) {
        return token(caller, issuer(), Duration.ofHours(1));
    }

    /** A token as {@code caller}; another issuer or a lifetime in the past makes tokens the services must refuse. */
    public String token(TestCaller caller, String issuer, Duration lifetime) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(issuer).subject(caller.subject())
                .issuedAt(lifetime.isNegative() ? now.plus(lifetime).minusSeconds(60) : now)
                .expiresAt(now.plus(lifetime))
                .claim("preferred_username", caller.subject())
                .claim("scope", String.join(" ", caller.scopes()));
        if (!caller.roles().isEmpty()) {
            claims.claim("roles", caller.roles());
        }
        if (caller.unit() != null) {
            claims.claim("unit", caller.unit());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
