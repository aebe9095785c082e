package vn.giamngheo.plan.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.support.testing.EmittedEvents;
import vn.giamngheo.support.testing.HttpApi;
import vn.giamngheo.support.testing.TestCaller;
import vn.giamngheo.support.testing.TopicProbe;

/** Funding integration (lồng ghép nguồn lực) end to end: allocations, disbursements, totals and their events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class FundingApiScenarios {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    MongoTemplate mongo;

    HttpApi api;
    String planId;

    @BeforeEach
    void draftPlanWithAnObjective() {
        api = new HttpApi("http://localhost:" + port).as(TestCaller.ADMIN);
        HttpApi.Response plan = api.post("/api/v1/plans", """
                {"code":"147/KH-UBND.%s","title":"Kế hoạch thực hiện Chương trình giảm nghèo bền vững 2021–2025",
                 "kind":"PROGRAM_PLAN","issuingUnitCode":"UBND-14","periodStart":"2022-05-31",
                 "periodEnd":"2025-12-31"}""".formatted(UUID.randomUUID().toString().substring(0, 8)));
        planId = plan.text("id");
        assertThat(api.post("/api/v1/plans/" + planId + "/objectives", """
                {"code":"MT-1","nameVi":"Hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế"}""").status())
                .isEqualTo(201);
    }

    @Test
    void funds_are_allocated_disbursed_corrected_withdrawn_and_totalled_by_source_and_program() {
        // given
        String allocations = "/api/v1/plans/" + planId + "/allocations";

        // when
        HttpApi.Response central = api.post(allocations, """
                {"objectiveCode":"MT-1","unitCode":"H-128","source":"CENTRAL_BUDGET","year":2024,
                 "allocatedAmount":12500000000}""");
        HttpApi.Response local = api.post(allocations, """
                {"unitCode":"H-128","source":"LOCAL_BUDGET","year":2024,"allocatedAmount":1250000000,
                 "disbursedAmount":250000000,"note":"Đối ứng ngân sách tỉnh"}""");
        HttpApi.Response integrated = api.post(allocations, """
                {"objectiveCode":"MT-1","unitCode":"H-118","source":"INTEGRATED_NEW_RURAL_DEVELOPMENT",
                 "year":2024,"allocatedAmount":3000000000}""");
        HttpApi.Response credit = api.post(allocations, """
                {"unitCode":"SAMPLE-XM-VAN-HO","source":"POLICY_CREDIT","year":2025,"allocatedAmount":800000000}""");
        HttpApi.Response withdrawnLater = api.post(allocations, """
                {"unitCode":"H-118","source":"ENTERPRISES_AND_COMMUNITY","year":2024,"allocatedAmount":500000000}""");
        String centralId = central.text("id");
        HttpApi.Response disbursed = api.post("/api/v1/allocations/" + centralId + "/disbursements",
                "{\"disbursedAmount\":4000000000}", central.etag());
        HttpApi.Response sameTotalAgain = api.post("/api/v1/allocations/" + centralId + "/disbursements",
                "{\"disbursedAmount\":4000000000}");
        HttpApi.Response corrected = api.put("/api/v1/allocations/" + centralId,
                "{\"allocatedAmount\":12000000000,\"note\":\"Điều chỉnh theo Quyết định phân bổ vốn\"}",
                disbursed.etag());
        HttpApi.Response withdrawn = api.post("/api/v1/allocations/" + withdrawnLater.text("id") + "/cancel",
                "{\"reason\":\"Doanh nghiệp không thực hiện cam kết\"}");
        HttpApi.Response totals = api.get("/api/v1/allocations/totals?planId=" + planId);
        HttpApi.Response totals2024 = api.get("/api/v1/allocations/totals?planId=" + planId + "&year=2024");
        HttpApi.Response ruralOnly = api.get("/api/v1/allocations/totals?planId=" + planId
                + "&program=NEW_RURAL_DEVELOPMENT");
        HttpApi.Response listed = api.get(allocations + "?year=2024&status=ACTIVE");

        // then
        assertThat(central.status()).isEqualTo(201);
        assertThat(central.etag()).isEqualTo("\"1\"");
        assertThat(central.text("program")).isEqualTo("SUSTAINABLE_POVERTY_REDUCTION");
        assertThat(integrated.text("program")).isEqualTo("NEW_RURAL_DEVELOPMENT");
        assertThat(credit.status()).as("a commune of the new two-tier map in 2025").isEqualTo(201);
        assertThat(disbursed.text("disbursedAmount")).isEqualTo("4000000000");
        assertThat(sameTotalAgain.etag()).isEqualTo("\"2\"");
        assertThat(corrected.etag()).isEqualTo("\"3\"");
        assertThat(corrected.body().get("allocatedAmount").asLong()).isEqualTo(12_000_000_000L);
        assertThat(withdrawn.text("status")).isEqualTo("CANCELLED");

        JsonNode total = totals.body().get("total");
        assertThat(total.get("allocated").asLong()).isEqualTo(12_000_000_000L + 1_250_000_000L + 3_000_000_000L
                + 800_000_000L);
        assertThat(total.get("disbursed").asLong()).isEqualTo(4_250_000_000L);
        assertThat(total.get("count").asLong()).isEqualTo(4);
        assertThat(amountBy(totals.body().get("bySource"), "source", "CENTRAL_BUDGET")).isEqualTo(12_000_000_000L);
        assertThat(amountBy(totals.body().get("bySource"), "source", "POLICY_CREDIT")).isEqualTo(800_000_000L);
        assertThat(totals.body().get("bySource").findValuesAsString("source"))
                .doesNotContain("ENTERPRISES_AND_COMMUNITY");
        assertThat(amountBy(totals.body().get("byProgram"), "program", "SUSTAINABLE_POVERTY_REDUCTION"))
                .isEqualTo(14_050_000_000L);
        assertThat(amountBy(totals.body().get("byProgram"), "program", "NEW_RURAL_DEVELOPMENT"))
                .isEqualTo(3_000_000_000L);
        assertThat(totals2024.body().get("total").get("allocated").asLong()).isEqualTo(16_250_000_000L);
        assertThat(ruralOnly.body().get("total").get("allocated").asLong()).isEqualTo(3_000_000_000L);
        assertThat(listed.body().get("total").asLong()).isEqualTo(3);

        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.PLAN_EVENTS)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> probe.recordsOf(centralId).size() == 3
                    && probe.recordsOf(withdrawnLater.text("id")).size() == 2);
            List<ConsumerRecord<String, byte[]>> records = probe.recordsOf(centralId);
            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_type")).containsExactly(
                    "plan.FundingAllocated.v1", "plan.FundingDisbursementReported.v1",
                    "plan.FundingAllocationChanged.v1");
            JsonNode allocated = EmittedEvents.assertMatchesContract(records.get(0), Topics.PLAN_EVENTS);
            JsonNode disbursement = EmittedEvents.assertMatchesContract(records.get(1), Topics.PLAN_EVENTS);
            JsonNode change = EmittedEvents.assertMatchesContract(records.get(2), Topics.PLAN_EVENTS);
            assertThat(allocated.get("planId").asString()).isEqualTo(planId);
            assertThat(allocated.get("allocatedAmount").asLong()).isEqualTo(12_500_000_000L);
            assertThat(disbursement.get("disbursedAmount").asLong()).isEqualTo(4_000_000_000L);
            assertThat(change.get("version").asLong()).isEqualTo(3);
            assertThat(change.get("status").asString()).isEqualTo("ACTIVE");
            JsonNode cancelled = EmittedEvents.assertMatchesContract(
                    probe.recordsOf(withdrawnLater.text("id")).get(1), Topics.PLAN_EVENTS);
            assertThat(TopicProbe.header(probe.recordsOf(withdrawnLater.text("id")).get(1), "ce_type"))
                    .isEqualTo("plan.FundingAllocationCancelled.v1");
            assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        }
    }

    @Test
    void bad_allocations_get_field_errors_duplicates_and_stale_writes_conflict_and_nothing_is_stored() {
        // given
        String allocations = "/api/v1/plans/" + planId + "/allocations";
        HttpApi.Response first = api.post(allocations, """
                {"unitCode":"H-128","source":"CENTRAL_BUDGET","year":2023,"allocatedAmount":1000000000}""");
        long before = mongo.getCollection(AllocationStore.COLLECTION).countDocuments();

        // when
        HttpApi.Response outsidePeriod = api.post(allocations, """
                {"unitCode":"H-128","source":"CENTRAL_BUDGET","year":2021,"allocatedAmount":1000}""");
        HttpApi.Response goneUnit = api.post(allocations, """
                {"unitCode":"H-128","source":"CENTRAL_BUDGET","year":2026,"allocatedAmount":1000}""");
        HttpApi.Response wrongProgram = api.post(allocations, """
                {"objectiveCode":"MT-9","unitCode":"H-128","source":"INTEGRATED_ETHNIC_MINORITY_PROGRAM",
                 "program":"NEW_RURAL_DEVELOPMENT","year":2024,"allocatedAmount":1000,"disbursedAmount":2000}""");
        HttpApi.Response negative = api.post(allocations, """
                {"unitCode":"H-128","source":"CENTRAL_BUDGET","year":2024,"allocatedAmount":-5,
                 "disbursedAmount":-1}""");
        HttpApi.Response fractional = api.post(allocations, """
                {"unitCode":"H-128","source":"CENTRAL_BUDGET","year":2024,"allocatedAmount":10.5}""");
        HttpApi.Response duplicate = api.post(allocations, """
                {"unitCode":"H-128","source":"CENTRAL_BUDGET","year":2023,"allocatedAmount":5}""");
        HttpApi.Response unknownPlan = api.post("/api/v1/plans/no-such-plan/allocations", """
                {"unitCode":"H-128","source":"CENTRAL_BUDGET","year":2023,"allocatedAmount":5}""");
        HttpApi.Response overDisbursed = api.post("/api/v1/allocations/" + first.text("id") + "/disbursements",
                "{\"disbursedAmount\":1000000001}");
        HttpApi.Response stale = api.put("/api/v1/allocations/" + first.text("id"),
                "{\"allocatedAmount\":2000000000}", "\"7\"");
        api.post("/api/v1/plans/" + planId + "/cancel", "{\"reason\":\"Thay thế\"}");
        HttpApi.Response toCancelledPlan = api.post(allocations, """
                {"unitCode":"H-118","source":"LOCAL_BUDGET","year":2023,"allocatedAmount":5}""");

        // then
        assertThat(first.status()).isEqualTo(201);
        assertThat(outsidePeriod.status()).isEqualTo(400);
        assertThat(outsidePeriod.body().get("errors").findValuesAsString("field")).containsExactly("year");
        assertThat(goneUnit.status()).isEqualTo(400);
        assertThat(goneUnit.body().get("errors").findValuesAsString("field")).containsExactly("year", "unitCode");
        assertThat(wrongProgram.status()).isEqualTo(400);
        assertThat(wrongProgram.body().get("errors").findValuesAsString("field"))
                .containsExactly("objectiveCode", "program", "disbursedAmount");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body().get("errors").findValuesAsString("field"))
                .contains("allocatedAmount", "disbursedAmount");
        assertThat(fractional.status()).isEqualTo(400);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("type")).endsWith("/already-exists");
        assertThat(unknownPlan.status()).isEqualTo(404);
        assertThat(overDisbursed.status()).isEqualTo(400);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(toCancelledPlan.status()).isEqualTo(409);
        assertThat(mongo.getCollection(AllocationStore.COLLECTION).countDocuments()).isEqualTo(before);
        assertThat(api.get("/api/v1/allocations/" + first.text("id")).etag()).isEqualTo("\"1\"");
    }

    private static long amountBy(JsonNode rows, String key, String value) {
        for (JsonNode row : rows) {
            if (row.get(key).asString().equals(value)) {
                return row.get("allocated").asLong();
            }
        }
        throw new AssertionError("no row with " + key + " " + value + " in " + rows);
    }
}
