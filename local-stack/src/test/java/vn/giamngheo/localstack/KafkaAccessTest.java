package vn.giamngheo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The broker's ACL table against what each service really does, read from its application.yml: the topic its outbox
 * relay writes ({@code giamngheo.messaging.topic}), the destinations and groups of its consumer bindings, and the
 * dead-letter topics those bindings write ({@code dlq-name}). A binding added to a service without its ACL fails here
 * rather than as an authorization error at run time.
 */
class KafkaAccessTest {

    private static final Set<AclBinding> ACLS = KafkaAccess.bindings(LocalStack.TOPICS);

    @ParameterizedTest
    @EnumSource(Service.class)
    void each_service_may_do_what_its_configuration_does_and_no_more(Service service) throws IOException {
        // given
        Map<String, Object> yml = applicationYml(service);
        String ownTopic = (String) path(yml, "giamngheo", "messaging", "topic");
        List<String[]> consumed = new ArrayList<>(); // destination, group
        List<String> deadLetters = new ArrayList<>();
        Map<String, Object> bindings = map(path(yml, "spring", "cloud", "stream", "bindings"));
        Map<String, Object> kafkaBindings = map(path(yml, "spring", "cloud", "stream", "kafka", "bindings"));
        bindings.forEach((name, raw) -> {
            Map<String, Object> binding = map(raw);
            consumed.add(new String[] {(String) binding.get("destination"), (String) binding.get("group")});
            deadLetters.add((String) path(map(kafkaBindings.get(name)), "consumer", "dlq-name"));
        });
        String user = "User:" + service.moduleName();

        // when
        Set<String> granted = ACLS.stream().filter(acl -> acl.entry().principal().equals(user))
                .map(KafkaAccessTest::describe).collect(Collectors.toCollection(TreeSet::new));

        // then
        Set<String> expected = new TreeSet<>();
        expected.add("TOPIC " + ownTopic + " WRITE");
        expected.add("CLUSTER kafka-cluster IDEMPOTENT_WRITE");
        LocalStack.TOPICS.forEach(topic -> expected.add("TOPIC " + topic + " DESCRIBE"));
        for (String[] binding : consumed) {
            expected.add("TOPIC " + binding[0] + " READ");
            expected.add("GROUP " + binding[1] + " READ");
        }
        for (String deadLetter : deadLetters) {
            expected.add("TOPIC " + deadLetter + " WRITE");
            expected.add("TOPIC " + deadLetter + " DESCRIBE");
        }
        assertThat(granted).isEqualTo(expected);
        assertThat(LocalStack.DEAD_LETTER_TOPICS).containsAll(deadLetters);
    }

    @Test
    void the_department_reads_the_event_topics_with_its_own_groups_and_writes_only_census_households() {
        // when
        Set<String> granted = ACLS.stream().filter(acl -> acl.entry().principal().equals("User:dept-sldtbxh"))
                .map(KafkaAccessTest::describe).collect(Collectors.toCollection(TreeSet::new));

        // then
        assertThat(granted).containsExactlyInAnyOrder(
                "TOPIC plan.events READ", "TOPIC plan.events DESCRIBE",
                "TOPIC task.events READ", "TOPIC task.events DESCRIBE",
                "TOPIC report.events READ", "TOPIC report.events DESCRIBE",
                "GROUP dept-sldtbxh.* READ",
                "TOPIC census.households WRITE", "TOPIC census.households DESCRIBE");
        assertThat(ACLS).allSatisfy(acl -> assertThat(acl.entry().operation()).isNotEqualTo(AclOperation.ALL));
    }

    @Test
    void nobody_but_the_super_users_may_create_alter_or_delete() {
        // then
        assertThat(ACLS).extracting(acl -> acl.entry().operation()).doesNotContain(AclOperation.CREATE,
                AclOperation.ALTER, AclOperation.DELETE, AclOperation.ALTER_CONFIGS, AclOperation.CLUSTER_ACTION);
    }

    private static String describe(AclBinding acl) {
        String name = acl.pattern().patternType() == PatternType.PREFIXED ? acl.pattern().name() + "*"
                : acl.pattern().name();
        assertThat(acl.pattern().resourceType()).isIn(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.CLUSTER);
        return acl.pattern().resourceType() + " " + name + " " + acl.entry().operation();
    }

    private static Map<String, Object> applicationYml(Service service) throws IOException {
        Path file = ProjectRoot.locate().resolve(service.moduleName()).resolve("src/main/resources/application.yml");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return map(new Yaml().load(reader));
        }
    }

    private static Object path(Map<String, Object> root, String... keys) {
        Object current = root;
        for (String key : keys) {
            if (current == null) {
                return null;
            }
            current = map(current).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
