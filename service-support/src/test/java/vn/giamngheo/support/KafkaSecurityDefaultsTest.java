package vn.giamngheo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The Kafka security of every service comes from the shared defaults and four environment variables; Boot's Kafka
 * properties carry it to each kind of client (the relay's producer, the binder's consumers and dead-letter producer,
 * the admin clients all start from them).
 */
class KafkaSecurityDefaultsTest {

    private static final String SCRAM_JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"task-service\" password=\"demo-kafka-task-service\";";

    @Test
    void the_service_s_scram_user_from_the_environment_reaches_producers_consumers_and_admin_clients()
            throws IOException {
        // given
        Map<String, String> environment = Map.of(
                "GIAMNGHEO_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "GIAMNGHEO_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "GIAMNGHEO_KAFKA_USERNAME", "task-service",
                "GIAMNGHEO_KAFKA_PASSWORD", "demo-kafka-task-service");

        // when
        KafkaProperties kafka = kafkaProperties(environment);

        // then
        for (Map<String, Object> client : List.of(kafka.buildProducerProperties(), kafka.buildConsumerProperties(),
                kafka.buildAdminProperties())) {
            assertThat(client)
                    .containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT")
                    .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
                    .containsEntry(SaslConfigs.SASL_JAAS_CONFIG, SCRAM_JAAS);
        }
    }

    @Test
    void the_jaas_line_is_one_a_kafka_client_accepts() throws IOException {
        // given
        KafkaProperties kafka = kafkaProperties(Map.of(
                "GIAMNGHEO_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "GIAMNGHEO_KAFKA_USERNAME", "task-service",
                "GIAMNGHEO_KAFKA_PASSWORD", "demo-kafka-task-service"));

        // when: the clients parse the JAAS configuration as they are built (no broker needed)
        // then
        assertClientsCanBeBuilt(kafka);
    }

    @Test
    void without_environment_the_clients_speak_plaintext_and_the_empty_user_name_does_no_harm() throws IOException {
        // given
        KafkaProperties kafka = kafkaProperties(Map.of());

        // when
        Map<String, Object> producer = kafka.buildProducerProperties();

        // then
        assertThat(producer).containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
        assertClientsCanBeBuilt(kafka);
    }

    private static KafkaProperties kafkaProperties(Map<String, String> environment) throws IOException {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        spring.getPropertySources().addFirst(new MapPropertySource("environment", new HashMap<>(environment)));
        for (PropertySource<?> defaults : new YamlPropertySourceLoader().load("giamngheo-defaults",
                new ClassPathResource("giamngheo-defaults.yml"))) {
            spring.getPropertySources().addLast(defaults);
        }
        return Binder.get(spring).bind("spring.kafka", Bindable.ofInstance(new KafkaProperties())).get();
    }

    /** Building a client configures its channel, which is where a malformed JAAS line or protocol would fail. */
    private static void assertClientsCanBeBuilt(KafkaProperties kafka) {
        Map<String, Object> consumer = withUnusedBroker(kafka.buildConsumerProperties());
        consumer.put("group.id", "kafka-security-defaults-test");
        assertThatCode(() -> new KafkaProducer<>(withUnusedBroker(kafka.buildProducerProperties()),
                new ByteArraySerializer(), new ByteArraySerializer()).close(Duration.ZERO))
                .as("producer").doesNotThrowAnyException();
        assertThatCode(() -> new KafkaConsumer<>(consumer, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .close(Duration.ZERO)).as("consumer").doesNotThrowAnyException();
        assertThatCode(() -> Admin.create(withUnusedBroker(kafka.buildAdminProperties())).close(Duration.ZERO))
                .as("admin client").doesNotThrowAnyException();
    }

    private static Map<String, Object> withUnusedBroker(Map<String, Object> properties) {
        Map<String, Object> copy = new HashMap<>(properties);
        copy.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        return copy;
    }
}
