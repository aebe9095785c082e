package vn.giamngheo.report.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.report.calendar.ProvinceCalendar;
import vn.giamngheo.report.feedback.web.FeedbackAbuseProtection;
import vn.giamngheo.report.fixtures.Events;
import vn.giamngheo.report.fixtures.Events.Allocation;
import vn.giamngheo.report.fixtures.Events.Plan;
import vn.giamngheo.report.fixtures.Events.Task;
import vn.giamngheo.report.fixtures.ReportScenarioSupport;
import vn.giamngheo.report.poverty.domain.HouseholdRowParser;
import vn.giamngheo.report.poverty.reference.ReferenceData;
import vn.giamngheo.support.testing.Uploads;
import vn.giamngheo.support.testing.AccessMatrix;
import vn.giamngheo.support.testing.AccessMatrix.Who;
import vn.giamngheo.support.testing.EmittedEvents;
import vn.giamngheo.support.testing.HttpApi;
import vn.giamngheo.support.testing.MongoFingerprint;
import vn.giamngheo.support.testing.TestCaller;
import vn.giamngheo.support.testing.TopicProbe;

/**
 * Who may do what in the report-service: the access matrix (every endpoint × every kind of caller, the same file the
 * system tests run against the whole stack), and the rules that depend on the data — an officer acts only for their
 * own unit, other units' drafts stay private, the public sees no DRAFT plan, no open review's figures, no household
 * and no sender's contact — and that every change records who made it, in the event and in the audit trail.
 *
 * <p>The poverty reviews are one per year and all the scenarios share one database, so these scenarios borrow two
 * years from the upload scenarios and leave them as those expect them: {@value #YEAR} is published here and reopened
 * afterwards, {@value #OPEN_YEAR} stays open.
 */
abstract class AccessScenarios extends ReportScenarioSupport {

    static final String OWN = "BDT-14";
    static final String OTHER = "SXD-14";
    static final TestCaller MACHINE = TestCaller.machine("sldtbxh-system", "SLDTBXH-14", "api.read",
            "poverty.import");
    static final int YEAR = 2026;
    static final int OPEN_YEAR = 2027;
    static final ReferenceData DATA = ReferenceData.load();

    @Autowired
    ProvinceCalendar calendar;

    @Autowired
    FeedbackAbuseProtection feedbackProtection;

    /** This scenario published {@link #YEAR}: it is reopened afterwards, as the upload scenarios expect it open. */
    boolean publishedYear;

    @BeforeEach
    void fullFeedbackAllowances() {
        feedbackProtection.buckets().clear();
    }

    @AfterEach
    void reopenTheBorrowedYear() {
        feedbackProtection.buckets().clear();
        if (publishedYear) {
            HttpApi.Response reopened = api(TestCaller.ADMIN).post("/api/v1/poverty/reviews/" + YEAR + "/reopen",
                    "{\"reason\":\"Trả lại cho các kịch bản khác\"}");
            assertThat(reopened.status()).as("reopen %s: %s", YEAR, reopened.body()).isEqualTo(200);
        }
    }

    HttpApi api(TestCaller caller) {
        return publicApi().as(caller);
    }

    HttpApi publicApi() {
        return new HttpApi("http://localhost:" + port);
    }

    // ---- the access matrix

    @Test
    void every_endpoint_admits_exactly_the_callers_the_access_matrix_names() {
        // given
        AccessMatrix matrix = AccessMatrix.load("access/report-service.matrix");
        matrix.assertCoversEveryEndpointOf(api(TestCaller.ADMIN).get("/v3/api-docs").body());
        Map<String, String> fixtures = matrixFixtures();
        Map<Who, HttpApi> callers = Map.of(Who.ADMIN, api(TestCaller.ADMIN),
                Who.OFFICER_OWN, api(TestCaller.officerOf(OWN)), Who.OFFICER_OTHER, api(TestCaller.officerOf(OTHER)),
                Who.VIEWER, api(TestCaller.VIEWER), Who.ANONYMOUS, publicApi(), Who.MACHINE, api(MACHINE));

        // when / then
        matrix.run(callers, fixtures, () -> MongoFingerprint.of(mongo));

        // and the allowed writes did what they say: the open review was published and reopened, it is open again
        JsonNode openReview = api(TestCaller.ADMIN).get("/api/v1/poverty/reviews/" + OPEN_YEAR).body();
        assertThat(openReview.get("status").asString()).isEqualTo("OPEN");
        assertThat(openReview.get("revision").asInt()).isPositive();
        JsonNode submission = api(TestCaller.ADMIN).get("/api/v1/submissions/" + fixtures.get("submissionId"))
                .body();
        assertThat(submission.get("status").asString()).isEqualTo("RETURNED");
        assertThat(api(TestCaller.ADMIN).get("/api/v1/feedback/" + fixtures.get("feedbackId")).body().get("status")
                .asString()).isEqualTo("ANSWERED");
    }

    /** The fixtures the matrix file names, made as the other services and the callers would make them. */
    Map<String, String> matrixFixtures() {
        int lastYear = calendar.today().getYear() - 1;
        publishReferenceUnits();
        Plan plan = new Plan("07/KH-BDT", "Kế hoạch hỗ trợ sinh kế vùng đồng bào dân tộc thiểu số", "UNIT_PLAN", OWN,
                null, lastYear + "-01-01", (lastYear + 2) + "-12-31", Events.on(lastYear + "-01-02"))
                .issue(lastYear + "-01-05");
        Task task = new Task(plan, "Hỗ trợ giống cây trồng cho hộ nghèo", "IMPLEMENTATION", "NORMAL", OWN, List.of(),
                lastYear + "-01-10", (lastYear + 2) + "-06-30", Events.on(lastYear + "-01-06"));
        publish(plan.events);
        publish(task.events);
        awaitApplied(Map.of(plan.id, plan.version()), Map.of(task.id, task.version()), Map.of());
        Map<String, String> fixtures = new LinkedHashMap<>();
        fixtures.put("unitCode", OWN);
        fixtures.put("planId", plan.id);
        fixtures.put("taskId", task.id);
        // a draft of BDT-14, by its officer
        String period = lastYear + "-H2";
        HttpApi.Response drafted = api(TestCaller.officerOf(OWN)).post("/api/v1/submissions", """
                {"unitCode":"%s","period":"%s","narrative":"Báo cáo 6 tháng cuối năm (dự thảo)."}"""
                .formatted(OWN, period));
        assertThat(drafted.status()).as("draft: %s", drafted.body()).isEqualTo(201);
        fixtures.put("submissionId", drafted.text("id"));
        fixtures.put("newPeriod", (lastYear - 1) + "-H2");
        // feedback from the public on the task BDT-14 leads
        HttpApi.Response feedback = publicApi().post("/api/v1/feedback", """
                {"subjectKind":"TASK","taskId":"%s","rating":3,"text":"Giống cây đến muộn so với mùa vụ.",
                 "contact":"0987 654 321"}""".formatted(task.id));
        assertThat(feedback.status()).as("feedback: %s", feedback.body()).isEqualTo(201);
        fixtures.put("feedbackId", feedback.text("id"));
        // BDT-14 led the task in last year's first half and has not reported for it
        assertThat(api(TestCaller.ADMIN).post("/api/v1/alerts/checks", null).status()).isEqualTo(200);
        JsonNode alerts = api(TestCaller.ADMIN).get("/api/v1/alerts?kind=SUBMISSION_MISSING&status=RAISED&unitCode="
                + OWN + "&period=" + lastYear + "-H1").body().get("items");
        assertThat(alerts).hasSize(1);
        fixtures.put("alertId", alerts.get(0).get("id").asString());
        // a published review and an open one
        Map<String, String> poverty = povertyReviews();
        fixtures.putAll(poverty);
        fixtures.put("standardCode", "ND07-2021");
        fixtures.put("noReviewYear", "2000");
        return fixtures;
    }

    // ---- the poverty reviews the scenarios borrow

    /**
     * {@link #YEAR} published with household HH-AC-1 (uploaded by the administrator), {@link #OPEN_YEAR} open with
     * HH-AC-2 (uploaded by the labour department's system). Returns year, openYear, householdCode and importId.
     */
    Map<String, String> povertyReviews() {
        HttpApi admin = api(TestCaller.ADMIN);
        Uploads adminFiles = new Uploads("http://localhost:" + port, admin.authorization());
        awaitImport(adminFiles.upload("/api/v1/poverty/reviews/" + YEAR + "/imports", "ra-soat.csv", "text/csv",
                csv(YEAR, "HH-AC-1")), admin);
        HttpApi.Response published = admin.post("/api/v1/poverty/reviews/" + YEAR + "/publish", null);
        assertThat(published.status()).as("publish %s: %s", YEAR, published.body()).isEqualTo(200);
        publishedYear = true;
        HttpApi machine = api(MACHINE);
        JsonNode imported = awaitImport(new Uploads("http://localhost:" + port, machine.authorization())
                .upload("/api/v1/poverty/reviews/" + OPEN_YEAR + "/imports", "tu-dong.csv", "text/csv",
                        csv(OPEN_YEAR, "HH-AC-2")), machine);
        assertThat(admin.get("/api/v1/poverty/reviews/" + OPEN_YEAR).body().get("status").asString())
                .isEqualTo("OPEN");
        return Map.of("year", String.valueOf(YEAR), "openYear", String.valueOf(OPEN_YEAR),
                "householdCode", "HH-AC-1", "importId", imported.get("id").asString());
    }

    static byte[] csv(int year, String householdCode) {
        List<String> columns = HouseholdRowParser.columnsOf(DATA.standards().forYear(year));
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
        return (String.join(",", columns) + "\n" + String.join(",", cells) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    JsonNode awaitImport(Uploads.Response accepted, HttpApi caller) {
        assertThat(accepted.status()).as("upload: %s", accepted.body()).isEqualTo(202);
        await().atMost(SETTLE).until(() -> Set.of("COMPLETED", "FAILED")
                .contains(caller.get(accepted.location()).body().get("state").asString()));
        JsonNode status = caller.get(accepted.location()).body();
        assertThat(status.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(status.get("rejected").asLong()).isZero();
        return status;
    }

    // ---- rules that depend on the data

    @Test
    void a_units_report_is_drafted_and_submitted_by_its_own_officers_and_reviewed_by_the_administrator() {
        // given
        String unit = Events.uniqueUnitCode("PDT");
        String other = Events.uniqueUnitCode("PTC");
        publishUnits(List.of(Events.unit(unit, "AGENCY", "Phòng Dân tộc huyện (thử nghiệm)"),
                Events.unit(other, "AGENCY", "Phòng Tài chính huyện (thử nghiệm)")));
        String period = (calendar.today().getYear() - 1) + "-H1";
        String id = "SUB-" + unit + "-" + period;
        String draft = """
                {"unitCode":"%s","period":"%s","narrative":"Đã hỗ trợ 320 hộ đồng bào dân tộc thiểu số."}"""
                .formatted(unit, period);
        HttpApi own = api(TestCaller.officerOf(unit));
        HttpApi another = api(TestCaller.officerOf(other));
        HttpApi admin = api(TestCaller.ADMIN);

        // when
        HttpApi.Response draftedByAnother = another.post("/api/v1/submissions", draft);
        HttpApi.Response drafted = own.post("/api/v1/submissions", draft);
        HttpApi.Response draftReadByAnother = another.get("/api/v1/submissions/" + id);
        long draftsListedToAnother = another.get("/api/v1/submissions?unitCode=" + unit).body().get("total")
                .asLong();
        HttpApi.Response draftReadByViewer = api(TestCaller.VIEWER).get("/api/v1/submissions/" + id);
        HttpApi.Response editedByAnother = another.put("/api/v1/submissions/" + id, "{\"narrative\":\"Sửa\"}", null);
        HttpApi.Response submittedByAnother = another.post("/api/v1/submissions/" + id + "/submit", "{}");
        HttpApi.Response approvedByItsOwnOfficer = own.post("/api/v1/submissions/" + id + "/submit", "{}");
        HttpApi.Response selfApproval = own.post("/api/v1/submissions/" + id + "/approve",
                "{\"approvedBy\":\"UBND-14\"}");
        HttpApi.Response readByAnotherOnceSubmitted = another.get("/api/v1/submissions/" + id);
        HttpApi.Response approved = admin.post("/api/v1/submissions/" + id + "/approve",
                "{\"approvedBy\":\"UBND-14\"}");

        // then: only the unit's officer drafts and submits; others see the report once it is submitted
        assertThat(draftedByAnother.status()).isEqualTo(403);
        assertThat(draftedByAnother.contentType()).startsWith("application/problem+json");
        assertThat(draftedByAnother.text("type")).endsWith("/forbidden");
        assertThat(draftedByAnother.text("detail")).contains(unit).contains(other);
        assertThat(drafted.status()).isEqualTo(201);
        assertThat(draftReadByAnother.status()).isEqualTo(403);
        assertThat(draftReadByAnother.text("detail")).contains("draft of " + unit);
        assertThat(draftsListedToAnother).isZero();
        assertThat(draftReadByViewer.status()).isEqualTo(200);
        assertThat(editedByAnother.status()).isEqualTo(403);
        assertThat(submittedByAnother.status()).isEqualTo(403);
        assertThat(approvedByItsOwnOfficer.status()).isEqualTo(200);
        assertThat(selfApproval.status()).isEqualTo(403);
        assertThat(readByAnotherOnceSubmitted.status()).isEqualTo(200);
        assertThat(approved.status()).isEqualTo(200);

        // and: who did each step is in the audit trail and in the events
        List<String> trail = new ArrayList<>();
        admin.get("/api/v1/submissions/" + id + "/audit").body().forEach(e -> trail.add(e.get("type").asString()
                + " " + e.get("actor").get("subject").asString() + " " + e.get("actor").path("unit").asString("-")
                + " " + e.get("actor").get("kind").asString()));
        String officer = "officer-" + unit.toLowerCase(java.util.Locale.ROOT);
        assertThat(trail).containsExactly("report.SubmissionDrafted.v1 " + officer + " " + unit + " USER",
                "report.SubmissionSubmitted.v1 " + officer + " " + unit + " USER",
                "report.SubmissionApproved.v1 admin - USER");
        assertThat(publicApi().get("/api/v1/submissions/" + id + "/audit").status()).isEqualTo(401);
        List<JsonNode> events = events(id, 3);
        assertThat(events.get(0).get("actor").get("subject").asString()).isEqualTo(officer);
        assertThat(events.get(0).get("actor").get("unit").asString()).isEqualTo(unit);
        assertThat(events.get(0).get("actor").get("kind").asString()).isEqualTo("USER");
        assertThat(events.get(2).get("actor").get("subject").asString()).isEqualTo("admin");
    }

    @Test
    void feedback_is_public_without_the_senders_contact_and_answered_by_the_unit_it_is_addressed_to() {
        // given: a task led by a unit, in a commune
        String lead = Events.uniqueUnitCode("SXD");
        String commune = Events.uniqueUnitCode("XA");
        publishUnits(List.of(Events.unit(lead, "AGENCY", "Ban quản lý dự án (thử nghiệm)"),
                Events.unit(commune, "COMMUNE", "Xã Chiềng Khay (thử nghiệm)")));
        String start = calendar.today().withDayOfYear(1).toString();
        Plan plan = new Plan("93/KH-UBND", "Kế hoạch nước sạch nông thôn", "ANNUAL_PLAN", "UBND-14", null, start,
                calendar.today().plusYears(1).toString(), Events.on(start)).issue(start);
        Task task = new Task(plan, "Xây dựng công trình nước sạch bản Huổi Lèng", "INVESTMENT", "HIGH", lead,
                List.of(commune), start, calendar.today().plusMonths(3).toString(), Events.on(start));
        publish(plan.events);
        publish(task.events);
        awaitApplied(Map.of(plan.id, plan.version()), Map.of(task.id, task.version()), Map.of());

        // when: someone without a token gives feedback with a phone number
        HttpApi.Response sent = publicApi().post("/api/v1/feedback", """
                {"subjectKind":"TASK","taskId":"%s","communeCode":"%s","rating":2,
                 "text":"Nước chưa về đến bản.","contact":"0912 000 111"}""".formatted(task.id, commune));
        String id = sent.text("id");
        String path = "/api/v1/feedback/" + id;

        // then: the contact is only for those who answer
        assertThat(sent.status()).isEqualTo(201);
        assertThat(publicApi().get(path).body().has("contact")).isFalse();
        assertThat(publicApi().get(path).body().get("contactProvided").asBoolean()).isTrue();
        assertThat(api(TestCaller.VIEWER).get(path).body().has("contact")).isFalse();
        assertThat(api(TestCaller.officerOf(OTHER)).get(path).body().has("contact")).isFalse();
        assertThat(api(TestCaller.officerOf(lead)).get(path).text("contact")).isEqualTo("0912 000 111");
        assertThat(api(TestCaller.officerOf(commune)).get(path).text("contact")).isEqualTo("0912 000 111");
        assertThat(api(TestCaller.officerOf(lead)).get("/api/v1/feedback?taskId=" + task.id).body().toString())
                .doesNotContain("0912");

        // when: an officer of an unrelated unit, then the lead unit's officer answers
        HttpApi.Response answeredByAnother = api(TestCaller.officerOf(OTHER)).post(path + "/answer",
                "{\"answeredBy\":\"Sở Xây dựng\",\"response\":\"Đã ghi nhận\"}");
        HttpApi.Response answered = api(TestCaller.officerOf(lead)).post(path + "/answer",
                "{\"answeredBy\":\"Ban quản lý dự án\",\"response\":\"Công trình hoàn thành trong tháng tới.\"}");

        // then
        assertThat(answeredByAnother.status()).isEqualTo(403);
        assertThat(answeredByAnother.text("detail")).contains(lead).contains(commune).contains(OTHER);
        assertThat(answered.status()).isEqualTo(200);
        JsonNode trail = api(TestCaller.VIEWER).get(path + "/audit").body();
        assertThat(trail.get(0).get("actor").get("kind").asString()).isEqualTo("PUBLIC");
        assertThat(trail.get(0).get("actor").get("subject").asString()).isEqualTo("anonymous");
        assertThat(trail.get(1).get("actor").get("unit").asString()).isEqualTo(lead);
        assertThat(publicApi().get(path + "/audit").status()).isEqualTo(401);
        List<JsonNode> events = events(id, 2);
        assertThat(events.get(0).get("actor").get("kind").asString()).isEqualTo("PUBLIC");
        assertThat(events.get(1).get("actor").get("subject").asString())
                .isEqualTo("officer-" + lead.toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void an_alert_about_a_unit_is_acknowledged_by_that_units_officer_not_by_others() {
        // given: a commune that has led a task for over a year and never reported
        String commune = Events.uniqueUnitCode("XA");
        publishUnits(List.of(Events.unit(commune, "COMMUNE", "Ủy ban nhân dân xã thử nghiệm")));
        String created = calendar.today().minusDays(400).toString();
        Plan plan = new Plan("94/KH-UBND", "Kế hoạch giảm nghèo của xã", "UNIT_PLAN", commune, null, created,
                calendar.today().plusYears(1).toString(), Events.on(created)).issue(created);
        Task task = new Task(plan, "Hỗ trợ phát triển sản xuất", "IMPLEMENTATION", "NORMAL", commune, List.of(),
                created, calendar.today().plusDays(200).toString(), Events.on(created));
        publish(plan.events);
        publish(task.events);
        awaitApplied(Map.of(plan.id, plan.version()), Map.of(task.id, task.version()), Map.of());
        assertThat(api(TestCaller.officerOf(commune)).post("/api/v1/alerts/checks", null).status()).isEqualTo(403);
        assertThat(api(TestCaller.ADMIN).post("/api/v1/alerts/checks", null).status()).isEqualTo(200);
        String id = api(TestCaller.VIEWER).get("/api/v1/alerts?kind=SUBMISSION_MISSING&unitCode=" + commune).body()
                .get("items").get(0).get("id").asString();
        String body = "{\"acknowledgedBy\":\"UBND xã\",\"note\":\"Xã đang tổng hợp số liệu\"}";

        // when
        HttpApi.Response byAnother = api(TestCaller.officerOf(OTHER)).post("/api/v1/alerts/" + id + "/acknowledge",
                body);
        HttpApi.Response byViewer = api(TestCaller.VIEWER).post("/api/v1/alerts/" + id + "/acknowledge", body);
        HttpApi.Response byItsOfficer = api(TestCaller.officerOf(commune)).post("/api/v1/alerts/" + id
                + "/acknowledge", body);

        // then
        assertThat(byAnother.status()).isEqualTo(403);
        assertThat(byAnother.text("detail")).contains(commune);
        assertThat(byViewer.status()).isEqualTo(403);
        assertThat(byItsOfficer.status()).isEqualTo(200);
        assertThat(byItsOfficer.text("status")).isEqualTo("ACKNOWLEDGED");
        JsonNode trail = api(TestCaller.officerOf(OTHER)).get("/api/v1/alerts/" + id + "/audit").body();
        assertThat(trail).hasSize(2);
        assertThat(trail.get(0).get("type").asString()).isEqualTo("report.AlertRaised.v1");
        assertThat(trail.get(1).get("actor").get("unit").asString()).isEqualTo(commune);
        assertThat(publicApi().get("/api/v1/alerts/" + id).status()).isEqualTo(401);
    }

    @Test
    void the_public_sees_no_draft_plan_in_the_reports() {
        // given: an issued plan with a DRAFT sub-plan, both with an indicator and funding
        int year = calendar.today().getYear();
        String start = year + "-01-01";
        Plan issued = new Plan("95/KH-UBND", "Kế hoạch giảm nghèo bền vững năm " + year, "ANNUAL_PLAN", "UBND-14",
                null, start, year + "-12-31", Events.on(start))
                .objective("MT-1", "Giảm nghèo", Events.on(start))
                .indicator("MT-1", "TL-PUB", "Tỷ lệ hộ nghèo", "%", "DECREASE", year - 1, "12.0", "PROVINCE",
                        List.of(Events.target(year, null, "10.0")), Events.on(start))
                .issue(start);
        Plan draft = new Plan("96/KH-UBND", "Dự thảo kế hoạch hỗ trợ nhà ở", "ANNUAL_PLAN", "UBND-14", issued, start,
                year + "-12-31", Events.on(start))
                .objective("MT-1", "Nhà ở", Events.on(start))
                .indicator("MT-1", "TL-DRAFT", "Số nhà được hỗ trợ", "nhà", "INCREASE", year - 1, "0", "PROVINCE",
                        List.of(Events.target(year, null, "500")), Events.on(start));
        Allocation issuedMoney = new Allocation(issued, "SLDTBXH-14", "CENTRAL_BUDGET", "SUSTAINABLE_POVERTY_REDUCTION",
                year, 1_000_000_000L, start);
        String builder = Events.uniqueUnitCode("SXD");
        Allocation draftMoney = new Allocation(draft, builder, "LOCAL_BUDGET", "SUSTAINABLE_POVERTY_REDUCTION",
                year, 400_000_000L, start);
        publish(issued.events);
        publish(draft.events);
        publish(issuedMoney.events);
        publish(draftMoney.events);
        awaitApplied(Map.of(issued.id, issued.version(), draft.id, draft.version()), Map.of(),
                Map.of(issuedMoney.id, 1L, draftMoney.id, 1L));
        HttpApi viewer = api(TestCaller.VIEWER);

        // when / then: the draft is unknown to the public, known to signed-in readers
        String draftProgress = "/api/v1/reports/plans/" + draft.id + "/progress";
        assertThat(publicApi().get(draftProgress).status()).isEqualTo(404);
        assertThat(publicApi().get(draftProgress + ".csv").status()).isEqualTo(404);
        assertThat(viewer.get(draftProgress).status()).isEqualTo(200);
        String issuedProgress = "/api/v1/reports/plans/" + issued.id + "/progress";
        assertThat(publicApi().get(issuedProgress).body().get("rollup").get("planCount").asInt()).isEqualTo(1);
        assertThat(viewer.get(issuedProgress).body().get("rollup").get("planCount").asInt()).isEqualTo(2);
        String indicators = "/api/v1/reports/indicators?includeSubPlans=true&planId=" + issued.id;
        assertThat(codes(publicApi().get(indicators).body())).containsExactly("TL-PUB");
        assertThat(codes(viewer.get(indicators).body())).containsExactlyInAnyOrder("TL-PUB", "TL-DRAFT");
        assertThat(publicApi().get("/api/v1/reports/indicators?planId=" + draft.id).status()).isEqualTo(404);
        String funding = "/api/v1/reports/funding?planId=" + issued.id;
        assertThat(publicApi().get(funding).body().get("total").get("allocated").asLong()).isEqualTo(1_000_000_000L);
        assertThat(viewer.get(funding).body().get("total").get("allocated").asLong()).isEqualTo(1_400_000_000L);
        Uploads publicFiles = new Uploads("http://localhost:" + port, null);
        for (String export : List.of(issuedProgress + ".xlsx", issuedProgress + ".csv", issuedProgress + ".html",
                "/api/v1/reports/scorecards.xlsx", "/api/v1/reports/scorecards.csv",
                "/api/v1/reports/scorecards.html", "/api/v1/reports/indicators.xlsx?planId=" + issued.id,
                "/api/v1/reports/indicators.csv?planId=" + issued.id,
                "/api/v1/reports/indicators.html?planId=" + issued.id)) {
            assertThat(publicFiles.get(export).status()).as(export).isEqualTo(200);
        }
        assertThat(new String(publicFiles.get(indicators.replace("indicators?", "indicators.csv?")).bytes(),
                StandardCharsets.UTF_8)).contains("TL-PUB").doesNotContain("TL-DRAFT");
        String ofTheBuilder = "/api/v1/reports/funding?unitCode=" + builder;
        assertThat(publicApi().get(ofTheBuilder).body().get("total").get("allocated").asLong()).isZero();
        assertThat(viewer.get(ofTheBuilder).body().get("total").get("allocated").asLong()).isEqualTo(400_000_000L);
    }

    static List<String> codes(JsonNode rows) {
        return rows.valueStream().map(r -> r.get("indicatorCode").asString()).distinct().toList();
    }

    @Test
    void a_published_reviews_figures_are_public_an_open_reviews_and_the_households_are_not() {
        // given
        Map<String, String> reviews = povertyReviews();
        HttpApi anonymous = publicApi();
        HttpApi viewer = api(TestCaller.VIEWER);

        // when / then: the public reads published figures only, never a household
        assertThat(anonymous.get("/api/v1/poverty/reviews/" + YEAR + "/rates?by=PROVINCE").status()).isEqualTo(200);
        HttpApi.Response openRates = anonymous.get("/api/v1/poverty/reviews/" + OPEN_YEAR + "/rates");
        assertThat(openRates.status()).isEqualTo(401);
        assertThat(openRates.contentType()).startsWith("application/problem+json");
        assertThat(viewer.get("/api/v1/poverty/reviews/" + OPEN_YEAR + "/rates").body().get("provisional")
                .asBoolean()).isTrue();
        Uploads publicFiles = new Uploads("http://localhost:" + port, null);
        Uploads.Response workbook = publicFiles.get("/api/v1/poverty/reviews/" + YEAR + "/rates.xlsx");
        assertThat(workbook.status()).isEqualTo(200);
        assertThat(workbook.contentType()).contains("spreadsheetml");
        assertThat(publicFiles.get("/api/v1/poverty/reviews/" + OPEN_YEAR + "/rates.xlsx").status()).isEqualTo(401);
        assertThat(new Uploads("http://localhost:" + port, viewer.authorization())
                .get("/api/v1/poverty/reviews/" + OPEN_YEAR + "/rates.xlsx").status()).isEqualTo(200);
        assertThat(publicFiles.get("/api/v1/poverty/reviews/" + OPEN_YEAR + "/template.csv").status())
                .isEqualTo(401);
        List<Integer> listed = new ArrayList<>();
        anonymous.get("/api/v1/poverty/reviews").body().forEach(r -> listed.add(r.get("year").asInt()));
        assertThat(listed).contains(YEAR).doesNotContain(OPEN_YEAR);
        assertThat(viewer.get("/api/v1/poverty/reviews").body().toString()).contains("\"year\":" + OPEN_YEAR);
        assertThat(anonymous.get("/api/v1/poverty/reviews/" + YEAR + "/households/HH-AC-1").status())
                .isEqualTo(401);
        assertThat(api(TestCaller.officerOf(OTHER)).get("/api/v1/poverty/reviews/" + YEAR + "/households/HH-AC-1")
                .status()).isEqualTo(200);
        // an importer without api.read follows its imports but reads nothing else
        HttpApi importOnly = api(TestCaller.machine("sldtbxh-system", "SLDTBXH-14", "poverty.import"));
        assertThat(importOnly.get("/api/v1/poverty/imports/" + reviews.get("importId")).status()).isEqualTo(200);
        assertThat(new Uploads("http://localhost:" + port, importOnly.authorization())
                .get("/api/v1/poverty/reviews/" + OPEN_YEAR + "/template.csv").status()).isEqualTo(200);
        assertThat(importOnly.get("/api/v1/poverty/reviews/" + OPEN_YEAR + "/rates").status()).isEqualTo(403);
        assertThat(importOnly.post("/api/v1/poverty/reviews/" + OPEN_YEAR + "/publish", null).status())
                .isEqualTo(403);

        // and: who imported and who published is on record
        JsonNode imported = viewer.get("/api/v1/poverty/imports/" + reviews.get("importId")).body();
        assertThat(imported.get("submittedBy").get("subject").asString()).isEqualTo("sldtbxh-system");
        assertThat(imported.get("submittedBy").get("unit").asString()).isEqualTo("SLDTBXH-14");
        assertThat(imported.get("submittedBy").get("kind").asString()).isEqualTo("MACHINE");
        JsonNode trail = viewer.get("/api/v1/poverty/reviews/" + YEAR + "/audit").body();
        JsonNode last = trail.get(trail.size() - 1);
        assertThat(last.get("type").asString()).isEqualTo("report.PovertyReviewPublished.v1");
        assertThat(last.get("actor").get("subject").asString()).isEqualTo("admin");
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.REPORT_EVENTS)) {
            String reviewId = "PR-14-" + YEAR;
            String published = "report.PovertyReviewPublished.v1";
            await().atMost(SETTLE).until(() -> probe.recordsOf(reviewId).stream()
                    .anyMatch(r -> published.equals(TopicProbe.header(r, "ce_type"))));
            ConsumerRecord<String, byte[]> publication = probe.recordsOf(reviewId).stream()
                    .filter(r -> published.equals(TopicProbe.header(r, "ce_type"))).reduce((a, b) -> b)
                    .orElseThrow();
            assertThat(EmittedEvents.assertMatchesContract(publication, Topics.REPORT_EVENTS).get("actor")
                    .get("subject").asString()).isEqualTo("admin");
        }
    }

    /** The events of an aggregate on report.events, at least {@code atLeast}, each checked against its contract. */
    List<JsonNode> events(String aggregateId, int atLeast) {
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.REPORT_EVENTS)) {
            await().atMost(SETTLE).until(() -> probe.recordsOf(aggregateId).size() >= atLeast);
            List<JsonNode> payloads = new ArrayList<>();
            probe.recordsOf(aggregateId).forEach(r -> payloads.add(EmittedEvents.assertMatchesContract(r,
                    Topics.REPORT_EVENTS)));
            return payloads;
        }
    }
}
