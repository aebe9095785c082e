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
        api = new HttpApi("http://localhost:" + port);
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
}
