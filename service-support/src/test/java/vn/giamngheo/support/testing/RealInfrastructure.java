package vn.giamngheo.support.testing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real Kafka and MongoDB images for component tests where a Docker engine exists. Use with
 * {@code @Testcontainers(disabledWithoutDocker = true) @ImportTestcontainers(RealInfrastructure.class)}: without
 * Docker the class is reported as skipped, and its scenarios still run through {@link EmbeddedInfrastructure}.
 */
public final class RealInfrastructure {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    private RealInfrastructure() {
    }

    @DynamicPropertySource
    static void connect(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("giamngheo_test"));
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestIssuer.get().issuer());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestIssuer.get().jwkSetUri());
        registry.add("giamngheo.security.anonymous-writes-per-minute", () -> "100000");
    }
}
