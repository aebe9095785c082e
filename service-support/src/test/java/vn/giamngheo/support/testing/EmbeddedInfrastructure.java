package vn.giamngheo.support.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs a Spring Boot test against an embedded KRaft Kafka broker and an in-memory MongoDB-wire server: the same
 * scenarios that {@link RealInfrastructure} runs on Docker images, on a machine without Docker. Tokens come from the
 * {@link TestIssuer}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EmbeddedKafka(partitions = 3,
        topics = {"plan.events", "task.events", "report.events", "census.households"})
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@ContextConfiguration(initializers = {InMemoryMongoInitializer.class, TestIssuerInitializer.class})
public @interface EmbeddedInfrastructure {
}
