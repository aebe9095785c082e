package vn.giamngheo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.EventJson;
import vn.giamngheo.localstack.DemoIdentities;
import vn.giamngheo.localstack.LocalStack;
import vn.giamngheo.localstack.LocalStackPorts;
import vn.giamngheo.localstack.Service;
import vn.giamngheo.support.testing.AccessMatrix;
import vn.giamngheo.support.testing.AccessMatrix.Who;
import vn.giamngheo.support.testing.HttpApi;
import vn.giamngheo.support.testing.Uploads;

/**
 * Every endpoint × every kind of caller against the running stack, with real tokens from the local issuer: each
 * service's own access matrix ({@code <service>/src/test/resources/access/<service>.matrix}, the file its component
 * tests run with test tokens), its fixtures made fresh through the real APIs as the province administrator. The
 * callers are the demo identities: ADMIN {@code admin}, OFFICER_OWN {@code bdt.canbo} (BDT-14), OFFICER_OTHER
 * {@code sxd.canbo} (SXD-14), VIEWER {@code thanhtra}, ANONYMOUS no token, MACHINE the client {@code sldtbxh-system}
 * (client credentials). A refused write must leave what the service stored — read from its database — unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessMatrixSystemTest {

    static final Duration CONVERGE = Duration.ofSeconds(90);
    static final String OWN_UNIT = "BDT-14";
    static final String OTHER_UNIT = "SXD-14";
    static final DemoIdentities.Login ADMIN = DemoIdentities.admin();
    static final DemoIdentities.Login OFFICER_OWN = DemoIdentities.officerOf(OWN_UNIT).orElseThrow();
    static final DemoIdentities.Login OFFICER_OTHER = DemoIdentities.officerOf(OTHER_UNIT).orElseThrow();
    static final DemoIdentities.Login VIEWER = DemoIdentities.users().stream()
            .filter(login -> login.role().equals("VIEWER")).findFirst().orElseThrow();
    /**
     * The Ethnic Affairs Committee (BDT-14, the demo officer bdt.canbo's unit) exists in the reference data from
     * 2021-01-01 to 2025-02-28; the task-service accepts only tasks whose lead unit exists throughout their dates.
     */
    static final LocalDate OWN_UNIT_START = LocalDate.of(2024, 6, 3);
    static final LocalDate OWN_UNIT_LAST_DAY = LocalDate.of(2025, 2, 28);

    Path dataDir;
    LocalStack stack;
    StoredState stored;
    /** Codes made by this run carry a tag, so they are new to the services whatever ran before. */
    final String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    final Map<Service, Integer> requests = new EnumMap<>(Service.class);

    @BeforeAll
    void startStack() throws Exception {
        dataDir = Files.createTempDirectory("giamngheo-access-matrix");
        stack = LocalStack.builder().dataDir(dataDir).ports(LocalStackPorts.free()).demoData(false).build();
        stack.start();
        stored = new StoredState(stack);
    }

    @AfterAll
    void stopStack() {
        System.out.printf("ACCESS-MATRIX requests with real tokens: %s, %d in all%n", requests,
                requests.values().stream().mapToInt(Integer::intValue).sum());
        if (stored != null) {
            stored.close();
        }
        if (stack != null) {
            stack.close();
        }
        StoredState.deleteDataDir(dataDir);
    }

    @Test
    @Order(0)
    void the_callers_real_tokens_carry_the_roles_units_and_scopes_the_matrix_assumes() {
        // when
        JsonNode admin = claims(userToken(ADMIN));
        JsonNode own = claims(userToken(OFFICER_OWN));
        JsonNode other = claims(userToken(OFFICER_OTHER));
        JsonNode viewer = claims(userToken(VIEWER));
        JsonNode machine = claims(machineToken());

        // then
        assertThat(admin.get("iss").asString()).isEqualTo(stack.issuerUri());
        assertThat(admin.get("sub").asString()).isEqualTo("admin");
        assertThat(strings(admin.get("roles"))).containsExactly("ADMIN");
        assertThat(strings(own.get("roles"))).containsExactly("OFFICER");
        assertThat(own.get("unit").asString()).isEqualTo(OWN_UNIT);
        assertThat(other.get("unit").asString()).isEqualTo(OTHER_UNIT);
        assertThat(strings(viewer.get("roles"))).containsExactly("VIEWER");
        assertThat(viewer.has("unit")).isFalse();
        assertThat(machine.get("sub").asString()).isEqualTo(DemoIdentities.SLDTBXH_SYSTEM);
        assertThat(machine.get("unit").asString()).isEqualTo("SLDTBXH-14");
        assertThat(machine.has("roles") && !machine.get("roles").isEmpty()).as("a machine has no roles").isFalse();
        assertThat(List.of(machine.get("scope").asString().split(" "))).contains("api.read", "poverty.import");
    }

    // ---- plan-service

    @Test
    @Order(1)
    void the_plan_service_admits_exactly_the_callers_its_matrix_names() {
        // given: the fixtures the matrix's header names, made through the plan-service's API as the administrator
        HttpApi admin = api(Service.PLAN, userToken(ADMIN));
        await().atMost(CONVERGE).until(() -> admin.get("/api/v1/units/" + OWN_UNIT).status() == 200);
        String planId = issuedPlanWithObjective(admin, "KH-MX-" + tag);
        HttpApi.Response allocation = admin.post("/api/v1/plans/" + planId + "/allocations", """
                {"objectiveCode":"MT-1","unitCode":"BDT-14","source":"CENTRAL_BUDGET","year":2024,
                 "allocatedAmount":1000000000}""");
        assertThat(allocation.status()).as("%s", allocation.body()).isEqualTo(201);
        HttpApi.Response draft = admin.post("/api/v1/plans", """
                {"code":"KH-MXD-%s","title":"Dự thảo kế hoạch của Ban Dân tộc","kind":"UNIT_PLAN",
                 "issuingUnitCode":"BDT-14","periodStart":"2023-01-01","periodEnd":"2023-12-31"}""".formatted(tag));
        assertThat(draft.status()).as("%s", draft.body()).isEqualTo(201);
        Map<String, String> fixtures = new LinkedHashMap<>();
        fixtures.put("unitCode", OWN_UNIT);
        fixtures.put("planId", planId);
        fixtures.put("objectiveCode", "MT-1");
        fixtures.put("indicatorCode", "XA-DBKK");
        fixtures.put("draftPlanId", draft.text("id"));
        fixtures.put("allocationId", allocation.text("id"));
        fixtures.put("newUnitCode", "MX-" + tag);

        // when / then
        runMatrix(Service.PLAN, fixtures);

        // then: the administrator's writes did what the rows meant, and the trail names the real user
        JsonNode plan = admin.get("/api/v1/plans/" + planId).body();
        assertThat(plan.get("status").asString()).isEqualTo("CLOSED");
        assertThat(plan.get("revisionCount").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/v1/plans/" + fixtures.get("draftPlanId")).text("status")).isEqualTo("CANCELLED");
        JsonNode funds = admin.get("/api/v1/allocations/" + fixtures.get("allocationId")).body();
        assertThat(funds.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(funds.get("disbursedAmount").asLong()).isEqualTo(1_000_000L);
        assertThat(admin.get("/api/v1/units/MX-" + tag).text("validTo")).isEqualTo("2025-06-30");
        JsonNode audit = admin.get("/api/v1/plans/" + planId + "/audit").body();
        assertThat(audit.toString()).contains("\"subject\":\"admin\"").doesNotContain(OFFICER_OWN.username(),
                OFFICER_OTHER.username(), VIEWER.username(), DemoIdentities.SLDTBXH_SYSTEM);
    }

    // ---- task-service

    @Test
    @Order(2)
    void the_task_service_admits_exactly_the_callers_its_matrix_names() {
        // given: an issued plan, and two tasks led by BDT-14 — within the dates BDT-14 exists (it ended on
        // 2025-02-28), since the real reference data, unlike the component tests' units, says so. The rows that
        // date a session or an extension after that day are therefore answered 400 for the callers let through,
        // which still shows that they were let through.
        HttpApi admin = api(Service.TASK, userToken(ADMIN));
        String planId = issuedPlan(api(Service.PLAN, userToken(ADMIN)), "KH-NV-" + tag, "UBND-14",
                "2021-01-01", "2025-12-31");
        String taskId = assignedTask(admin, """
                {"planId":"%s","title":"Quán triệt Nghị quyết 20-NQ/TU đến cán bộ Ban Dân tộc",
                 "kind":"DISSEMINATION","leadUnitCode":"BDT-14","startDate":"%s","dueDate":"%s"}"""
                .formatted(planId, OWN_UNIT_START, OWN_UNIT_LAST_DAY));
        String spareTaskId = assignedTask(admin, """
                {"planId":"%s","title":"Tổng hợp danh sách hộ cần hỗ trợ","kind":"REPORTING",
                 "leadUnitCode":"BDT-14","startDate":"%s","dueDate":"%s"}"""
                .formatted(planId, OWN_UNIT_START, OWN_UNIT_LAST_DAY));

        // when / then
        runMatrix(Service.TASK, Map.of("planId", planId, "taskId", taskId, "spareTaskId", spareTaskId));

        // then: the lead unit's officer reported, blocked, unblocked and completed the task, as recorded
        assertThat(admin.get("/api/v1/tasks/" + taskId).text("status")).isEqualTo("DONE");
        assertThat(admin.get("/api/v1/tasks/" + spareTaskId).text("status")).isEqualTo("CANCELLED");
        JsonNode audit = admin.get("/api/v1/tasks/" + taskId + "/audit").body().get("items");
        List<JsonNode> byPeople = new ArrayList<>();
        audit.forEach(entry -> {
            if (!"SYSTEM".equals(entry.get("actor").get("kind").asString())) {
                byPeople.add(entry);
            }
        });
        assertThat(byPeople.get(0).get("type").asString()).isEqualTo("task.TaskCreated.v1");
        assertThat(byPeople.get(0).get("actor").get("subject").asString()).isEqualTo(ADMIN.username());
        assertThat(byPeople).filteredOn(e -> OFFICER_OWN.username().equals(e.get("actor").get("subject").asString()))
                .extracting(e -> e.get("type").asString(), e -> e.get("actor").get("unit").asString(),
                        e -> e.get("actor").get("kind").asString())
                .containsExactly(tuple("task.TaskProgressReported.v1", OWN_UNIT, "USER"),
                        tuple("task.TaskBlocked.v1", OWN_UNIT, "USER"),
                        tuple("task.TaskUnblocked.v1", OWN_UNIT, "USER"),
                        tuple("task.TaskCompleted.v1", OWN_UNIT, "USER"));
        assertThat(byPeople).extracting(e -> e.get("actor").get("subject").asString())
                .containsOnly("admin", OFFICER_OWN.username());
    }

    // ---- report-service

    @Test
    @Order(3)
    void the_report_service_admits_exactly_the_callers_its_matrix_names() {
        // given: what the report-service knows comes from the real plan- and task-service: a plan the Ethnic Affairs
        // Committee issued, with five of its tasks past due (so the alert check raises an alert about BDT-14)
        HttpApi planAdmin = api(Service.PLAN, userToken(ADMIN));
        HttpApi taskAdmin = api(Service.TASK, userToken(ADMIN));
        HttpApi admin = api(Service.REPORT, userToken(ADMIN));
        HttpApi anonymous = api(Service.REPORT, null);
        int lastYear = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear() - 1;
        String planId = issuedPlan(planAdmin, "KH-BC-" + tag, OWN_UNIT, "2024-01-01", "2026-12-31");
        List<String> taskIds = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            taskIds.add(assignedTask(taskAdmin, """
                    {"planId":"%s","title":"Hỗ trợ giống cây trồng cho hộ nghèo, đợt %d","kind":"IMPLEMENTATION",
                     "leadUnitCode":"BDT-14","startDate":"%s","dueDate":"%s"}"""
                    .formatted(planId, i, OWN_UNIT_START, OWN_UNIT_LAST_DAY)));
        }
        String taskId = taskIds.get(0);
        await().atMost(CONVERGE).until(() -> {
            HttpApi.Response progress = admin.get("/api/v1/reports/plans/" + planId + "/progress");
            return progress.status() == 200 && progress.body().get("taskCount").asLong() == taskIds.size();
        });
        Map<String, String> fixtures = new LinkedHashMap<>();
        fixtures.put("unitCode", OWN_UNIT);
        fixtures.put("planId", planId);
        fixtures.put("taskId", taskId);
        // a draft report of BDT-14, by its officer
        HttpApi.Response drafted = api(Service.REPORT, userToken(OFFICER_OWN)).post("/api/v1/submissions", """
                {"unitCode":"BDT-14","period":"%d-H2","narrative":"Báo cáo 6 tháng cuối năm (dự thảo)."}"""
                .formatted(lastYear));
        assertThat(drafted.status()).as("draft: %s", drafted.body()).isEqualTo(201);
        fixtures.put("submissionId", drafted.text("id"));
        fixtures.put("newPeriod", (lastYear - 1) + "-H2");
        // feedback from the public on a task BDT-14 leads
        HttpApi.Response feedback = anonymous.post("/api/v1/feedback", """
                {"subjectKind":"TASK","taskId":"%s","rating":3,"text":"Giống cây đến muộn so với mùa vụ.",
                 "contact":"0987 654 321"}""".formatted(taskId));
        assertThat(feedback.status()).as("feedback: %s", feedback.body()).isEqualTo(201);
        fixtures.put("feedbackId", feedback.text("id"));
        // the plan of BDT-14 has five overdue tasks: the alert check raises an alert about it
        assertThat(admin.post("/api/v1/alerts/checks", null).status()).isEqualTo(200);
        JsonNode alerts = admin.get("/api/v1/alerts?kind=PLAN_OVERDUE_TASKS&status=RAISED&planId=" + planId).body()
                .get("items");
        assertThat(alerts).as("alerts about plan %s", planId).hasSize(1);
        fixtures.put("alertId", alerts.get(0).get("id").asString());
        // a published poverty review (uploaded by the administrator) and an open one (by the Labour department's
        // system, with its own token and scope)
        int year = lastYear + 1;
        int openYear = year + 1;
        awaitImport(upload(userToken(ADMIN), year, "HH-ST-" + tag + "-1"), userToken(ADMIN));
        HttpApi.Response published = admin.post("/api/v1/poverty/reviews/" + year + "/publish", null);
        assertThat(published.status()).as("publish %s: %s", year, published.body()).isEqualTo(200);
        JsonNode imported = awaitImport(upload(machineToken(), openYear, "HH-ST-" + tag + "-2"), machineToken());
        fixtures.put("year", String.valueOf(year));
        fixtures.put("openYear", String.valueOf(openYear));
        fixtures.put("householdCode", "HH-ST-" + tag + "-1");
        fixtures.put("importId", imported.get("id").asString());
        fixtures.put("standardCode", "ND07-2021");
        fixtures.put("noReviewYear", "2000");

        // when / then
        runMatrix(Service.REPORT, fixtures);

        // then: the allowed writes did what they say
        JsonNode openReview = admin.get("/api/v1/poverty/reviews/" + openYear).body();
        assertThat(openReview.get("status").asString()).isEqualTo("OPEN");
        assertThat(openReview.get("revision").asInt()).isPositive();
        assertThat(admin.get("/api/v1/submissions/" + fixtures.get("submissionId")).text("status"))
                .isEqualTo("RETURNED");
        assertThat(admin.get("/api/v1/feedback/" + fixtures.get("feedbackId")).text("status")).isEqualTo("ANSWERED");
        assertThat(admin.get("/api/v1/alerts/" + fixtures.get("alertId")).text("status")).isEqualTo("ACKNOWLEDGED");
        JsonNode submissionTrail = admin.get("/api/v1/submissions/" + fixtures.get("submissionId") + "/audit").body();
        assertThat(submissionTrail.get(0).get("actor").get("subject").asString()).isEqualTo(OFFICER_OWN.username());
        assertThat(submissionTrail.get(0).get("actor").get("unit").asString()).isEqualTo(OWN_UNIT);
        assertThat(imported.get("submittedBy").get("subject").asString()).isEqualTo(DemoIdentities.SLDTBXH_SYSTEM);
        assertThat(imported.get("submittedBy").get("kind").asString()).isEqualTo("MACHINE");
    }

    // ---- running a matrix

    /**
     * Checks that the service's matrix has a row for every operation of the running service's OpenAPI document, waits
     * until the stack has settled (outboxes published, consumers caught up, nothing stored changing), then runs every
     * row as every caller with a real token.
     */
    void runMatrix(Service service, Map<String, String> fixtures) {
        Path file = stack.projectRoot().resolve(service.moduleName()).resolve("src/test/resources/access")
                .resolve(service.moduleName() + ".matrix");
        AccessMatrix matrix = AccessMatrix.read(file);
        HttpApi.Response docs = api(service, null).get("/v3/api-docs");
        assertThat(docs.status()).as("%s /v3/api-docs", service.moduleName()).isEqualTo(200);
        matrix.assertCoversEveryEndpointOf(docs.body());
        Set<String> documented = new java.util.TreeSet<>();
        docs.body().get("paths").properties().forEach(path -> path.getValue().propertyNames().forEach(method ->
                documented.add(method.toUpperCase() + " " + path.getKey().replaceAll("\\{[^}]+}", "{}"))));
        assertThat(matrix.rows()).allSatisfy(row -> assertThat(documented).as("%s line %d", file, row.line())
                .contains(row.endpoint()));
        awaitSettled(service);
        Map<Who, HttpApi> callers = new EnumMap<>(Who.class);
        callers.put(Who.ADMIN, api(service, userToken(ADMIN)));
        callers.put(Who.OFFICER_OWN, api(service, userToken(OFFICER_OWN)));
        callers.put(Who.OFFICER_OTHER, api(service, userToken(OFFICER_OTHER)));
        callers.put(Who.VIEWER, api(service, userToken(VIEWER)));
        callers.put(Who.ANONYMOUS, api(service, null));
        callers.put(Who.MACHINE, api(service, machineToken()));

        Object before = stored.fingerprint(service);
        matrix.run(callers, fixtures, () -> stored.fingerprint(service));
        // the fingerprint sees what the API changes: the allowed writes of the run show in it
        assertThat(stored.fingerprint(service)).as("%s's data after the allowed writes", service.moduleName())
                .isNotEqualTo(before);

        // every row runs once per kind of caller
        requests.put(service, matrix.rows().size() * Who.values().length);
        System.out.printf("ACCESS-MATRIX %s: %d rows x %d callers = %d requests, all as %s says%n",
                service.moduleName(), matrix.rows().size(), Who.values().length, requests.get(service),
                stack.projectRoot().relativize(file));
    }

    /** No event waits in an outbox, the consumers have caught up, and the service's data stays put for a second. */
    void awaitSettled(Service service) {
        AtomicReference<Object> last = new AtomicReference<>();
        await().atMost(CONVERGE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            boolean quiet = stored.pendingEvents() == 0 && stored.consumerLag() == 0;
            Object now = stored.fingerprint(service);
            return quiet && now.equals(last.getAndSet(now));
        });
    }

    // ---- fixtures through the real APIs

    /** An ISSUED plan of BDT-14 for 2022–2024 with objective MT-1 and its indicator XA-DBKK. */
    String issuedPlanWithObjective(HttpApi admin, String code) {
        HttpApi.Response drafted = admin.post("/api/v1/plans", """
                {"code":"%s","title":"Kế hoạch của Ban Dân tộc thực hiện giảm nghèo","kind":"UNIT_PLAN",
                 "issuingUnitCode":"BDT-14","periodStart":"2022-03-20","periodEnd":"2024-12-31"}""".formatted(code));
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

    String issuedPlan(HttpApi admin, String code, String issuingUnit, String start, String end) {
        HttpApi.Response drafted = admin.post("/api/v1/plans", """
                {"code":"%s","title":"Kế hoạch thực hiện giảm nghèo bền vững","kind":"UNIT_PLAN",
                 "issuingUnitCode":"%s","periodStart":"%s","periodEnd":"%s"}"""
                .formatted(code, issuingUnit, start, end));
        assertThat(drafted.status()).as("%s", drafted.body()).isEqualTo(201);
        String id = drafted.text("id");
        HttpApi.Response issued = admin.post("/api/v1/plans/" + id + "/issue", "{\"issuedOn\":\"" + start + "\"}");
        assertThat(issued.status()).as("%s", issued.body()).isEqualTo(200);
        return id;
    }

    /** A task, created once the task-service knows its plan, and ASSIGNED once it knows the plan is issued. */
    String assignedTask(HttpApi admin, String json) {
        HttpApi.Response created = await().atMost(CONVERGE).until(() -> admin.post("/api/v1/tasks", json),
                r -> r.status() != 422);
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        String id = created.text("id");
        await().atMost(CONVERGE).until(() -> admin.get("/api/v1/tasks/" + id).text("status"), "ASSIGNED"::equals);
        return id;
    }

    /** One household in a CSV made from the year's template: the columns the report-service itself publishes. */
    Uploads.Response upload(String token, int year, String householdCode) {
        Uploads files = new Uploads(stack.url(Service.REPORT), "Bearer " + token);
        Uploads.Response template = files.get("/api/v1/poverty/reviews/" + year + "/template.csv");
        assertThat(template.status()).as("template %s: %s", year, template.text()).isEqualTo(200);
        List<String> columns = List.of(template.text().strip().replace("\uFEFF", "").split(","));
        Set<String> deprived = Set.of("EMPLOYMENT", "LATRINE", "TELECOM");
        List<String> cells = new ArrayList<>();
        for (String column : columns) {
            cells.add(switch (column) {
                case "householdCode" -> householdCode;
                case "communeCode" -> "03694";
                case "areaType" -> "RURAL";
                case "ethnicGroup" -> "Thái";
                case "members" -> "4";
                case "monthlyIncomePerCapita" -> "1000000";
                default -> column.matches("[A-Z_]+") ? (deprived.contains(column) ? "1" : "0") : "";
            });
        }
        byte[] csv = (String.join(",", columns) + "\n" + String.join(",", cells) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        return files.upload("/api/v1/poverty/reviews/" + year + "/imports", "ra-soat-" + year + ".csv", "text/csv",
                csv);
    }

    JsonNode awaitImport(Uploads.Response accepted, String token) {
        assertThat(accepted.status()).as("upload: %s", accepted.text()).isEqualTo(202);
        HttpApi caller = api(Service.REPORT, token);
        await().atMost(CONVERGE).until(() -> Set.of("COMPLETED", "FAILED")
                .contains(caller.get(accepted.location()).text("state")));
        JsonNode status = caller.get(accepted.location()).body();
        assertThat(status.get("state").asString()).as("%s", status).isEqualTo("COMPLETED");
        assertThat(status.get("rejected").asLong()).as("%s", status).isZero();
        return status;
    }

    // ---- callers with real tokens

    HttpApi api(Service service, String token) {
        HttpApi api = new HttpApi(stack.url(service));
        return token == null ? api : api.withToken(token);
    }

    /** The user's access token, from the issuer's login form (authorization code + PKCE), cached while it is good. */
    String userToken(DemoIdentities.Login user) {
        return stack.tokens().user(user.username(), user.password());
    }

    String machineToken() {
        return stack.tokens().machine(DemoIdentities.SLDTBXH_SYSTEM, DemoIdentities.machineSecret());
    }

    static JsonNode claims(String token) {
        return EventJson.mapper().readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asString()));
        }
        return values;
    }
}
