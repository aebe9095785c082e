package vn.giamngheo.plan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.support.testing.EmittedEvents;
import vn.giamngheo.support.testing.HttpApi;
import vn.giamngheo.support.testing.TestCaller;
import vn.giamngheo.support.testing.TopicProbe;

/** The plan API end to end through Mongo and Kafka; run on embedded infrastructure and on Docker images. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PlanApiScenarios {

    static final String PLAN_61 = """
            {"code":"%s","title":"Kế hoạch thực hiện Nghị quyết số 20-NQ/TU về giảm nghèo bền vững",
             "kind":"PROGRAM_PLAN","issuingUnitCode":"UBND-14","periodStart":"2022-03-03","periodEnd":"2025-12-31"}""";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    MongoTemplate mongo;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi("http://localhost:" + port).as(TestCaller.ADMIN);
    }

    @Test
    void drafting_and_issuing_a_plan_publishes_both_events_in_order_under_the_contract() {
        // given
        HttpApi.Response drafted = api.post("/api/v1/plans", PLAN_61.formatted("61/KH-UBND"));
        String id = drafted.text("id");

        // when
        HttpApi.Response issued = api.post("/api/v1/plans/" + id + "/issue", "{\"issuedOn\":\"2022-03-03\"}",
                drafted.etag());

        // then
        assertThat(drafted.status()).isEqualTo(201);
        assertThat(drafted.etag()).isEqualTo("\"1\"");
        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.text("status")).isEqualTo("ISSUED");
        assertThat(issued.body().get("version").asLong()).isEqualTo(2);
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.PLAN_EVENTS)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> probe.recordsOf(id).size() == 2);
            List<ConsumerRecord<String, byte[]>> records = probe.recordsOf(id);
            JsonNode created = EmittedEvents.assertMatchesContract(records.get(0), Topics.PLAN_EVENTS);
            JsonNode issuedEvent = EmittedEvents.assertMatchesContract(records.get(1), Topics.PLAN_EVENTS);
            assertThat(TopicProbe.header(records.get(0), "ce_type")).isEqualTo("plan.PlanCreated.v1");
            assertThat(TopicProbe.header(records.get(1), "ce_type")).isEqualTo("plan.PlanIssued.v1");
            assertThat(created.get("version").asLong()).isEqualTo(1);
            assertThat(created.get("title").asString()).contains("giảm nghèo bền vững");
            assertThat(issuedEvent.get("version").asLong()).isEqualTo(2);
            assertThat(issuedEvent.get("issuedOn").asString()).isEqualTo("2022-03-03");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mongo.getCollection(PlanStore.COLLECTION).countDocuments(
                        new org.bson.Document("outbox.0", new org.bson.Document("$exists", true)))).isZero());
    }

    @Test
    void invalid_input_gets_field_errors_and_stores_nothing() {
        // given
        String invalid = """
                {"code":"","title":"x","kind":"NO_SUCH_KIND","issuingUnitCode":"UBND-14",
                 "periodStart":"2025-01-01","periodEnd":"2022-01-01"}""";
        String backwards = """
                {"code":"99/KH-UBND","title":"x","kind":"ANNUAL_PLAN","issuingUnitCode":"UBND-14",
                 "periodStart":"2025-01-01","periodEnd":"2022-01-01"}""";
        long before = mongo.getCollection(PlanStore.COLLECTION).countDocuments();

        // when
        HttpApi.Response badEnum = api.post("/api/v1/plans", invalid);
        HttpApi.Response badPeriod = api.post("/api/v1/plans", backwards);
        HttpApi.Response missing = api.post("/api/v1/plans", "{\"title\":\"only a title\"}");
        HttpApi.Response notJson = api.post("/api/v1/plans", "{not json");

        // then
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.contentType()).startsWith("application/problem+json");
        assertThat(badEnum.body().get("errors").get(0).get("field").asString()).isEqualTo("kind");
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.body().get("errors").get(0).get("field").asString()).isEqualTo("periodEnd");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("errors").findValuesAsString("field"))
                .contains("code", "kind", "issuingUnitCode", "periodStart", "periodEnd");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.text("type")).endsWith("/malformed-request");
        assertThat(mongo.getCollection(PlanStore.COLLECTION).countDocuments()).isEqualTo(before);
    }

    @Test
    void a_stale_version_and_an_illegal_transition_get_409_and_change_nothing() {
        // given
        HttpApi.Response drafted = api.post("/api/v1/plans", PLAN_61.formatted("147/KH-UBND"));
        String id = drafted.text("id");
        api.post("/api/v1/plans/" + id + "/issue", "{}", "\"1\"");

        // when
        HttpApi.Response stale = api.post("/api/v1/plans/" + id + "/cancel", "{\"reason\":\"trùng lặp\"}", "\"1\"");
        HttpApi.Response reissue = api.post("/api/v1/plans/" + id + "/issue", "{}");
        HttpApi.Response duplicateCode = api.post("/api/v1/plans", PLAN_61.formatted("147/KH-UBND"));
        HttpApi.Response unknown = api.post("/api/v1/plans/no-such-plan/close", null);

        // then
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("type")).endsWith("/stale-version");
        assertThat(reissue.status()).isEqualTo(409);
        assertThat(reissue.text("type")).endsWith("/illegal-transition");
        assertThat(duplicateCode.status()).isEqualTo(409);
        assertThat(unknown.status()).isEqualTo(404);
        HttpApi.Response current = api.get("/api/v1/plans/" + id);
        assertThat(current.text("status")).isEqualTo("ISSUED");
        assertThat(current.etag()).isEqualTo("\"2\"");
    }

    @Test
    void plans_are_listed_with_filters_and_paging() {
        // given
        api.post("/api/v1/plans", PLAN_61.formatted("199/KH-UBND"));

        // when
        HttpApi.Response byCode = api.get("/api/v1/plans?code=199/KH-UBND");
        HttpApi.Response badPage = api.get("/api/v1/plans?size=0");
        HttpApi.Response badStatus = api.get("/api/v1/plans?status=OPEN");

        // then
        assertThat(byCode.body().get("total").asLong()).isEqualTo(1);
        assertThat(byCode.body().get("items").get(0).get("code").asString()).isEqualTo("199/KH-UBND");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badStatus.status()).isEqualTo(400);
    }

    @Test
    void plans_are_found_by_program_period_issuing_unit_and_words_with_or_without_diacritics() {
        // given: three plans tagged with a word no other test uses
        String tag = "t" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String program = api.post("/api/v1/plans", """
                {"code":"KH-GN-%1$s","title":"Kế hoạch giảm nghèo bền vững giai đoạn 2022–2025 %1$s",
                 "kind":"PROGRAM_PLAN","issuingUnitCode":"UBND-14","periodStart":"2022-03-03",
                 "periodEnd":"2025-12-31"}""".formatted(tag)).text("id");
        String rural = api.post("/api/v1/plans", """
                {"code":"KH-NTM-%1$s","title":"Kế hoạch xây dựng nông thôn mới năm 2024 %1$s","kind":"ANNUAL_PLAN",
                 "issuingUnitCode":"SNNPTNT-14","periodStart":"2024-01-01","periodEnd":"2024-12-31",
                 "program":"NEW_RURAL_DEVELOPMENT"}""".formatted(tag)).text("id");
        String later = api.post("/api/v1/plans", """
                {"code":"KH-DTTS-%1$s","title":"Kế hoạch phát triển vùng đồng bào dân tộc thiểu số %1$s",
                 "kind":"UNIT_PLAN","issuingUnitCode":"UBND-14","periodStart":"2026-01-01","periodEnd":"2030-12-31",
                 "program":"ETHNIC_MINORITY_MOUNTAINOUS_AREAS"}""".formatted(tag)).text("id");

        // when
        HttpApi.Response plain = api.get("/api/v1/plans?q=giam+ngheo+" + tag);
        HttpApi.Response accented = api.get("/api/v1/plans?q=" + java.net.URLEncoder.encode("GIẢM NGHÈO " + tag,
                java.nio.charset.StandardCharsets.UTF_8));
        HttpApi.Response in2024 = api.get("/api/v1/plans?year=2024&q=" + tag);
        HttpApi.Response acrossTheNewYear = api.get("/api/v1/plans?from=2025-06-01&to=2026-01-01&q=" + tag);
        HttpApi.Response fromOn = api.get("/api/v1/plans?from=2025-01-01&q=" + tag);
        HttpApi.Response ruralProgram = api.get("/api/v1/plans?program=NEW_RURAL_DEVELOPMENT&q=" + tag);
        HttpApi.Response povertyProgram = api.get("/api/v1/plans?program=SUSTAINABLE_POVERTY_REDUCTION&q=" + tag);
        HttpApi.Response byIssuer = api.get("/api/v1/plans?issuingUnitCode=SNNPTNT-14&kind=ANNUAL_PLAN&status=DRAFT"
                + "&q=" + tag);
        HttpApi.Response paged = api.get("/api/v1/plans?q=" + tag + "&size=2&page=1");
        HttpApi.Response both = api.get("/api/v1/plans?year=2024&from=2024-01-01");
        HttpApi.Response backwards = api.get("/api/v1/plans?from=2025-01-01&to=2024-01-01");
        HttpApi.Response badProgram = api.get("/api/v1/plans?program=OTHER");

        // then
        assertThat(ids(plain)).containsExactly(program);
        assertThat(ids(accented)).containsExactly(program);
        assertThat(ids(in2024)).containsExactly(program, rural);
        assertThat(ids(acrossTheNewYear)).containsExactly(program, later);
        assertThat(ids(fromOn)).containsExactly(program, later);
        assertThat(ids(ruralProgram)).containsExactly(rural);
        assertThat(ids(povertyProgram)).containsExactly(program);
        assertThat(ids(byIssuer)).containsExactly(rural);
        assertThat(paged.body().get("total").asLong()).isEqualTo(3);
        assertThat(ids(paged)).containsExactly(later);
        assertThat(plain.body().get("items").get(0).get("program").asString())
                .isEqualTo("SUSTAINABLE_POVERTY_REDUCTION");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body().get("errors").get(0).get("field").asString()).isEqualTo("year");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(badProgram.status()).isEqualTo(400);
    }

    @Test
    void a_plan_needs_an_issuing_unit_that_exists_during_its_period() {
        // given
        long before = mongo.getCollection(PlanStore.COLLECTION).countDocuments();

        // when
        HttpApi.Response unknown = api.post("/api/v1/plans", """
                {"code":"1/KH-X","title":"Kế hoạch","kind":"UNIT_PLAN","issuingUnitCode":"NO-SUCH-UNIT",
                 "periodStart":"2024-01-01","periodEnd":"2024-12-31"}""");
        HttpApi.Response afterItsEnd = api.post("/api/v1/plans", """
                {"code":"2/KH-BDT","title":"Kế hoạch năm 2026 của Ban Dân tộc","kind":"UNIT_PLAN",
                 "issuingUnitCode":"BDT-14","periodStart":"2026-01-01","periodEnd":"2026-12-31"}""");
        HttpApi.Response unknownParent = api.post("/api/v1/plans", """
                {"code":"3/KH-X","title":"Kế hoạch","kind":"UNIT_PLAN","issuingUnitCode":"BDT-14",
                 "parentPlanId":"no-such-plan","periodStart":"2024-01-01","periodEnd":"2024-12-31"}""");

        // then
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("issuingUnitCode");
        assertThat(afterItsEnd.status()).isEqualTo(400);
        assertThat(afterItsEnd.body().get("errors").get(0).get("message").asString())
                .isEqualTo("unit BDT-14 did not exist during the plan's period");
        assertThat(unknownParent.status()).isEqualTo(400);
        assertThat(unknownParent.body().get("errors").get(0).get("field").asString()).isEqualTo("parentPlanId");
        assertThat(mongo.getCollection(PlanStore.COLLECTION).countDocuments()).isEqualTo(before);
    }

    @Test
    void the_openapi_document_describes_units_plans_structure_revisions_and_funding() {
        // when
        HttpApi.Response docs = api.get("/v3/api-docs");

        // then
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/units", "/api/v1/units/{code}",
                "/api/v1/units/{code}/successors", "/api/v1/units/{code}/predecessors", "/api/v1/units/import",
                "/api/v1/plans", "/api/v1/plans/{id}/details", "/api/v1/plans/{id}/revisions",
                "/api/v1/plans/{id}/history", "/api/v1/plans/{id}/objectives",
                "/api/v1/plans/{id}/objectives/{code}/indicators", "/api/v1/plans/{id}/indicators/{code}/targets",
                "/api/v1/plans/{planId}/allocations", "/api/v1/allocations/totals",
                "/api/v1/allocations/{id}/disbursements");
        assertThat(paths.get("/api/v1/plans").get("get").get("parameters").findValuesAsString("name"))
                .contains("kind", "status", "program", "issuingUnitCode", "year", "from", "to", "q", "page", "size");
        assertThat(paths.get("/api/v1/units/import").get("post").get("requestBody").get("content").propertyNames())
                .contains("text/csv", "multipart/form-data");
    }

    private static List<String> ids(HttpApi.Response page) {
        assertThat(page.status()).as("%s", page.body()).isEqualTo(200);
        return page.body().get("items").findValuesAsString("id");
    }
}
