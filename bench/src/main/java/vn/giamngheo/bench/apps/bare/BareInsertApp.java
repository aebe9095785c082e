package vn.giamngheo.bench.apps.bare;

import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The command-path baseline: the same framework (Spring Boot web MVC, Jackson, Spring Data MongoDB, Spring Security's
 * OAuth2 resource server) with one endpoint at the task-service's progress path that checks the caller's bearer token
 * against the same issuer, reads the same JSON body and does one MongoDB insert — no role rules, no load, no
 * validation, no version check, no outbox. What the hardware and the framework allow for an authenticated write.
 *
 * <p>It checks the token because every real endpoint must: a baseline without the check would charge the suite for
 * the signature verification that any endpoint pays, and so hide what our own code costs.
 *
 * <p>Environment: {@code SERVER_PORT}, {@code MONGODB_URI}, {@code GIAMNGHEO_ISSUER_URI}, {@code GIAMNGHEO_JWK_SET_URI}
 * (as the services read them).
 */
@SpringBootApplication
public class BareInsertApp {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(BareInsertApp.class);
        app.setDefaultProperties(Map.of(
                "management.endpoint.health.probes.enabled", "true",
                "management.health.mongodb.enabled", "false",
                "spring.mongodb.uri", "${MONGODB_URI:mongodb://127.0.0.1:27017/bench_bare}",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                "${GIAMNGHEO_ISSUER_URI:http://localhost:9000}",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                "${GIAMNGHEO_JWK_SET_URI:http://localhost:9000/oauth2/jwks}"));
        app.run(args);
    }

    /** Stateless bearer-token checks as in the services (service-support's security configuration), minus the roles. */
    @Bean
    SecurityFilterChain bareSecurity(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .build();
    }

    /** The task-service's request body, as the load generator sends it. */
    public record ProgressBody(Integer percentComplete, String note) {
    }

    @RestController
    static class ProgressEndpoint {

        private final MongoTemplate mongo;

        ProgressEndpoint(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        @PostMapping("/api/v1/tasks/{id}/progress")
        Map<String, Object> progress(@PathVariable String id, @RequestBody ProgressBody body) {
            Document progress = new Document("taskId", id).append("percentComplete", body.percentComplete())
                    .append("note", body.note()).append("at", new Date());
            mongo.insert(progress, "progress");
            return Map.of("id", progress.getObjectId("_id").toHexString(), "taskId", id,
                    "percentComplete", body.percentComplete());
        }
    }
}
