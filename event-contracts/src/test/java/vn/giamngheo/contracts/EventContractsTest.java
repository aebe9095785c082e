package vn.giamngheo.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.plan.PlanCreated;
import vn.giamngheo.contracts.task.TaskProgressReported;

class EventContractsTest {

    @TestFactory
    List<DynamicTest> every_record_matches_its_schema_field_for_field() {
        return EventCatalog.all().stream().map(entry -> DynamicTest.dynamicTest(entry.type(), () -> {
            // given
            JsonNode schema = EventJson.mapper().readTree(EventSchemas.schemaText(entry.type()));
            Set<String> components = new HashSet<>(Arrays.stream(entry.recordType().getRecordComponents())
                    .map(RecordComponent::getName).toList());

            // when
            Set<String> declared = new HashSet<>(schema.get("properties").propertyNames());
            Set<String> required = new HashSet<>();
            schema.get("required").forEach(name -> required.add(name.asString()));

            // then
            assertThat(schema.get("title").asString()).isEqualTo(entry.type());
            assertThat(declared).as("schema properties of %s", entry.type()).isEqualTo(components);
            assertThat(components).as("required of %s", entry.type()).containsAll(required);
            assertThat(required).contains("version", "occurredAt");
            if (!entry.aggregate().equals(EventCatalog.UNIT)) {
                assertThat(required).as("plan and task events carry the status after the change").contains("status");
            }
        })).toList();
    }

    @Test
    void event_types_are_stable_strings_not_class_names() {
        assertThat(EventCatalog.all()).allSatisfy(entry -> {
            assertThat(entry.type()).matches("(plan|task|report)\\.[A-Z][A-Za-z]+\\.v[0-9]+");
            assertThat(entry.type()).doesNotContain(entry.recordType().getPackageName());
            assertThat(entry.topic()).startsWith(entry.type().substring(0, entry.type().indexOf('.')) + ".");
        });
    }

    @Test
    void a_well_formed_event_validates_and_a_broken_one_does_not() {
        // given
        PlanCreated created = new PlanCreated("p-1", 1, "61/KH-UBND", "Kế hoạch thực hiện Nghị quyết 20-NQ/TU",
                "PROGRAM_PLAN", "UBND-14", null, LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31), "DRAFT",
                Instant.parse("2022-03-03T08:00:00Z"));
        JsonNode good = EventJson.mapper().readTree(EventJson.write(created));
        JsonNode broken = EventJson.mapper().readTree(
                EventJson.write(new TaskProgressReported("t-1", 0, "p-1", "", "ASSIGNED", 140, Instant.now())));

        // when
        List<String> goodViolations = EventSchemas.violations("plan.PlanCreated.v1", good);
        List<String> brokenViolations = EventSchemas.violations("task.TaskProgressReported.v1", broken);

        // then
        assertThat(goodViolations).isEmpty();
        assertThat(good.get("periodStart").asString()).isEqualTo("2022-01-01");
        assertThat(good.get("occurredAt").asString()).isEqualTo("2022-03-03T08:00:00Z");
        assertThat(brokenViolations).hasSize(3)
                .anySatisfy(v -> assertThat(v).contains("version"))
                .anySatisfy(v -> assertThat(v).contains("note"))
                .anySatisfy(v -> assertThat(v).contains("percentComplete"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_asyncapi_document_describes_every_event_type_on_its_topic() throws Exception {
        // given
        Map<String, Object> doc;
        try (InputStream in = getClass().getResourceAsStream("/contracts/asyncapi.yaml")) {
            doc = new Yaml().load(in);
        }
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) doc.get("channels");
        Map<String, Map<String, Object>> messages =
                (Map<String, Map<String, Object>>) ((Map<String, Object>) doc.get("components")).get("messages");

        // then
        assertThat(doc.get("asyncapi")).isEqualTo("3.0.0");
        assertThat(channels.values()).extracting(c -> c.get("address"))
                .containsExactlyInAnyOrder(Topics.PLAN_EVENTS, Topics.TASK_EVENTS, Topics.REPORT_EVENTS);
        assertThat(messages).hasSize(EventCatalog.all().size());
        for (EventCatalog.Entry entry : EventCatalog.all()) {
            Map<String, Object> message = messages.values().stream()
                    .filter(m -> entry.type().equals(m.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("No AsyncAPI message for " + entry.type()));
            Map<String, Object> payload = (Map<String, Object>) message.get("payload");
            String ref = (String) ((Map<String, Object>) payload.get("schema")).get("$ref");
            assertThat(ref).isEqualTo("./schemas/" + entry.type() + ".schema.json");
            assertThat(getClass().getResource("/contracts/schemas/" + entry.type() + ".schema.json")).isNotNull();
            Map<String, Object> channel = channels.values().stream()
                    .filter(c -> entry.topic().equals(c.get("address"))).findFirst().orElseThrow();
            assertThat((Map<String, Object>) channel.get("messages")).containsKey(entry.type().split("\\.")[1]);
        }
    }
}
