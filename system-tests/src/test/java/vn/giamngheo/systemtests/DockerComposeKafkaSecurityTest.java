package vn.giamngheo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;
import vn.giamngheo.localstack.KafkaCredentials;
import vn.giamngheo.localstack.LocalStack;

/**
 * Static checks of docker-compose.yml's Kafka security against the local stack's (which the system tests exercise on
 * a real broker): every listener authenticates, the authorizer denies what no ACL allows, each service logs in as
 * itself, and kafka-init creates the same topics and users. The ACLs themselves were compared once by running
 * kafka-setup's and kafka-init's scripts against a broker configured from this file (see local-stack/README.md).
 */
class DockerComposeKafkaSecurityTest {

    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*):-([^}]*)}");

    private static Map<String, Object> services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        try (Reader reader = Files.newBufferedReader(DockerComposeFileTest.findRepositoryRoot()
                .resolve("docker-compose.yml"), StandardCharsets.UTF_8)) {
            Map<String, Object> compose = map(new Yaml().load(reader));
            services = map(compose.get("services"));
        }
    }

    @Test
    void every_listener_authenticates_and_what_no_acl_allows_is_denied() {
        // given
        Map<String, String> kafka = environment("kafka");

        // when
        Map<String, String> protocols = new LinkedHashMap<>();
        for (String entry : kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
            String[] parts = entry.split(":");
            protocols.put(parts[0], parts[1]);
        }

        // then
        assertThat(protocols.keySet()).containsAll(listenerNames(kafka.get("KAFKA_LISTENERS")));
        assertThat(protocols.values()).as("no PLAINTEXT listener, not even the controller's").containsOnly(
                "SASL_PLAINTEXT");
        assertThat(kafka).containsEntry("KAFKA_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512")
                .containsEntry("KAFKA_LISTENER_NAME_CONTROLLER_SASL_ENABLED_MECHANISMS", "PLAIN")
                .containsEntry("KAFKA_SASL_MECHANISM_CONTROLLER_PROTOCOL", "PLAIN")
                .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME",
                        "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false");
        assertThat(kafka.get("KAFKA_SUPER_USERS").split(";")).containsExactlyInAnyOrder("User:admin",
                "User:controller");
        assertThat(String.join(" ", list(map(services.get("kafka")).get("volumes"))))
                .contains("kafka-config:/mnt/shared/config");
        assertThat(healthcheck("kafka")).contains("--command-config", "/mnt/shared/config/admin.properties");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan-service", "task-service", "report-service"})
    void each_service_logs_in_to_kafka_as_itself(String name) {
        // given
        Map<String, String> environment = environment(name);
        String passwordVariable = KafkaCredentials.environmentVariable(name);

        // then
        assertThat(environment).containsEntry("GIAMNGHEO_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("GIAMNGHEO_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("GIAMNGHEO_KAFKA_USERNAME", name);
        assertThat(rawEnvironment(name).get("GIAMNGHEO_KAFKA_PASSWORD"))
                .isEqualTo("${" + passwordVariable + ":-demo-kafka-" + name + "}");
        assertThat(rawEnvironment("kafka-init").get(passwordVariable))
                .as("kafka-init sets the password the service logs in with")
                .isEqualTo(rawEnvironment(name).get("GIAMNGHEO_KAFKA_PASSWORD"));
    }

    @Test
    void the_first_user_is_created_at_format_time_and_the_others_with_their_topics_by_kafka_init() {
        // given
        String setup = command("kafka-setup");
        String init = command("kafka-init");

        // then: the admin exists before ACLs are enforced, with the password kafka-init and the healthcheck use
        assertThat(setup).contains("kafka-storage.sh format", "--add-scram",
                "SCRAM-SHA-512=[name=admin,password=$${ADMIN_KAFKA_PASSWORD}]", "admin.properties");
        assertThat(map(map(services.get("kafka")).get("depends_on"))).containsKey("kafka-setup");
        // and kafka-init creates every topic the local stack creates, and every user but the two super users
        List<String> topics = new ArrayList<>(LocalStack.TOPICS);
        topics.addAll(LocalStack.DEAD_LETTER_TOPICS);
        assertThat(init).contains(topics);
        for (String principal : List.of("plan-service", "task-service", "report-service",
                KafkaCredentials.DEPARTMENT)) {
            assertThat(init).contains("user " + principal + " \"$$" + KafkaCredentials.environmentVariable(principal)
                    + "\"");
        }
        assertThat(init).contains("--group dept-sldtbxh. --resource-pattern-type prefixed")
                .doesNotContain("--operation All").doesNotContain("--operation Create");
    }

    private static List<String> listenerNames(String listeners) {
        return Arrays.stream(listeners.split(",")).map(l -> l.substring(0, l.indexOf("://"))).toList();
    }

    private static String command(String service) {
        return String.join("\n", list(map(services.get(service)).get("command")));
    }

    private static String healthcheck(String service) {
        return String.join(" ", list(map(map(services.get(service)).get("healthcheck")).get("test")));
    }

    /** The environment as written, placeholders included. */
    private static Map<String, String> rawEnvironment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        map(map(services.get(service)).get("environment")).forEach((k, v) -> environment.put(k, String.valueOf(v)));
        return environment;
    }

    /** The environment as {@code docker compose up} sets it when the administrator sets nothing. */
    private static Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        rawEnvironment(service).forEach((k, v) -> {
            Matcher m = DEFAULTED.matcher(v);
            environment.put(k, m.replaceAll(r -> Matcher.quoteReplacement(r.group(2))));
        });
        return environment;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<String> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
