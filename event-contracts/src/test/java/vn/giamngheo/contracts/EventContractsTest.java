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
import java.math.BigDecimal;
import vn.giamngheo.contracts.census.HouseholdReviewRecorded;
import vn.giamngheo.contracts.funding.FundingAllocated;
import vn.giamngheo.contracts.plan.ChangeEntry;
import vn.giamngheo.contracts.plan.IndicatorAdded;
import vn.giamngheo.contracts.plan.IndicatorSnapshot;
import vn.giamngheo.contracts.plan.ObjectiveSnapshot;
import vn.giamngheo.contracts.plan.PlanCreated;
import vn.giamngheo.contracts.plan.PlanRevised;
import vn.giamngheo.contracts.plan.TargetSnapshot;
import vn.giamngheo.contracts.report.PovertyAreaResult;
import vn.giamngheo.contracts.report.PovertyReviewPublished;
import vn.giamngheo.contracts.task.QuantitativeOutput;
import vn.giamngheo.contracts.task.TaskCreated;
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
            if (!entry.aggregate().equals(EventCatalog.CENSUS_HOUSEHOLD)) {
                // Who caused the change: added to every payload by the outbox, not declared by each record.
                components.add(EventJson.ACTOR);
            }
            assertThat(declared).as("schema properties of %s", entry.type()).isEqualTo(components);
            assertThat(components).as("required of %s", entry.type()).containsAll(required);
            assertThat(required).contains("version", "occurredAt");
            if (!entry.aggregate().equals(EventCatalog.UNIT)
                    && !entry.aggregate().equals(EventCatalog.CENSUS_HOUSEHOLD)) {
                assertThat(required).as("plan and task events carry the status after the change").contains("status");
            }
        })).toList();
    }

    @Test
    void event_types_are_stable_strings_not_class_names() {
        assertThat(EventCatalog.all()).allSatisfy(entry -> {
            assertThat(entry.type()).matches("(plan|task|report|census)\\.[A-Z][A-Za-z]+\\.v[0-9]+");
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
    void the_actor_travels_in_the_payload_and_reads_back_and_a_nameless_actor_is_refused() {
        // given
        PlanCreated created = new PlanCreated("p-1", 1, "61/KH-UBND", "Kế hoạch thực hiện Nghị quyết 20-NQ/TU",
                "PROGRAM_PLAN", "UBND-14", null, LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31), "DRAFT",
                Instant.parse("2022-03-03T08:00:00Z"));
        Actor officer = new Actor("bdt.canbo", "Cán bộ Ban Dân tộc", "BDT-14", Actor.Kind.USER);

        // when
        JsonNode payload = EventJson.mapper().readTree(EventJson.write(created, officer));
        tools.jackson.databind.node.ObjectNode withoutSubject = (tools.jackson.databind.node.ObjectNode) payload.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) withoutSubject.get("actor")).remove("subject");

        // then
        assertThat(EventSchemas.violations("plan.PlanCreated.v1", payload)).isEmpty();
        assertThat(EventJson.actorOf(payload)).isEqualTo(officer);
        assertThat(EventJson.read(payload, PlanCreated.class)).isEqualTo(created);
        assertThat(EventSchemas.violations("plan.PlanCreated.v1", withoutSubject))
                .anySatisfy(v -> assertThat(v).contains("subject"));
        assertThat(EventJson.actorOf(EventJson.mapper().readTree(EventJson.write(created)))).isNull();
    }

    @Test
    void task_events_gained_fields_additively_and_the_original_shape_still_validates() {
        // given
        Instant at = Instant.parse("2026-03-31T03:00:00Z");
        TaskProgressReported original = new TaskProgressReported("t-1", 2, "p-1", "Đã hỗ trợ 120 hộ", "IN_PROGRESS",
                40, at);
        TaskProgressReported full = new TaskProgressReported("t-1", 3, "p-1", 2, "Đã hỗ trợ 180 hộ",
                List.of("https://sonla.gov.vn/bao-cao/2026-03.pdf"),
                List.of(new QuantitativeOutput("Số hộ được hỗ trợ nhà ở", new BigDecimal("180"), "hộ")),
                "Số liệu tháng trước tính trùng", "IN_PROGRESS", 35, 40, at);
        TaskProgressReported badLink = new TaskProgressReported("t-1", 3, "p-1", 2, "x", List.of("ftp://x"),
                List.of(new QuantitativeOutput("", new BigDecimal("-1"), null)), null, "IN_PROGRESS", 35, 140, at);
        TaskCreated created = new TaskCreated("t-1", 1, "p-1", "Quán triệt", "DISSEMINATION", "BDT-14", List.of(),
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 31), "ASSIGNED", 0, at);

        // when
        JsonNode fullJson = EventJson.mapper().readTree(EventJson.write(full));

        // then
        assertThat(EventSchemas.violations("task.TaskProgressReported.v1",
                EventJson.mapper().readTree(EventJson.write(original)))).isEmpty();
        assertThat(EventSchemas.violations("task.TaskProgressReported.v1", fullJson)).isEmpty();
        assertThat(fullJson.get("outputs").get(0).get("value").isNumber()).isTrue();
        assertThat(EventSchemas.violations("task.TaskProgressReported.v1",
                EventJson.mapper().readTree(EventJson.write(badLink))))
                .anySatisfy(v -> assertThat(v).contains("evidenceLinks"))
                .anySatisfy(v -> assertThat(v).contains("indicator"))
                .anySatisfy(v -> assertThat(v).contains("value"))
                .anySatisfy(v -> assertThat(v).contains("previousPercentComplete"));
        assertThat(fullJson.get("previousPercentComplete").asInt()).isEqualTo(40);
        assertThat(created.priority()).isEqualTo("NORMAL");
        assertThat(EventSchemas.violations("task.TaskCreated.v1",
                EventJson.mapper().readTree(EventJson.write(created)))).isEmpty();
    }

    @Test
    void the_quantitative_output_schema_matches_its_record() {
        // given
        JsonNode schema = EventJson.mapper().readTree(EventSchemas.schemaText("task.TaskProgressReported.v1"));

        // when
        JsonNode item = schema.get("properties").get("outputs").get("items");

        // then
        assertThat(new HashSet<>(item.get("properties").propertyNames())).isEqualTo(new HashSet<>(
                Arrays.stream(QuantitativeOutput.class.getRecordComponents()).map(RecordComponent::getName).toList()));
    }

    @Test
    void a_published_poverty_review_carries_its_area_results_and_a_rate_above_100_is_refused() {
        // given
        PovertyAreaResult commune = new PovertyAreaResult("COMMUNE", "03694", "Xã Mường Giôn", 1200, 150, 90, 300,
                new BigDecimal("12.50"), new BigDecimal("7.50"), new BigDecimal("20.00"),
                Map.of("DOMESTIC_WATER", 310L, "LATRINE", 400L));
        PovertyReviewPublished published = new PovertyReviewPublished("PR-14-2024", 3, "14", 2024, "ND07-2021", 1,
                1200, 150, 90, new BigDecimal("12.50"), new BigDecimal("7.50"), new BigDecimal("20.00"),
                List.of(commune), false, "PUBLISHED", Instant.parse("2024-12-20T03:00:00Z"));
        JsonNode good = EventJson.mapper().readTree(EventJson.write(published));
        JsonNode broken = EventJson.mapper().readTree(EventJson.write(published).replace("\"poorRate\":12.50",
                "\"poorRate\":112.50").replace("\"poorRate\":12.5,", "\"poorRate\":112.5,"));

        // when
        List<String> goodViolations = EventSchemas.violations("report.PovertyReviewPublished.v1", good);
        List<String> brokenViolations = EventSchemas.violations("report.PovertyReviewPublished.v1", broken);

        // then
        assertThat(goodViolations).isEmpty();
        assertThat(good.get("areas").get(0).get("multidimensionalPovertyRate").decimalValue())
                .isEqualByComparingTo("20.00");
        assertThat(brokenViolations).isNotEmpty().allSatisfy(v -> assertThat(v).contains("poorRate"));
    }

    @Test
    void a_household_intake_record_is_keyed_by_year_and_code_and_its_flags_must_be_booleans() {
        // given
        HouseholdReviewRecorded record = new HouseholdReviewRecorded("HH-14-118-00042", 1, 2024, "03694", "RURAL",
                "Thái", 5, 1_350_000, 2, new BigDecimal("36.5"), Map.of("EMPLOYMENT", true, "LATRINE", false),
                Instant.parse("2024-10-15T02:00:00Z"));
        JsonNode good = EventJson.mapper().readTree(EventJson.write(record));
        JsonNode broken = EventJson.mapper().readTree(EventJson.write(record)
                .replace("\"LATRINE\":false", "\"LATRINE\":\"không\"").replace("\"03694\"", "\"3694\""));

        // when
        List<String> goodViolations = EventSchemas.violations("census.HouseholdReviewRecorded.v1", good);
        List<String> brokenViolations = EventSchemas.violations("census.HouseholdReviewRecorded.v1", broken);

        // then
        assertThat(record.subject()).isEqualTo("2024:HH-14-118-00042");
        assertThat(goodViolations).isEmpty();
        assertThat(brokenViolations).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("LATRINE"))
                .anySatisfy(v -> assertThat(v).contains("communeCode"));
    }

    @Test
    void plan_structure_events_validate_their_nested_objectives_and_refuse_a_broken_indicator() {
        // given
        IndicatorSnapshot rate = new IndicatorSnapshot("TL-HN", "Tỷ lệ hộ nghèo đa chiều", "Multidimensional poverty rate",
                "%", "DECREASE", 2021, new BigDecimal("21.66"), "PROVINCE", false,
                List.of(new TargetSnapshot(2024, null, new BigDecimal("17.16")),
                        new TargetSnapshot(2024, "H-128", new BigDecimal("30"))));
        PlanRevised revised = new PlanRevised("p-1", 7, 1, "Điều chỉnh chỉ tiêu năm 2024", "12/KH-UBND",
                LocalDate.of(2024, 3, 1), List.of(new ChangeEntry("indicators.TL-HN.targets.2024", "17.5", "17.16")),
                "Kế hoạch 61/KH-UBND", "SUSTAINABLE_POVERTY_REDUCTION", LocalDate.of(2022, 3, 3),
                LocalDate.of(2025, 12, 31), List.of(new ObjectiveSnapshot("MT-1", "Giảm nghèo", null, List.of(rate))),
                "ISSUED", Instant.parse("2024-03-01T02:00:00Z"));
        JsonNode good = EventJson.mapper().readTree(EventJson.write(revised));
        JsonNode broken = EventJson.mapper().readTree(EventJson.write(new IndicatorAdded("p-1", 2, "MT-1",
                new IndicatorSnapshot("TL HN", "x", null, "%", "DOWN", 2021, BigDecimal.ONE, "PROVINCE", false,
                        List.of()), "DRAFT", Instant.now())));

        // when
        List<String> goodViolations = EventSchemas.violations("plan.PlanRevised.v1", good);
        List<String> brokenViolations = EventSchemas.violations("plan.IndicatorAdded.v1", broken);

        // then
        assertThat(goodViolations).isEmpty();
        assertThat(good.get("objectives").get(0).get("indicators").get(0).get("targets").get(0).get("value")
                .decimalValue()).isEqualByComparingTo("17.16");
        assertThat(brokenViolations).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("direction"))
                .anySatisfy(v -> assertThat(v).contains("code"));
    }

    @Test
    void plan_created_gained_program_additively_and_both_shapes_validate_and_read_back() {
        // given
        PlanCreated old = new PlanCreated("p-1", 1, "61/KH-UBND", "Kế hoạch", "PROGRAM_PLAN", "UBND-14", null,
                LocalDate.of(2022, 3, 3), LocalDate.of(2025, 12, 31), "DRAFT", Instant.parse("2022-03-03T02:00:00Z"));
        PlanCreated current = new PlanCreated("p-2", 1, "1/KH-UBND", "Kế hoạch", "ANNUAL_PLAN", "UBND-14", null,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "DRAFT", Instant.parse("2024-01-02T02:00:00Z"),
                "NEW_RURAL_DEVELOPMENT");
        JsonNode oldJson = EventJson.mapper().readTree(EventJson.write(old));
        ((tools.jackson.databind.node.ObjectNode) oldJson).remove("program");

        // when
        PlanCreated readBack = EventJson.read(EventJson.mapper().readTree(EventJson.write(current)), PlanCreated.class);

        // then
        assertThat(EventSchemas.violations("plan.PlanCreated.v1", oldJson)).isEmpty();
        assertThat(readBack).isEqualTo(current);
        assertThat(EventSchemas.violations("plan.PlanCreated.v1", EventJson.mapper().readTree(
                EventJson.write(current).replace("NEW_RURAL_DEVELOPMENT", "OTHER")))).hasSize(1);
    }

    @Test
    void funding_events_carry_whole_vnd_amounts_that_are_never_negative() {
        // given
        FundingAllocated allocated = new FundingAllocated("a-1", 1, "p-1", "MT-1", "H-128", "CENTRAL_BUDGET",
                "SUSTAINABLE_POVERTY_REDUCTION", 2024, 12_500_000_000L, 0, null, "ACTIVE",
                Instant.parse("2024-02-01T02:00:00Z"));
        String json = EventJson.write(allocated);

        // when
        List<String> good = EventSchemas.violations("plan.FundingAllocated.v1", EventJson.mapper().readTree(json));
        List<String> negative = EventSchemas.violations("plan.FundingAllocated.v1",
                EventJson.mapper().readTree(json.replace("12500000000", "-1")));
        List<String> fractional = EventSchemas.violations("plan.FundingAllocated.v1",
                EventJson.mapper().readTree(json.replace("12500000000", "1.5")));

        // then
        assertThat(good).isEmpty();
        assertThat(negative).singleElement().asString().contains("allocatedAmount");
        assertThat(fractional).singleElement().asString().contains("allocatedAmount");
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
                .containsExactlyInAnyOrder(Topics.PLAN_EVENTS, Topics.TASK_EVENTS, Topics.REPORT_EVENTS,
                        HouseholdReviewRecorded.TOPIC);
        assertThat(messages).hasSize(EventCatalog.all().size());
        for (EventCatalog.Entry entry : EventCatalog.all()) {
            Map<String, Object> message = messages.values().stream()
                    .filter(m -> entry.type().equals(m.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("No AsyncAPI message for " + entry.type()));
            Map<String, Object> key = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    message.get("bindings")).get("kafka")).get("key");
            assertThat(key).as("Kafka key binding of %s (an unquoted comma splits it)", entry.type())
                    .containsOnlyKeys("type", "description");
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
