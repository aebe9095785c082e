package vn.giamngheo.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.plan.plan.PlanStore;
import vn.giamngheo.support.testing.AccessMatrix;
import vn.giamngheo.support.testing.EmittedEvents;
import vn.giamngheo.support.testing.HttpApi;
import vn.giamngheo.support.testing.MongoFingerprint;
import vn.giamngheo.support.testing.TestCaller;
import vn.giamngheo.support.testing.TopicProbe;

/**
 * Who may do what in the plan-service: the access matrix over every endpoint and kind of caller, what the public
 * sees of plans, that even the issuing unit's officers change nothing here, and who made each change — in the events,
 * the audit trails and the plan history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PlanAccessScenarios {

    static final String MATRIX = "access/plan-service.matrix";
    static final String OWN_UNIT = "BDT-14";
    static final TestCaller OFFICER_OWN = TestCaller.officerOf(OWN_UNIT);
    static final TestCaller OFFICER_OTHER = TestCaller.officerOf("SXD-14");
    static final TestCaller MACHINE = TestCaller.machine("sldtbxh-system", "SLDTBXH-14", "api.read",
            "poverty.import");
    /** A department's system allowed to submit household records but not to read the API. */
    static final TestCaller IMPORT_ONLY_MACHINE = TestCaller.machine("sldtbxh-import", "SLDTBXH-14",
            "poverty.import");
    /** A member of the steering committee acting for the People's Committee: an administrator with a unit. */
    static final TestCaller COMMITTEE_ADMIN = new TestCaller("pho.chu.tich", List.of("ADMIN"), "UBND-14",
            List.of("openid"));

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    MongoTemplate mongo;

    HttpApi anonymous;
    HttpApi admin;
    /** Codes made by one test carry a tag no other test uses, since test classes share one database. */
    String tag;

    @BeforeEach
    void connect() {
        anonymous = new HttpApi("http://localhost:" + port);
        admin = anonymous.as(TestCaller.ADMIN);
        tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    @Test
    void every_endpoint_of_the_openapi_document_has_a_row_in_the_access_matrix_and_every_row_names_one() {
        // given
        AccessMatrix matrix = AccessMatrix.load(MATRIX);
        HttpApi.Response docs = anonymous.get("/v3/api-docs");

        // when
        Set<String> documented = new TreeSet<>();
        docs.body().get("paths").properties().forEach(path -> path.getValue().propertyNames().forEach(method ->
                documented.add(method.toUpperCase() + " " + path.getKey().replaceAll("\\{[^}]+}", "{}"))));

        // then
        assertThat(docs.status()).isEqualTo(200);
        matrix.assertCoversEveryEndpointOf(docs.body());
        assertThat(matrix.rows()).allSatisfy(row -> assertThat(documented).as("line %d", row.line())
                .contains(row.endpoint()));
        assertThat(docs.body().get("components").get("securitySchemes").get(Access.BEARER).get("scheme").asString())
                .isEqualTo("bearer");
        JsonNode issue = docs.body().get("paths").get("/api/v1/plans/{id}/issue").get("post");
        assertThat(issue.get("description").asString()).contains("ADMIN");
        assertThat(issue.get("security").get(0).has(Access.BEARER)).isTrue();
        assertThat(docs.body().get("paths").get("/api/v1/plans/{id}").get("get").has("security")).isFalse();
    }

    @Test
    void the_access_matrix_holds_for_every_endpoint_and_every_kind_of_caller() {
        // given: the fixtures the matrix names, made through the API by the administrator
        Map<String, String> fixtures = fixtures();
        Map<AccessMatrix.Who, HttpApi> callers = Map.of(
                AccessMatrix.Who.ADMIN, admin,
                AccessMatrix.Who.OFFICER_OWN, anonymous.as(OFFICER_OWN),
                AccessMatrix.Who.OFFICER_OTHER, anonymous.as(OFFICER_OTHER),
                AccessMatrix.Who.VIEWER, anonymous.as(TestCaller.VIEWER),
                AccessMatrix.Who.ANONYMOUS, anonymous,
                AccessMatrix.Who.MACHINE, anonymous.as(MACHINE));

        // when
        AccessMatrix.load(MATRIX).run(callers, fixtures, () -> MongoFingerprint.of(mongo));

        // then: the administrator's writes did what the rows meant, so the bodies are valid ones
        JsonNode plan = admin.get("/api/v1/plans/" + fixtures.get("planId")).body();
        assertThat(plan.get("status").asString()).isEqualTo("CLOSED");
        assertThat(plan.get("revisionCount").asInt()).isEqualTo(1);
        JsonNode draft = admin.get("/api/v1/plans/" + fixtures.get("draftPlanId")).body();
        assertThat(draft.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(admin.get("/api/v1/plans/" + fixtures.get("draftPlanId") + "/history").body()
                .findValuesAsString("action")).containsExactly("DRAFTED", "DETAILS_CHANGED", "OBJECTIVE_ADDED",
                "OBJECTIVE_CHANGED", "INDICATOR_ADDED", "INDICATOR_CHANGED", "TARGETS_SET", "INDICATOR_REMOVED",
                "OBJECTIVE_REMOVED", "ISSUED", "CANCELLED");
        JsonNode allocation = admin.get("/api/v1/allocations/" + fixtures.get("allocationId")).body();
        assertThat(allocation.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(allocation.get("allocatedAmount").asLong()).isEqualTo(2_000_000_000L);
        assertThat(allocation.get("disbursedAmount").asLong()).isEqualTo(1_000_000L);
        assertThat(admin.get("/api/v1/plans/" + fixtures.get("planId") + "/allocations?source=LOCAL_BUDGET").body()
                .get("total").asLong()).isEqualTo(1);
        HttpApi.Response unit = admin.get("/api/v1/units/" + fixtures.get("newUnitCode"));
        assertThat(unit.etag()).isEqualTo("\"3\"");
        assertThat(unit.text("validTo")).isEqualTo("2025-06-30");
        assertThat(admin.get("/api/v1/plans?code=KH-" + fixtures.get("newUnitCode")).body().get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void officers_even_of_the_issuing_unit_and_machines_change_no_plan_or_funding_and_are_told_why() {
        // given: a plan the Ethnic Affairs Committee issued, with funds for it
        Map<String, String> fixtures = fixtures();
        String plan = "/api/v1/plans/" + fixtures.get("planId");
        String allocation = "/api/v1/allocations/" + fixtures.get("allocationId");
        String revision = "{\"reason\":\"Điều chỉnh chỉ tiêu\",\"title\":\"Kế hoạch đã điều chỉnh\"}";
        String funds = """
                {"unitCode":"BDT-14","source":"LOCAL_BUDGET","year":2024,"allocatedAmount":100000000}""";
        long planVersion = admin.get(plan).body().get("version").asLong();
        long allocationVersion = admin.get(allocation).body().get("version").asLong();

        // when
        Map<String, HttpApi.Response> refusals = new LinkedHashMap<>();
        for (TestCaller caller : List.of(OFFICER_OWN, OFFICER_OTHER, TestCaller.VIEWER, MACHINE)) {
            HttpApi api = anonymous.as(caller);
            refusals.put(caller.subject() + " revises", api.post(plan + "/revisions", revision));
            refusals.put(caller.subject() + " cancels", api.post(plan + "/cancel", "{\"reason\":\"x\"}"));
            refusals.put(caller.subject() + " allocates", api.post(plan + "/allocations", funds));
            refusals.put(caller.subject() + " disburses", api.post(allocation + "/disbursements",
                    "{\"disbursedAmount\":5000}"));
        }
        String csv = "code,kind,nameVi,nameEn,parentCode,validFrom\nCSV-%s,AGENCY,Phòng thử,Test office,14,2024-01-01\n"
                .formatted(tag);
        HttpApi.Response officerImports = new MoreHttp("http://localhost:" + port, anonymous.as(OFFICER_OWN))
                .postCsv("/api/v1/units/import", csv);
        HttpApi.Response publicUploads = new MoreHttp("http://localhost:" + port, anonymous)
                .upload("/api/v1/units/import", "don-vi.csv", csv);
        HttpApi.Response ownReads = anonymous.as(OFFICER_OWN).get(plan + "/allocations");
        HttpApi.Response otherReads = anonymous.as(OFFICER_OTHER).get(allocation + "/audit");
        HttpApi.Response adminRevises = admin.post(plan + "/revisions", revision);

        // then
        assertThat(refusals).allSatisfy((what, response) -> {
            assertThat(response.status()).as(what).isEqualTo(403);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(response.text("type")).as(what).endsWith("/forbidden");
            assertThat(response.text("detail")).as(what).startsWith("Your role does not allow POST /api/v1/");
        });
        assertThat(refusals.get(OFFICER_OWN.subject() + " revises").text("detail"))
                .isEqualTo("Your role does not allow POST " + plan + "/revisions");
        assertThat(officerImports.status()).isEqualTo(403);
        assertThat(officerImports.text("type")).endsWith("/forbidden");
        assertThat(publicUploads.status()).isEqualTo(401);
        assertThat(publicUploads.text("type")).endsWith("/unauthenticated");
        assertThat(admin.get("/api/v1/units/CSV-" + tag).status()).as("nothing imported").isEqualTo(404);
        assertThat(ownReads.status()).isEqualTo(200);
        assertThat(otherReads.status()).isEqualTo(200);
        assertThat(adminRevises.status()).as("%s", adminRevises.body()).isEqualTo(200);
        assertThat(adminRevises.body().get("version").asLong()).as("only the administrator's revision was stored")
                .isEqualTo(planVersion + 1);
        assertThat(admin.get(allocation).body().get("version").asLong()).isEqualTo(allocationVersion);
        assertThat(admin.get(plan + "/allocations").body().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void the_public_sees_units_and_published_plans_but_no_draft_no_funding_and_no_audit_trail() {
        // given: a published plan and a draft, both with this test's tag in the title
        String published = issuedPlan("KH-CB-" + tag, "Kế hoạch công bố " + tag);
        String draft = draftPlan("KH-DT-" + tag, "Kế hoạch dự thảo " + tag);
        HttpApi viewer = anonymous.as(TestCaller.VIEWER);
        HttpApi reader = anonymous.as(MACHINE);
        HttpApi importer = anonymous.as(IMPORT_ONLY_MACHINE);

        // when
        HttpApi.Response list = anonymous.get("/api/v1/plans?q=" + tag);
        HttpApi.Response askedForDrafts = anonymous.get("/api/v1/plans?status=DRAFT&q=" + tag);
        HttpApi.Response askedByCode = anonymous.get("/api/v1/plans?code=KH-DT-" + tag);
        HttpApi.Response draftItself = anonymous.get("/api/v1/plans/" + draft);
        HttpApi.Response unknown = anonymous.get("/api/v1/plans/no-such-plan");

        // then: the draft does not exist for the public, and cannot be told apart from an unknown id
        assertThat(ids(list)).containsExactly(published);
        assertThat(ids(askedForDrafts)).isEmpty();
        assertThat(askedByCode.body().get("total").asLong()).isZero();
        assertThat(draftItself.status()).isEqualTo(404);
        assertThat(draftItself.text("type")).isEqualTo(unknown.text("type"));
        assertThat(draftItself.text("detail")).isEqualTo("Plan " + draft + " does not exist");
        for (String part : List.of("", "/objectives", "/revisions", "/history")) {
            assertThat(anonymous.get("/api/v1/plans/" + draft + part).status()).as("draft%s", part).isEqualTo(404);
            assertThat(importer.get("/api/v1/plans/" + draft + part).status()).as("draft%s", part).isEqualTo(404);
            assertThat(anonymous.get("/api/v1/plans/" + published + part).status()).as("published%s", part)
                    .isEqualTo(200);
            assertThat(viewer.get("/api/v1/plans/" + draft + part).status()).as("draft%s", part).isEqualTo(200);
            assertThat(reader.get("/api/v1/plans/" + draft + part).status()).as("draft%s", part).isEqualTo(200);
        }
        assertThat(ids(viewer.get("/api/v1/plans?q=" + tag))).containsExactlyInAnyOrder(published, draft);
        assertThat(ids(anonymous.as(OFFICER_OTHER).get("/api/v1/plans?status=DRAFT&q=" + tag)))
                .containsExactly(draft);
        assertThat(ids(importer.get("/api/v1/plans?q=" + tag))).containsExactly(published);
        assertThat(anonymous.get("/api/v1/units/" + OWN_UNIT).status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/units/" + OWN_UNIT + "/successors?on=2025-12-31").body().get("units")
                .findValuesAsString("code")).containsExactly("SDTTG-14");

        HttpApi.Response funding = anonymous.get("/api/v1/plans/" + published + "/allocations");
        HttpApi.Response audit = anonymous.get("/api/v1/plans/" + published + "/audit");
        assertThat(funding.status()).isEqualTo(401);
        assertThat(funding.contentType()).startsWith("application/problem+json");
        assertThat(funding.text("type")).endsWith("/unauthenticated");
        assertThat(audit.status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/allocations/totals").status()).isEqualTo(401);
        assertThat(importer.get("/api/v1/plans/" + published + "/allocations").status()).isEqualTo(403);
        assertThat(importer.get("/api/v1/units/" + OWN_UNIT + "/audit").status()).isEqualTo(403);
    }

    @Test
    void who_made_each_change_is_in_the_events_the_audit_trails_and_the_plan_history() {
        // given: a committee member acting for the People's Committee drafts and issues a plan and funds it; the
        // province administrator revises it
        HttpApi committee = anonymous.as(COMMITTEE_ADMIN);
        String id = committee.post("/api/v1/plans", """
                {"code":"KH-AU-%s","title":"Kế hoạch giảm nghèo năm 2024","kind":"ANNUAL_PLAN",
                 "issuingUnitCode":"UBND-14","periodStart":"2024-01-01","periodEnd":"2024-12-31"}"""
                .formatted(tag)).text("id");
        assertThat(committee.post("/api/v1/plans/" + id + "/issue", "{\"issuedOn\":\"2024-01-10\"}").status())
                .isEqualTo(200);
        HttpApi.Response revised = admin.post("/api/v1/plans/" + id + "/revisions",
                "{\"reason\":\"Bổ sung nhiệm vụ\",\"title\":\"Kế hoạch giảm nghèo năm 2024 (điều chỉnh)\"}");
        HttpApi.Response allocated = committee.post("/api/v1/plans/" + id + "/allocations", """
                {"unitCode":"H-128","source":"CENTRAL_BUDGET","year":2024,"allocatedAmount":300000000}""");
        String allocationId = allocated.text("id");
        String unitCode = "AU-" + tag;
        assertThat(admin.post("/api/v1/units", """
                {"code":"%s","kind":"AGENCY","nameVi":"Đơn vị thử","nameEn":"Test unit","parentCode":"14",
                 "validFrom":"2024-01-01"}""".formatted(unitCode)).status()).isEqualTo(201);

        // when
        HttpApi viewer = anonymous.as(TestCaller.VIEWER);
        JsonNode planAudit = viewer.get("/api/v1/plans/" + id + "/audit").body();
        JsonNode allocationAudit = anonymous.as(MACHINE).get("/api/v1/allocations/" + allocationId + "/audit").body();
        JsonNode unitAudit = anonymous.as(OFFICER_OTHER).get("/api/v1/units/" + unitCode + "/audit").body();
        JsonNode referenceUnitAudit = viewer.get("/api/v1/units/14/audit").body();
        JsonNode historyForReaders = viewer.get("/api/v1/plans/" + id + "/history").body();
        JsonNode historyForThePublic = anonymous.get("/api/v1/plans/" + id + "/history").body();
        JsonNode revisionsForThePublic = anonymous.get("/api/v1/plans/" + id + "/revisions").body();

        // then: the audit trails name subject, name, unit and kind of every change
        assertThat(revised.status()).as("%s", revised.body()).isEqualTo(200);
        assertThat(planAudit.findValuesAsString("type")).containsExactly("plan.PlanCreated.v1",
                "plan.PlanIssued.v1", "plan.PlanRevised.v1");
        assertThat(planAudit.get(0).get("version").asLong()).isEqualTo(1);
        assertThat(planAudit.get(0).get("at").asString()).isNotBlank();
        assertActor(planAudit.get(0).get("actor"), "pho.chu.tich", "UBND-14", "USER");
        assertActor(planAudit.get(1).get("actor"), "pho.chu.tich", "UBND-14", "USER");
        assertActor(planAudit.get(2).get("actor"), "admin", null, "USER");
        assertThat(planAudit.get(0).get("actor").get("name").asString()).isEqualTo("pho.chu.tich");
        assertActor(allocationAudit.get(0).get("actor"), "pho.chu.tich", "UBND-14", "USER");
        assertThat(allocationAudit.get(0).get("type").asString()).isEqualTo("plan.FundingAllocated.v1");
        assertActor(unitAudit.get(0).get("actor"), "admin", null, "USER");
        assertActor(referenceUnitAudit.get(0).get("actor"), "plan-service", null, "SYSTEM");

        // and the history shows who made each step: the account to readers, only kind and unit to the public
        assertThat(historyForReaders.findValuesAsString("action")).containsExactly("DRAFTED", "ISSUED", "REVISED");
        assertActor(historyForReaders.get(0).get("actor"), "pho.chu.tich", "UBND-14", "USER");
        assertActor(historyForReaders.get(2).get("actor"), "admin", null, "USER");
        assertActor(historyForThePublic.get(1).get("actor"), null, "UBND-14", "USER");
        assertThat(historyForThePublic.get(1).get("actor").get("name").isNull()).isTrue();
        assertActor(historyForThePublic.get(2).get("actor"), null, null, "USER");
        assertThat(revisionsForThePublic.get(0).get("revisionNumber").asInt()).isEqualTo(1);
        assertActor(revisionsForThePublic.get(0).get("actor"), null, null, "USER");

        // and every event carries its actor, under the contract
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.PLAN_EVENTS)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> probe.recordsOf(id).size() == 3
                    && probe.recordsOf(allocationId).size() == 1 && probe.recordsOf(unitCode).size() == 1);
            List<ConsumerRecord<String, byte[]>> records = probe.recordsOf(id);
            assertActor(EmittedEvents.assertMatchesContract(records.get(0), Topics.PLAN_EVENTS).get("actor"),
                    "pho.chu.tich", "UBND-14", "USER");
            assertActor(EmittedEvents.assertMatchesContract(records.get(1), Topics.PLAN_EVENTS).get("actor"),
                    "pho.chu.tich", "UBND-14", "USER");
            assertActor(EmittedEvents.assertMatchesContract(records.get(2), Topics.PLAN_EVENTS).get("actor"),
                    "admin", null, "USER");
            assertActor(EmittedEvents.assertMatchesContract(probe.recordsOf(allocationId).get(0),
                    Topics.PLAN_EVENTS).get("actor"), "pho.chu.tich", "UBND-14", "USER");
            assertActor(EmittedEvents.assertMatchesContract(probe.recordsOf(unitCode).get(0),
                    Topics.PLAN_EVENTS).get("actor"), "admin", null, "USER");
        }
    }

    @Test
    void steps_stored_before_audit_trails_existed_are_shown_without_an_actor() {
        // given: a plan whose changes are known only from its stored state, as for plans written before audit
        // trails: its event published, then taken out of the change log
        String id = draftPlan("KH-OLD-" + tag, "Kế hoạch cũ " + tag);
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection(PlanStore.COLLECTION)
                .find(new Document("_id", id)).first().getList("outbox", Object.class).isEmpty());
        mongo.getCollection(PlanStore.COLLECTION + "_log").deleteMany(new Document("aggregateId", id));

        // when
        HttpApi.Response history = admin.get("/api/v1/plans/" + id + "/history");
        HttpApi.Response audit = admin.get("/api/v1/plans/" + id + "/audit");

        // then
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().get(0).get("action").asString()).isEqualTo("DRAFTED");
        assertThat(history.body().get(0).get("actor").isNull()).isTrue();
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body().size()).isZero();
        assertThat(admin.get("/api/v1/plans/no-such-plan/audit").status()).isEqualTo(404);
    }

    /** What the matrix's header names, made as the administrator through the API. */
    private Map<String, String> fixtures() {
        String planId = issuedPlan("KH-MX-" + tag, "Kế hoạch của Ban Dân tộc thực hiện giảm nghèo " + tag);
        HttpApi.Response allocation = admin.post("/api/v1/plans/" + planId + "/allocations", """
                {"objectiveCode":"MT-1","unitCode":"BDT-14","source":"CENTRAL_BUDGET","year":2024,
                 "allocatedAmount":1000000000}""");
        assertThat(allocation.status()).as("%s", allocation.body()).isEqualTo(201);
        String draftPlanId = draftPlan("KH-MXD-" + tag, "Dự thảo kế hoạch " + tag);
        Map<String, String> fixtures = new LinkedHashMap<>();
        fixtures.put("unitCode", OWN_UNIT);
        fixtures.put("planId", planId);
        fixtures.put("objectiveCode", "MT-1");
        fixtures.put("indicatorCode", "XA-DBKK");
        fixtures.put("draftPlanId", draftPlanId);
        fixtures.put("allocationId", allocation.text("id"));
        fixtures.put("newUnitCode", "MX-" + tag);
        return fixtures;
    }

    /** An ISSUED plan of the Ethnic Affairs Committee for 2022–2024 with objective MT-1 and indicator XA-DBKK. */
    private String issuedPlan(String code, String title) {
        HttpApi.Response drafted = admin.post("/api/v1/plans", """
                {"code":"%s","title":"%s","kind":"UNIT_PLAN","issuingUnitCode":"BDT-14",
                 "periodStart":"2022-03-20","periodEnd":"2024-12-31"}""".formatted(code, title));
        assertThat(drafted.status()).as("%s", drafted.body()).isEqualTo(201);
        String id = drafted.text("id");
        assertThat(admin.post("/api/v1/plans/" + id + "/objectives", """
                {"code":"MT-1","nameVi":"Thực hiện chính sách giảm nghèo vùng dân tộc thiểu số"}""").status())
                .isEqualTo(201);
        assertThat(admin.post("/api/v1/plans/" + id + "/objectives/MT-1/indicators", """
                {"code":"XA-DBKK","nameVi":"Số xã đặc biệt khó khăn thoát khỏi tình trạng đặc biệt khó khăn",
                 "unitOfMeasure":"xã","direction":"INCREASE","baselineYear":2021,"baselineValue":0,
                 "measurementLevel":"COMMUNE","targets":[{"year":2024,"value":10}]}""").status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/plans/" + id + "/issue", "{\"issuedOn\":\"2022-03-20\"}").status())
                .isEqualTo(200);
        return id;
    }

    private String draftPlan(String code, String title) {
        HttpApi.Response drafted = admin.post("/api/v1/plans", """
                {"code":"%s","title":"%s","kind":"UNIT_PLAN","issuingUnitCode":"BDT-14",
                 "periodStart":"2023-01-01","periodEnd":"2023-12-31"}""".formatted(code, title));
        assertThat(drafted.status()).as("%s", drafted.body()).isEqualTo(201);
        return drafted.text("id");
    }

    private static void assertActor(JsonNode actor, String subject, String unit, String kind) {
        assertThat(actor).as("actor").isNotNull();
        assertThat(actor.isNull()).as("actor").isFalse();
        assertThat(textOrNull(actor.get("subject"))).as("subject of %s", actor).isEqualTo(subject);
        assertThat(textOrNull(actor.get("unit"))).as("unit of %s", actor).isEqualTo(unit);
        assertThat(actor.get("kind").asString()).as("kind of %s", actor).isEqualTo(kind);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static List<String> ids(HttpApi.Response page) {
        assertThat(page.status()).as("%s", page.body()).isEqualTo(200);
        return page.body().get("items").findValuesAsString("id");
    }
}
