package vn.giamngheo.plan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.support.testing.EmittedEvents;
import vn.giamngheo.support.testing.HttpApi;
import vn.giamngheo.support.testing.TestCaller;
import vn.giamngheo.support.testing.TopicProbe;

/**
 * The Sơn La plan tree built through the API alone — Resolution 20-NQ/TU, Plan 61/KH-UBND with objectives, indicators
 * and targets, the Ethnic Affairs Committee's plan — issued, revised with history, every change on plan.events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PlanStructureScenarios {

    static final String POVERTY_RATE = """
            {"code":"TL-HN","nameVi":"Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều",
             "nameEn":"Multidimensional poverty rate","unitOfMeasure":"%","direction":"DECREASE",
             "baselineYear":2021,"baselineValue":21.66,"measurementLevel":"PROVINCE",
             "targets":[{"year":2022,"value":20.16},{"year":2023,"value":18.66},{"year":2024,"value":17.16},
                        {"year":2025,"value":15.66}]}""";
    static final String YEARLY_REDUCTION = """
            {"code":"MG-HN","nameVi":"Mức giảm tỷ lệ hộ nghèo đa chiều bình quân hằng năm",
             "unitOfMeasure":"điểm %","direction":"REACH","baselineYear":2021,"baselineValue":0,
             "measurementLevel":"PROVINCE",
             "targets":[{"year":2022,"value":1.5},{"year":2023,"value":1.5},{"year":2024,"value":1.5},
                        {"year":2025,"value":1.5}]}""";
    static final String ETHNIC_MINORITY_REDUCTION = """
            {"code":"MG-HN-DTTS","nameVi":"Mức giảm tỷ lệ hộ nghèo dân tộc thiểu số hằng năm (trên 3 điểm %)",
             "nameEn":"Yearly fall of the ethnic-minority poverty rate","unitOfMeasure":"điểm %",
             "direction":"REACH","baselineYear":2021,"baselineValue":0,"measurementLevel":"ETHNIC_GROUP",
             "targets":[{"year":2023,"value":3},{"year":2024,"value":3},{"year":2025,"value":3}]}""";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    HttpApi api;
    String tag;

    @BeforeEach
    void connect() {
        api = new HttpApi("http://localhost:" + port).as(TestCaller.ADMIN);
        tag = UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void the_son_la_plan_tree_is_built_issued_and_revised_through_the_api_with_every_change_on_plan_events() {
        // given: Resolution 20-NQ/TU of the Provincial Party Standing Committee, issued
        HttpApi.Response resolution = api.post("/api/v1/plans", """
                {"code":"20-NQ/TU.%s","title":"Nghị quyết số 20-NQ/TU về giảm nghèo bền vững giai đoạn 2021–2025",
                 "kind":"RESOLUTION","issuingUnitCode":"TU-14","periodStart":"2021-12-21","periodEnd":"2025-12-31"}"""
                .formatted(tag));
        String resolutionId = resolution.text("id");
        assertThat(api.post("/api/v1/plans/" + resolutionId + "/issue", "{\"issuedOn\":\"2021-12-21\"}").status())
                .isEqualTo(200);

        // when: the People's Committee's Plan 61/KH-UBND is drafted, structured and issued
        HttpApi.Response drafted = api.post("/api/v1/plans", """
                {"code":"61/KH-UBND.%s","title":"Kế hoạch thực hiện Nghị quyết 20-NQ/TU","kind":"PROGRAM_PLAN",
                 "issuingUnitCode":"UBND-14","parentPlanId":"%s","periodStart":"2022-03-03",
                 "periodEnd":"2025-12-31"}""".formatted(tag, resolutionId));
        String id = drafted.text("id");
        String plan = "/api/v1/plans/" + id;
        String etag = drafted.etag();
        etag = ok(api.put(plan + "/details", """
                {"title":"Kế hoạch thực hiện Nghị quyết số 20-NQ/TU ngày 21/12/2021 về giảm nghèo bền vững",
                 "program":"SUSTAINABLE_POVERTY_REDUCTION","issuingUnitCode":"UBND-14","parentPlanId":"%s",
                 "periodStart":"2022-03-03","periodEnd":"2025-12-31"}""".formatted(resolutionId), etag));
        etag = created(api.post(plan + "/objectives", """
                {"code":"MT-1","nameVi":"Giảm tỷ lệ hộ nghèo đa chiều bền vững",
                 "nameEn":"Reduce multidimensional poverty sustainably"}""", etag));
        etag = created(api.post(plan + "/objectives", """
                {"code":"MT-2","nameVi":"Giảm nghèo vùng đồng bào dân tộc thiểu số"}""", etag));
        etag = created(api.post(plan + "/objectives", """
                {"code":"MT-3","nameVi":"Mục tiêu sẽ bỏ"}""", etag));
        etag = created(api.post(plan + "/objectives/MT-1/indicators", POVERTY_RATE, etag));
        etag = created(api.post(plan + "/objectives/MT-1/indicators", YEARLY_REDUCTION, etag));
        etag = created(api.post(plan + "/objectives/MT-2/indicators", ETHNIC_MINORITY_REDUCTION, etag));
        etag = ok(api.put(plan + "/indicators/TL-HN/targets", """
                {"targets":[{"year":2022,"value":20.16},{"year":2023,"value":18.66},{"year":2024,"value":17.16},
                            {"year":2025,"value":15.66},{"year":2024,"areaCode":"H-128","value":35},
                            {"year":2024,"areaCode":"H-118","value":18}]}""", etag));
        etag = ok(api.put(plan + "/objectives/MT-2", """
                {"nameVi":"Giảm nghèo bền vững vùng đồng bào dân tộc thiểu số và miền núi"}""", etag));
        etag = ok(api.delete(plan + "/objectives/MT-3", etag));
        etag = created(api.post(plan + "/objectives/MT-1/indicators", """
                {"code":"TAM","nameVi":"Chỉ tiêu tạm","unitOfMeasure":"hộ","direction":"INCREASE",
                 "baselineYear":2021,"baselineValue":0,"measurementLevel":"COMMUNE"}""", etag));
        etag = ok(api.delete(plan + "/indicators/TAM", etag));
        etag = ok(api.put(plan + "/indicators/MG-HN", YEARLY_REDUCTION.replace("\"code\":\"MG-HN\",", "")
                .replace("\"unitOfMeasure\"", "\"nameEn\":\"Yearly fall of the poverty rate\",\"unitOfMeasure\""),
                etag));
        HttpApi.Response issued = api.post(plan + "/issue", "{\"issuedOn\":\"2022-03-03\"}", etag);

        // and the Ethnic Affairs Committee's implementation plan follows it
        HttpApi.Response bdt = api.post("/api/v1/plans", """
                {"code":"45/KH-BDT.%s","title":"Kế hoạch của Ban Dân tộc tỉnh thực hiện Kế hoạch số 61/KH-UBND",
                 "kind":"UNIT_PLAN","issuingUnitCode":"BDT-14","parentPlanId":"%s","periodStart":"2022-03-20",
                 "periodEnd":"2025-12-31"}""".formatted(tag, id));
        String bdtPlan = "/api/v1/plans/" + bdt.text("id");
        created(api.post(bdtPlan + "/objectives", """
                {"code":"MT-1","nameVi":"Thực hiện chính sách giảm nghèo vùng dân tộc thiểu số"}""", null));
        created(api.post(bdtPlan + "/objectives/MT-1/indicators", """
                {"code":"XA-DBKK","nameVi":"Số xã đặc biệt khó khăn thoát khỏi tình trạng đặc biệt khó khăn",
                 "unitOfMeasure":"xã","direction":"INCREASE","baselineYear":2021,"baselineValue":0,
                 "measurementLevel":"COMMUNE","targets":[{"year":2025,"value":10}]}""", null));
        HttpApi.Response draftRevision = api.post(bdtPlan + "/revisions", "{\"reason\":\"thử\",\"title\":\"x\"}");
        assertThat(api.post(bdtPlan + "/issue", "{\"issuedOn\":\"2022-03-20\"}").status()).isEqualTo(200);

        // then: an issued plan changes only through a revision, which keeps what changed, when and why
        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.text("status")).isEqualTo("ISSUED");
        assertThat(draftRevision.status()).isEqualTo(409);
        HttpApi.Response directEdit = api.post(plan + "/objectives", "{\"code\":\"MT-4\",\"nameVi\":\"x\"}");
        HttpApi.Response targetsEdit = api.put(plan + "/indicators/TL-HN/targets", "{\"targets\":[]}", null);
        HttpApi.Response revised = api.post(plan + "/revisions", """
                {"reason":"Điều chỉnh chỉ tiêu năm 2025 theo kết quả rà soát hộ nghèo cuối năm 2023",
                 "documentCode":"89/KH-UBND","revisedOn":"2024-04-15",
                 "targets":[{"indicatorCode":"TL-HN","targets":[
                     {"year":2022,"value":20.16},{"year":2023,"value":18.66},{"year":2024,"value":17.16},
                     {"year":2025,"value":15},{"year":2024,"areaCode":"H-128","value":35},
                     {"year":2024,"areaCode":"H-118","value":18}]}],
                 "indicators":[{"code":"TL-HN-DTTS","objectiveCode":"MT-2","nameVi":"Tỷ lệ hộ nghèo dân tộc thiểu số",
                     "unitOfMeasure":"%","direction":"DECREASE","baselineYear":2023,"baselineValue":14.2,
                     "measurementLevel":"ETHNIC_GROUP","targets":[{"year":2024,"value":11},{"year":2025,"value":8}]}]}
                """, issued.etag());
        HttpApi.Response staleRevision = api.post(plan + "/revisions", "{\"reason\":\"x\",\"title\":\"y\"}",
                issued.etag());
        assertThat(directEdit.status()).isEqualTo(409);
        assertThat(directEdit.text("type")).endsWith("/illegal-transition");
        assertThat(targetsEdit.status()).isEqualTo(409);
        assertThat(revised.status()).as("%s", revised.body()).isEqualTo(200);
        assertThat(revised.etag()).isEqualTo("\"16\"");
        assertThat(revised.body().get("revisionCount").asInt()).isEqualTo(1);
        assertThat(staleRevision.status()).isEqualTo(409);
        assertThat(staleRevision.text("type")).endsWith("/stale-version");

        JsonNode current = api.get(plan).body();
        assertThat(current.get("objectives").findValuesAsString("code")).containsExactly("MT-1", "TL-HN", "MG-HN",
                "MT-2", "MG-HN-DTTS", "TL-HN-DTTS");
        JsonNode rate = current.get("objectives").get(0).get("indicators").get(0);
        assertThat(rate.get("targets")).hasSize(6);
        assertThat(rate.get("targets").get(5).get("year").asInt()).isEqualTo(2025);
        assertThat(rate.get("targets").get(5).get("value").decimalValue()).isEqualByComparingTo("15");
        assertThat(api.get("/api/v1/plans?parentPlanId=" + id).body().get("items").findValuesAsString("id"))
                .containsExactly(bdt.text("id"));

        JsonNode history = api.get(plan + "/history").body();
        assertThat(history.findValuesAsString("action")).containsExactly("DRAFTED", "DETAILS_CHANGED",
                "OBJECTIVE_ADDED", "OBJECTIVE_ADDED", "OBJECTIVE_ADDED", "INDICATOR_ADDED", "INDICATOR_ADDED",
                "INDICATOR_ADDED", "TARGETS_SET", "OBJECTIVE_CHANGED", "OBJECTIVE_REMOVED", "INDICATOR_ADDED",
                "INDICATOR_REMOVED", "INDICATOR_CHANGED", "ISSUED", "REVISED");
        JsonNode revision = api.get(plan + "/revisions").body().get(0);
        assertThat(revision.get("version").asLong()).isEqualTo(16);
        assertThat(revision.get("revisionNumber").asInt()).isEqualTo(1);
        assertThat(revision.get("reason").asString()).startsWith("Điều chỉnh chỉ tiêu năm 2025");
        assertThat(revision.get("documentCode").asString()).isEqualTo("89/KH-UBND");
        assertThat(revision.get("effectiveOn").asString()).isEqualTo("2024-04-15");
        assertThat(revision.get("recordedAt").asString()).isNotBlank();
        assertThat(revision.get("changes").findValuesAsString("path")).contains("indicators.TL-HN.targets.2025",
                "indicators.TL-HN-DTTS", "indicators.TL-HN-DTTS.targets.2025");

        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.PLAN_EVENTS)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> probe.recordsOf(id).size() == 16);
            List<ConsumerRecord<String, byte[]>> records = probe.recordsOf(id);
            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_type")).containsExactly(
                    "plan.PlanCreated.v1", "plan.PlanDetailsChanged.v1", "plan.ObjectiveAdded.v1",
                    "plan.ObjectiveAdded.v1", "plan.ObjectiveAdded.v1", "plan.IndicatorAdded.v1",
                    "plan.IndicatorAdded.v1", "plan.IndicatorAdded.v1", "plan.IndicatorTargetsSet.v1",
                    "plan.ObjectiveChanged.v1", "plan.ObjectiveRemoved.v1", "plan.IndicatorAdded.v1",
                    "plan.IndicatorRemoved.v1", "plan.IndicatorChanged.v1", "plan.PlanIssued.v1",
                    "plan.PlanRevised.v1");
            for (int i = 0; i < records.size(); i++) {
                JsonNode event = EmittedEvents.assertMatchesContract(records.get(i), Topics.PLAN_EVENTS);
                assertThat(event.get("version").asLong()).isEqualTo(i + 1);
                assertThat(event.get("status").asString()).isEqualTo(i < 14 ? "DRAFT" : "ISSUED");
            }
            JsonNode created = EmittedEvents.assertMatchesContract(records.get(0), Topics.PLAN_EVENTS);
            assertThat(created.get("program").asString()).isEqualTo("SUSTAINABLE_POVERTY_REDUCTION");
            assertThat(created.get("parentPlanId").asString()).isEqualTo(resolutionId);
            JsonNode targetsSet = EmittedEvents.assertMatchesContract(records.get(8), Topics.PLAN_EVENTS);
            assertThat(targetsSet.get("targets")).hasSize(6);
            assertThat(targetsSet.get("targets").get(3).get("areaCode").asString()).isEqualTo("H-118");
            assertThat(targetsSet.get("targets").get(4).get("areaCode").asString()).isEqualTo("H-128");
            JsonNode revisedEvent = EmittedEvents.assertMatchesContract(records.get(15), Topics.PLAN_EVENTS);
            assertThat(revisedEvent.get("revisionNumber").asInt()).isEqualTo(1);
            assertThat(revisedEvent.get("reason").asString()).startsWith("Điều chỉnh");
            assertThat(revisedEvent.get("objectives").get(1).get("indicators").findValuesAsString("code"))
                    .contains("TL-HN-DTTS");
        }
    }

    @Test
    void bad_structure_input_gets_field_errors_and_changes_nothing() {
        // given
        HttpApi.Response drafted = api.post("/api/v1/plans", """
                {"code":"199/KH-UBND.%s","title":"Kế hoạch giảm nghèo năm 2022","kind":"ANNUAL_PLAN",
                 "issuingUnitCode":"UBND-14","periodStart":"2022-01-01","periodEnd":"2022-12-31"}""".formatted(tag));
        String plan = "/api/v1/plans/" + drafted.text("id");
        String etag = created(api.post(plan + "/objectives", "{\"code\":\"MT-1\",\"nameVi\":\"Giảm nghèo\"}", null));

        // when
        HttpApi.Response duplicateObjective = api.post(plan + "/objectives",
                "{\"code\":\"MT-1\",\"nameVi\":\"Trùng mã\"}");
        HttpApi.Response outsidePeriodAndAboveBaseline = api.post(plan + "/objectives/MT-1/indicators",
                POVERTY_RATE.replace("\"value\":20.16", "\"value\":22"));
        HttpApi.Response missingFields = api.post(plan + "/objectives/MT-1/indicators", """
                {"code":"X","targets":[{"year":1800}]}""");
        HttpApi.Response badDirection = api.post(plan + "/objectives/MT-1/indicators",
                POVERTY_RATE.replace("DECREASE", "DOWN"));
        HttpApi.Response unknownArea = api.post(plan + "/objectives/MT-1/indicators", """
                {"code":"TL-HN","nameVi":"Tỷ lệ hộ nghèo","unitOfMeasure":"%","direction":"DECREASE",
                 "baselineYear":2021,"baselineValue":21.66,"measurementLevel":"COMMUNE",
                 "targets":[{"year":2022,"areaCode":"SAMPLE-XM-VAN-HO","value":30}]}""");
        HttpApi.Response unknownObjective = api.post(plan + "/objectives/MT-9/indicators", POVERTY_RATE);
        HttpApi.Response stale = api.post(plan + "/objectives", "{\"code\":\"MT-2\",\"nameVi\":\"x\"}", "\"1\"");
        HttpApi.Response revisionOfDraft = api.post(plan + "/revisions", "{\"reason\":\"\"}");

        // then
        assertThat(duplicateObjective.status()).isEqualTo(400);
        assertThat(duplicateObjective.body().get("errors").get(0).get("field").asString()).isEqualTo("code");
        assertThat(outsidePeriodAndAboveBaseline.status()).isEqualTo(400);
        assertThat(outsidePeriodAndAboveBaseline.body().get("errors").findValuesAsString("field")).containsExactly(
                "targets[0].value", "targets[1].year", "targets[2].year", "targets[3].year");
        assertThat(missingFields.status()).isEqualTo(400);
        assertThat(missingFields.body().get("errors").findValuesAsString("field")).contains("nameVi",
                "unitOfMeasure", "direction", "baselineYear", "baselineValue", "measurementLevel",
                "targets[0].year", "targets[0].value");
        assertThat(badDirection.status()).isEqualTo(400);
        assertThat(unknownArea.status()).isEqualTo(400);
        assertThat(unknownArea.body().get("errors").get(0).get("message").asString())
                .isEqualTo("unit SAMPLE-XM-VAN-HO did not exist in 2022");
        assertThat(unknownObjective.status()).isEqualTo(404);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(revisionOfDraft.status()).isEqualTo(400);
        HttpApi.Response current = api.get(plan);
        assertThat(current.etag()).isEqualTo(etag);
        assertThat(current.body().get("objectives").findValuesAsString("code")).containsExactly("MT-1");
    }

    private static String ok(HttpApi.Response response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        return response.etag();
    }

    private static String created(HttpApi.Response response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
        return response.etag();
    }
}
