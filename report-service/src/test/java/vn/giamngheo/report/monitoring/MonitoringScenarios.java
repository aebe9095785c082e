package vn.giamngheo.report.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventJson;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.report.ReportProjections;
import vn.giamngheo.report.calendar.ProvinceCalendar;
import vn.giamngheo.report.feedback.FeedbackStore;
import vn.giamngheo.report.fixtures.Events;
import vn.giamngheo.report.fixtures.ReportHttp;
import vn.giamngheo.report.fixtures.ReportScenarioSupport;
import vn.giamngheo.report.funding.AllocationViews;
import vn.giamngheo.report.funding.FundingQuery;
import vn.giamngheo.report.period.ReportPeriod;
import vn.giamngheo.report.plan.PlanViews;
import vn.giamngheo.report.poverty.indicators.IndicatorActuals;
import vn.giamngheo.report.progress.PlanProgressQuery;
import vn.giamngheo.report.scorecard.ScorecardQuery;
import vn.giamngheo.report.task.TaskViews;
import vn.giamngheo.report.unit.UnitViews;
import vn.giamngheo.support.consume.IncomingEventReader;
import vn.giamngheo.support.consume.VersionedCopies;
import vn.giamngheo.support.testing.EmittedEvents;
import vn.giamngheo.support.testing.TopicProbe;

/**
 * The monitoring views over realistic data (the Sơn La program, 2022–2025): plan progress with roll-ups and as-of
 * views, unit scorecards, indicators against targets, funding — each compared with figures derived independently
 * from the events sent ({@link Oracle}); the exports against the API; and a replay of the topics into an empty
 * database. The program is published once per context (its units and periods are shared by the tests).
 */
abstract class MonitoringScenarios extends ReportScenarioSupport {

    private static final Map<String, SonLaProgram> PUBLISHED = new ConcurrentHashMap<>();

    @Autowired
    ProvinceCalendar calendar;

    @Autowired
    MongoClient mongoClient;

    SonLaProgram world;

    @BeforeEach
    void publishTheProgramOnce() {
        world = PUBLISHED.computeIfAbsent(mongo.getDb().getName(), db -> {
            publishReferenceUnits();
            SonLaProgram program = new SonLaProgram();
            publish(program.events());
            return program;
        });
        awaitApplied(world.planVersions(), world.taskVersions(), world.allocationVersions());
    }

    JsonNode progress(String planId, String query) {
        return http.getJson("/api/v1/reports/plans/" + planId + "/progress" + query);
    }

    static void assertFigures(JsonNode actual, Oracle.Progress expected) {
        assertThat(actual.get("taskCount").asLong()).isEqualTo(expected.taskCount());
        expected.byStatus().forEach((status, count) ->
                assertThat(actual.get("tasksByStatus").get(status).asLong()).as(status).isEqualTo(count));
        assertThat(actual.get("averagePercentComplete").asDouble()).isEqualTo(expected.average());
        assertThat(actual.get("weightedPercentComplete").asDouble()).isEqualTo(expected.weighted());
        assertThat(actual.get("overdueTasks").asLong()).isEqualTo(expected.overdue());
        assertThat(actual.get("doneTasks").asLong()).isEqualTo(expected.done());
        assertThat(actual.get("doneOnTime").asLong()).isEqualTo(expected.doneOnTime());
    }

    @Test
    void plan_progress_rolls_up_the_plan_hierarchy_now_and_as_of_a_past_day() {
        // given
        LocalDate today = calendar.today();
        LocalDate midYear = LocalDate.of(2023, 6, 30);
        Instant midYearCutoff = calendar.endOf(midYear);

        // when
        JsonNode resolution = progress(world.resolution.id, "");
        JsonNode program = progress(world.program.id, "");
        JsonNode resolutionThen = progress(world.resolution.id, "?asOf=" + midYear);
        JsonNode labourThen = progress(world.labour.id, "?asOf=" + midYear);

        // then: each plan's own tasks, and the roll-up over the whole hierarchy
        assertFigures(resolution, Oracle.progress(world.tasksOf(world.resolution), null, today));
        assertFigures(program, Oracle.progress(world.tasksOf(world.program), null, today));
        assertFigures(resolution.get("rollup"), Oracle.progress(world.tasks, null, today));
        assertFigures(program.get("rollup"), Oracle.progress(world.tasksOf(world.program, world.ethnicAffairs,
                world.labour), null, today));
        assertThat(resolution.get("rollup").get("planCount").asInt()).isEqualTo(4);
        assertThat(resolution.get("rollup").get("taskCount").asLong()).isEqualTo(15);
        assertThat(resolution.get("rollup").get("overdueTasks").asLong()).isEqualTo(5);
        assertThat(resolution.get("rollup").get("tasksByStatus").get("BLOCKED").asLong()).isEqualTo(1);
        assertThat(resolution.get("children")).singleElement().satisfies(child -> {
            assertThat(child.get("code").asString()).isEqualTo("61/KH-UBND");
            assertThat(child.get("planCount").asInt()).isEqualTo(3);
            assertThat(child.get("taskCount").asLong()).isEqualTo(14);
        });
        assertThat(program.get("children")).extracting(c -> c.get("code").asString())
                .containsExactly("12/KH-SLDTBXH", "45/KH-BDT");
        // as of 30/06/2023: tasks created later are not there yet, done ones were open, due dates as they were
        assertFigures(resolutionThen.get("rollup"), Oracle.progress(world.tasks, midYearCutoff, midYear));
        assertThat(resolutionThen.get("asOf").asString()).isEqualTo("2023-06-30");
        assertThat(resolutionThen.get("rollup").get("taskCount").asLong()).isEqualTo(10);
        assertThat(resolutionThen.get("rollup").get("weightedPercentComplete").asDouble())
                .isNotEqualTo(resolution.get("rollup").get("weightedPercentComplete").asDouble());
        assertFigures(labourThen, Oracle.progress(world.tasksOf(world.labour), midYearCutoff, midYear));
        assertThat(labourThen.get("taskCount").asLong()).isZero();
        assertThat(http.get("/api/v1/reports/plans/" + world.labour.id + "/progress?asOf=2022-01-01").status())
                .isEqualTo(404);
        ReportHttp.Response future = http.get("/api/v1/reports/plans/" + world.program.id + "/progress?asOf="
                + today.plusDays(2));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
    }

    @Test
    void unit_scorecards_count_what_each_unit_led_coordinated_and_disseminated_in_a_period() {
        // given
        List<String> units = List.of("SXD-14", "SLDTBXH-14", "BDT-14", "STTTT-14", "SGDDT-14", "H-118", "H-128",
                "TU-14", "SYT-14");
        record Case(String period, String asOf, LocalDate start, LocalDate end, LocalDate day) {
        }
        List<Case> cases = List.of(
                new Case("2023", null, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31),
                        LocalDate.of(2023, 12, 31)),
                new Case("2022", null, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31),
                        LocalDate.of(2022, 12, 31)),
                new Case("2024-H1", "2024-05-01", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30),
                        LocalDate.of(2024, 5, 1)));

        for (Case c : cases) {
            for (String unit : units) {
                // when
                JsonNode card = http.getJson("/api/v1/reports/units/" + unit + "/scorecard?period=" + c.period()
                        + (c.asOf() == null ? "" : "&asOf=" + c.asOf()));

                // then
                Oracle.Card expected = Oracle.card(unit, world.tasks, c.start(), c.end(), c.day());
                String what = unit + " " + c.period();
                assertThat(card.get("evaluatedOn").asString()).isEqualTo(c.day().toString());
                assertThat(card.get("tasksLed").asLong()).as(what).isEqualTo(expected.led());
                assertThat(card.get("tasksCoordinated").asLong()).as(what).isEqualTo(expected.coordinated());
                assertThat(card.get("done").asLong()).as(what).isEqualTo(expected.done());
                assertThat(card.get("doneOnTime").asLong()).as(what).isEqualTo(expected.onTime());
                assertThat(card.get("overdue").asLong()).as(what).isEqualTo(expected.overdue());
                assertThat(card.get("open").asLong()).as(what).isEqualTo(expected.open());
                assertThat(doubleOrNull(card.get("onTimeRate"))).as(what).isEqualTo(expected.onTimeRate());
                assertThat(doubleOrNull(card.get("averageDelayDays"))).as(what).isEqualTo(expected.averageDelay());
                assertThat(card.get("coordinatedDone").asLong()).as(what).isEqualTo(expected.coordinatedDone());
                assertThat(card.get("coordinatedOverdue").asLong()).as(what).isEqualTo(expected.coordinatedOverdue());
                JsonNode dissemination = card.get("dissemination");
                assertThat(dissemination.get("tasks").asInt()).as(what).isEqualTo(expected.disseminationTasks());
                assertThat(dissemination.get("officialsReached").asLong()).as(what).isEqualTo(expected.reached());
                assertThat(dissemination.get("officialsTotal").asLong()).as(what).isEqualTo(expected.officials());
                assertThat(doubleOrNull(dissemination.get("coverage"))).as(what).isEqualTo(expected.coverage());
            }
        }
        // and the figures are not trivial: in 2023 the Labour department led two tasks (one done) and coordinated two
        JsonNode labour2023 = http.getJson("/api/v1/reports/units/SLDTBXH-14/scorecard?period=2023");
        assertThat(labour2023.get("tasksLed").asLong()).isEqualTo(2);
        assertThat(labour2023.get("done").asLong()).isEqualTo(1);
        assertThat(labour2023.get("tasksCoordinated").asLong()).isEqualTo(2);
        JsonNode h118in2022 = http.getJson("/api/v1/reports/units/H-118/scorecard?period=2022");
        assertThat(h118in2022.get("dissemination").get("coverage").asDouble()).isEqualTo(95.8);
        assertThat(h118in2022.get("unitName").asString()).isEqualTo("Huyện Quỳnh Nhai");
        JsonNode all2023 = http.getJson("/api/v1/reports/scorecards?period=2023");
        assertThat(all2023.valueStream().map(c -> c.get("unitCode").asString()).toList())
                .contains("SXD-14", "SLDTBXH-14", "BDT-14", "SYT-14", "SGDDT-14").doesNotContain("SNNPTNT-14");
        assertThat(http.get("/api/v1/reports/units/KHONG-CO/scorecard?period=2023").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/reports/units/SXD-14/scorecard?period=2023-H3").status()).isEqualTo(400);
    }

    static Double doubleOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }

    @Test
    void funding_totals_match_the_allocations_by_source_program_unit_and_year() {
        // given: the last state of each allocation, as its events say
        Map<String, JsonNode> last = new HashMap<>();
        world.allocations.forEach(a -> last.put(a.id, Oracle.json(a.events.get(a.events.size() - 1))));
        List<JsonNode> active = last.values().stream().filter(a -> a.get("status").asString().equals("ACTIVE"))
                .toList();

        // when
        JsonNode all = http.getJson("/api/v1/reports/funding?planId=" + world.resolution.id);
        JsonNode programOnly = http.getJson("/api/v1/reports/funding?planId=" + world.program.id
                + "&includeSubPlans=false&year=2023");

        // then
        assertThat(all.get("planCount").asInt()).isEqualTo(4);
        assertThat(all.get("total").get("allocations").asLong()).isEqualTo(active.size()).isEqualTo(6);
        assertThat(all.get("total").get("allocated").asLong())
                .isEqualTo(active.stream().mapToLong(a -> a.get("allocatedAmount").asLong()).sum())
                .isEqualTo(30_100_000_000L);
        assertThat(all.get("total").get("disbursed").asLong())
                .isEqualTo(active.stream().mapToLong(a -> a.get("disbursedAmount").asLong()).sum())
                .isEqualTo(24_550_000_000L);
        assertThat(all.get("total").get("disbursementRate").asDouble()).isEqualTo(81.6);
        for (String dimension : List.of("source", "program", "unitCode", "year")) {
            String group = switch (dimension) {
                case "source" -> "bySource";
                case "program" -> "byProgram";
                case "unitCode" -> "byUnit";
                default -> "byYear";
            };
            Map<String, long[]> expected = new HashMap<>();
            for (JsonNode a : active) {
                long[] sums = expected.computeIfAbsent(a.get(dimension).asString(), k -> new long[2]);
                sums[0] += a.get("allocatedAmount").asLong();
                sums[1] += a.get("disbursedAmount").asLong();
            }
            assertThat(all.get(group).size()).as(group).isEqualTo(expected.size());
            for (JsonNode g : all.get(group)) {
                long[] sums = expected.get(g.get("key").asString());
                assertThat(g.get("allocated").asLong()).as(group + " " + g.get("key")).isEqualTo(sums[0]);
                assertThat(g.get("disbursed").asLong()).as(group + " " + g.get("key")).isEqualTo(sums[1]);
            }
        }
        assertThat(all.get("bySource").valueStream().filter(g -> g.get("key").asString().equals("CENTRAL_BUDGET"))
                .findFirst().orElseThrow().get("name").asString()).isEqualTo("Ngân sách trung ương");
        assertThat(programOnly.get("total").get("allocated").asLong()).isEqualTo(15_500_000_000L);
        assertThat(programOnly.get("total").get("disbursed").asLong()).isEqualTo(12_300_000_000L);
        assertThat(http.get("/api/v1/reports/funding?planId=" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void indicators_show_targets_against_approved_reports_and_poverty_review_results() {
        // given: the health department's approved annual reports, and a poverty review's results for a commune
        approveAnnualReport("SYT-14", "2023", "93.0");
        approveAnnualReport("SYT-14", "2024", "93.9");
        povertyActual("99901", 2023, 28.4);
        povertyActual("99901", 2024, 24.1);

        // when
        JsonNode rows = http.getJson("/api/v1/reports/indicators?planId=" + world.program.id);

        // then: health insurance 92% (2021) → 93.9% (2024): +0.633 a year → 94.53% in 2025 against 95%
        JsonNode bhyt2024 = row(rows, "TL-BHYT", null, 2024);
        assertThat(bhyt2024.get("target").decimalValue()).isEqualByComparingTo("94.0");
        assertThat(bhyt2024.get("latestActual").get("value").decimalValue()).isEqualByComparingTo("93.9");
        assertThat(bhyt2024.get("latestActual").get("source").asString()).isEqualTo("SUBMISSION");
        assertThat(bhyt2024.get("status").asString()).isEqualTo("AT_RISK");
        JsonNode bhyt2025 = row(rows, "TL-BHYT", null, 2025);
        BigDecimal projected = new BigDecimal("93.9").add(new BigDecimal("93.9").subtract(new BigDecimal("92.0"))
                .divide(BigDecimal.valueOf(3), java.math.MathContext.DECIMAL64))
                .setScale(2, java.math.RoundingMode.HALF_UP);
        assertThat(bhyt2025.get("projectedValue").decimalValue()).isEqualByComparingTo(projected)
                .isEqualByComparingTo("94.53");
        assertThat(bhyt2025.get("status").asString()).isEqualTo("OFF_TRACK");
        assertThat(bhyt2025.get("actuals")).hasSize(2);
        // the commune's poverty rate: 28.4% (2023) → 24.1% (2024) → 19.8% projected for 2025 against 20%
        JsonNode commune2025 = row(rows, "TL-HN", "99901", 2025);
        assertThat(commune2025.get("latestActual").get("source").asString()).isEqualTo("POVERTY_REVIEW");
        assertThat(commune2025.get("projectedValue").decimalValue()).isEqualByComparingTo("19.80");
        assertThat(commune2025.get("status").asString()).isEqualTo("ON_TRACK");
        assertThat(row(rows, "TL-HN", "99901", 2024).get("status").asString()).isEqualTo("ON_TRACK");
        JsonNode planWide = row(rows, "TL-HN", null, 2023);
        assertThat(planWide.get("baselineValue").decimalValue()).isEqualByComparingTo("21.66");
        assertThat(planWide.get("target").decimalValue()).isEqualByComparingTo("17.0");
        assertThat(planWide.get("nameVi").asString()).isEqualTo("Tỷ lệ hộ nghèo đa chiều");
        assertThat(row(rows, "TL-HN", null, 2024).get("target").decimalValue()).as("revised in 2024")
                .isEqualByComparingTo("15.0");
    }

    void approveAnnualReport(String unit, String period, String value) {
        String id = "SUB-" + unit + "-" + period;
        if (http.get("/api/v1/submissions/" + id).status() == 200) {
            return;
        }
        ReportHttp.Response drafted = http.post("/api/v1/submissions", """
                {"unitCode":"%s","period":"%s","narrative":"Báo cáo năm %s về bảo hiểm y tế",
                 "values":[{"planId":"%s","indicatorCode":"TL-BHYT","value":%s}]}"""
                .formatted(unit, period, period, world.program.id, value));
        assertThat(drafted.status()).as(drafted.text()).isEqualTo(201);
        assertThat(http.post("/api/v1/submissions/" + id + "/submit", "{}").status()).isEqualTo(200);
        assertThat(http.post("/api/v1/submissions/" + id + "/approve", "{\"approvedBy\":\"UBND-14\"}").status())
                .isEqualTo(200);
    }

    /** A published poverty review's result for a commune, recorded as the poverty review records it. */
    void povertyActual(String commune, int year, double rate) {
        String id = IndicatorActuals.id("MPR", "COMMUNE", commune, year);
        mongo.getCollection(IndicatorActuals.COLLECTION).replaceOne(new Document("_id", id), new Document("_id", id)
                .append("indicatorCode", "MPR").append("areaKind", "COMMUNE").append("areaCode", commune)
                .append("areaName", "Xã thử nghiệm").append("year", year).append("value", rate).append("unit", "%")
                .append("numerator", Math.round(rate * 10)).append("denominator", 1000L)
                .append("source", IndicatorActuals.SOURCE).append("reviewId", "PR-14-" + year).append("revision", 1)
                .append("standardCode", "ND07-2021").append("recordedAt", new Date()),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    static JsonNode row(JsonNode rows, String code, String area, int year) {
        return rows.valueStream().filter(r -> r.get("indicatorCode").asString().equals(code)
                        && (area == null ? r.get("areaCode").isNull() : area.equals(r.get("areaCode").asString()))
                        && r.get("year").asInt() == year).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + code + " " + area + " " + year + " in " + rows));
    }

    @Test
    void exports_open_as_xlsx_csv_and_html_with_the_same_figures_as_the_api() throws Exception {
        // given
        JsonNode api = progress(world.resolution.id, "");
        Map<String, JsonNode> own = new HashMap<>();
        for (var plan : world.plans()) {
            own.put(plan.code, progress(plan.id, ""));
        }

        // when
        ReportHttp.Response xlsx = http.get("/api/v1/reports/plans/" + world.resolution.id + "/progress.xlsx");
        ReportHttp.Response csv = http.get("/api/v1/reports/plans/" + world.resolution.id + "/progress.csv");
        ReportHttp.Response tasksCsv = http.get("/api/v1/reports/plans/" + world.resolution.id
                + "/progress.csv?table=tasks");
        ReportHttp.Response html = http.get("/api/v1/reports/plans/" + world.resolution.id + "/progress.html");

        // then: the workbook's summary sheet has each plan's own figures and the roll-up as its last line
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).startsWith("application/vnd.openxmlformats");
        assertThat(xlsx.header("Content-Disposition")).contains("tien-do-20-nq-tu-");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet summary = workbook.getSheet("Tổng hợp");
            Row header = summary.getRow(3);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Mã kế hoạch");
            assertThat(header.getCell(12).getStringCellValue()).isEqualTo("Tiến độ có trọng số (%)");
            for (int r = 4; r < 8; r++) {
                Row row = summary.getRow(r);
                JsonNode expected = own.get(row.getCell(0).getStringCellValue());
                assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(expected.get("taskCount").asDouble());
                assertThat(row.getCell(9).getNumericCellValue())
                        .isEqualTo(expected.get("tasksByStatus").get("DONE").asDouble());
                assertThat(row.getCell(11).getNumericCellValue())
                        .isEqualTo(expected.get("averagePercentComplete").asDouble());
                assertThat(row.getCell(12).getNumericCellValue())
                        .isEqualTo(expected.get("weightedPercentComplete").asDouble());
                assertThat(row.getCell(13).getNumericCellValue()).isEqualTo(expected.get("overdueTasks").asDouble());
            }
            Row total = summary.getRow(8);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Tổng cộng");
            JsonNode rollup = api.get("rollup");
            assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(rollup.get("taskCount").asDouble());
            assertThat(total.getCell(12).getNumericCellValue())
                    .isEqualTo(rollup.get("weightedPercentComplete").asDouble());
            assertThat(total.getCell(13).getNumericCellValue()).isEqualTo(rollup.get("overdueTasks").asDouble());
            assertThat(total.getCell(14).getNumericCellValue()).isEqualTo(rollup.get("doneOnTime").asDouble());
            Sheet tasks = workbook.getSheet("Nhiệm vụ");
            assertThat(tasks.getLastRowNum() - 3).isEqualTo(rollup.get("taskCount").asInt());
            long overdue = 0;
            for (int r = 4; r <= tasks.getLastRowNum(); r++) {
                overdue += tasks.getRow(r).getCell(9).getStringCellValue().equals("Có") ? 1 : 0;
            }
            assertThat(overdue).isEqualTo(rollup.get("overdueTasks").asLong());
        }
        List<CSVRecord> plans = csv(csv);
        assertThat(plans.get(0).values()).contains("Mã kế hoạch", "Tiến độ bình quân (%)", "Hoàn thành đúng hạn");
        CSVRecord csvTotal = plans.get(plans.size() - 1);
        assertThat(csvTotal.get(0)).isEqualTo("Tổng cộng");
        assertThat(Long.parseLong(csvTotal.get(4))).isEqualTo(api.get("rollup").get("taskCount").asLong());
        assertThat(Double.parseDouble(csvTotal.get(12)))
                .isEqualTo(api.get("rollup").get("weightedPercentComplete").asDouble());
        assertThat(csv(tasksCsv)).hasSize(1 + api.get("rollup").get("taskCount").asInt());
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.text()).contains("<title>Báo cáo tiến độ thực hiện 20-NQ/TU</title>")
                .contains("Tiến độ có trọng số (%)").contains("Hỗ trợ xây dựng mới, sửa chữa nhà ở");
    }

    @Test
    void scorecard_and_indicator_exports_hold_the_apis_figures() throws Exception {
        // given
        JsonNode api = http.getJson("/api/v1/reports/scorecards?period=2023");

        // when
        ReportHttp.Response xlsx = http.get("/api/v1/reports/scorecards.xlsx?period=2023");
        ReportHttp.Response csv = http.get("/api/v1/reports/scorecards.csv?period=2023");
        ReportHttp.Response indicators = http.get("/api/v1/reports/indicators.csv?planId=" + world.program.id);
        JsonNode indicatorRows = http.getJson("/api/v1/reports/indicators?planId=" + world.program.id);
        ReportHttp.Response html = http.get("/api/v1/reports/scorecards.html?period=2023");

        // then
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = workbook.getSheet("Đánh giá đơn vị");
            assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).isEqualTo("Tỷ lệ đúng hạn (%)");
            assertThat(sheet.getLastRowNum() - 2).isEqualTo(api.size());
            for (int i = 0; i < api.size(); i++) {
                Row row = sheet.getRow(3 + i);
                JsonNode card = api.get(i);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(card.get("unitCode").asString());
                assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(card.get("tasksLed").asDouble());
                assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(card.get("done").asDouble());
                assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(card.get("overdue").asDouble());
                assertThat(row.getCell(12).getNumericCellValue())
                        .isEqualTo(card.get("dissemination").get("officialsReached").asDouble());
            }
        }
        List<CSVRecord> records = csv(csv);
        assertThat(records).hasSize(1 + api.size());
        for (int i = 0; i < api.size(); i++) {
            CSVRecord record = records.get(1 + i);
            JsonNode card = api.get(i);
            assertThat(record.get(0)).isEqualTo(card.get("unitCode").asString());
            assertThat(record.get(1)).isEqualTo(card.get("unitName").isNull() ? "" : card.get("unitName").asString());
            assertThat(Long.parseLong(record.get(5))).isEqualTo(card.get("doneOnTime").asLong());
            assertThat(record.get(6)).isEqualTo(card.get("onTimeRate").isNull() ? ""
                    : String.valueOf(card.get("onTimeRate").asDouble()));
        }
        List<CSVRecord> indicatorCsv = csv(indicators);
        assertThat(indicatorCsv.get(0).values()).contains("Mã chỉ tiêu", "Mục tiêu năm", "Đánh giá");
        assertThat(indicatorCsv).hasSize(1 + indicatorRows.size());
        for (int i = 0; i < indicatorRows.size(); i++) {
            JsonNode row = indicatorRows.get(i);
            CSVRecord record = indicatorCsv.get(1 + i);
            assertThat(record.get(2)).isEqualTo(row.get("indicatorCode").asString());
            assertThat(Integer.parseInt(record.get(7))).isEqualTo(row.get("year").asInt());
            if (!row.get("target").isNull()) {
                assertThat(new BigDecimal(record.get(10))).isEqualByComparingTo(row.get("target").decimalValue());
            }
            if (!row.get("projectedValue").isNull()) {
                assertThat(new BigDecimal(record.get(14))).isEqualByComparingTo(row.get("projectedValue")
                        .decimalValue());
            }
        }
        assertThat(html.text()).contains("Bảng đánh giá kết quả thực hiện nhiệm vụ năm 2023")
                .contains("Sở Xây dựng tỉnh Sơn La");
    }

    static List<CSVRecord> csv(ReportHttp.Response response) throws Exception {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        byte[] bytes = response.bytes();
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        assertThat(bytes[1] & 0xFF).isEqualTo(0xBB);
        assertThat(bytes[2] & 0xFF).isEqualTo(0xBF);
        return CSVFormat.DEFAULT.parse(new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3),
                StandardCharsets.UTF_8)).getRecords();
    }

    @Test
    void replaying_the_topics_into_an_empty_database_rebuilds_identical_projections() {
        // given: every record the program put on the topics, as a new consumer would read them from the start
        Set<String> keys = new LinkedHashSet<>();
        world.plans().forEach(p -> keys.add(p.id));
        world.tasks.forEach(t -> keys.add(t.id));
        world.allocations.forEach(a -> keys.add(a.id));
        Events.referenceUnits().forEach(u -> keys.add(u.subject()));
        List<DomainEvent> sent = new ArrayList<>(world.events());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (TopicProbe plans = new TopicProbe(bootstrapServers, Topics.PLAN_EVENTS);
             TopicProbe tasks = new TopicProbe(bootstrapServers, Topics.TASK_EVENTS)) {
            await().atMost(SETTLE).until(() -> plans.records().stream().filter(r -> keys.contains(r.key())).count()
                    + tasks.records().stream().filter(r -> keys.contains(r.key())).count()
                    >= sent.size() + Events.referenceUnits().size());
            plans.records().stream().filter(r -> keys.contains(r.key())).forEach(records::add);
            tasks.records().stream().filter(r -> keys.contains(r.key())).forEach(records::add);
        }
        String database = "replay_" + UUID.randomUUID().toString().replace("-", "");
        MongoTemplate replay = new MongoTemplate(mongoClient, database);
        try {
            ReportProjections projections = ReportProjections.on(replay);
            IncomingEventReader reader = new IncomingEventReader();

            // when: everything is applied, then everything again (a redelivery of the whole history)
            for (int round = 0; round < 2; round++) {
                records.forEach(record -> projections.apply(reader.read(message(record))));
            }

            // then: the same documents, version for version, history entry for history entry
            for (String collection : List.of(PlanViews.COLLECTION, TaskViews.COLLECTION, AllocationViews.COLLECTION,
                    UnitViews.COLLECTION)) {
                List<Document> original = documents(mongo, collection, keys);
                List<Document> rebuilt = documents(replay, collection, keys);
                assertThat(rebuilt).as(collection).isNotEmpty().isEqualTo(original);
            }
            List<Document> originalHistory = mongo.find(Query.query(Criteria.where("taskId").in(keys))
                    .with(org.springframework.data.domain.Sort.by("_id")), Document.class, TaskViews.HISTORY);
            assertThat(replay.find(Query.query(Criteria.where("taskId").in(keys))
                    .with(org.springframework.data.domain.Sort.by("_id")), Document.class, TaskViews.HISTORY))
                    .as(TaskViews.HISTORY).hasSizeGreaterThan(world.tasks.size()).isEqualTo(originalHistory);
            assertThat(memberships(replay, keys)).as(TaskViews.PLAN_TASKS).isNotEmpty()
                    .isEqualTo(memberships(mongo, keys));
            // and the same reports computed from them
            VersionedCopies copies = new VersionedCopies(replay);
            PlanViews plans = new PlanViews(replay, copies);
            TaskViews tasks = new TaskViews(replay, copies);
            UnitViews units = new UnitViews(replay, copies);
            FeedbackStore feedback = FeedbackStore.readingFrom(replay);
            PlanProgressQuery progress = new PlanProgressQuery(plans, tasks, feedback, calendar);
            assertThat(tree(progress.of(world.resolution.id, null))).isEqualTo(progress(world.resolution.id, ""));
            assertThat(tree(progress.of(world.resolution.id, LocalDate.of(2024, 3, 31))))
                    .isEqualTo(progress(world.resolution.id, "?asOf=2024-03-31"));
            ScorecardQuery scorecards = new ScorecardQuery(tasks, units, feedback, calendar);
            assertThat(tree(scorecards.of("SXD-14", ReportPeriod.parse("2024"), null)))
                    .isEqualTo(http.getJson("/api/v1/reports/units/SXD-14/scorecard?period=2024"));
            assertThat(tree(new FundingQuery(replay, plans, units).report(new FundingQuery.Filter(world.resolution.id,
                    true, null, null, null, null))))
                    .isEqualTo(http.getJson("/api/v1/reports/funding?planId=" + world.resolution.id));
        } finally {
            mongoClient.getDatabase(database).drop();
        }
        // the records on the topic are what a department's system would see: valid against the contracts
        records.stream().limit(20).forEach(r -> EmittedEvents.assertMatchesContract(r, r.topic()));
    }

    @Test
    void the_api_is_described_in_the_openapi_document() {
        // when
        JsonNode paths = http.getJson("/v3/api-docs").get("paths");

        // then
        assertThat(paths.propertyNames()).contains("/api/v1/reports/plans/{planId}/progress",
                "/api/v1/reports/plans/{planId}/progress.xlsx", "/api/v1/reports/plans/{planId}/progress.csv",
                "/api/v1/reports/plans/{planId}/progress.html", "/api/v1/reports/units/{unitCode}/scorecard",
                "/api/v1/reports/scorecards", "/api/v1/reports/scorecards.xlsx", "/api/v1/reports/indicators",
                "/api/v1/reports/indicators.csv", "/api/v1/reports/funding", "/api/v1/submissions",
                "/api/v1/submissions/{id}", "/api/v1/submissions/{id}/approve", "/api/v1/submissions/overview",
                "/api/v1/feedback", "/api/v1/feedback/{id}/answer", "/api/v1/feedback/summary", "/api/v1/alerts",
                "/api/v1/alerts/checks", "/api/v1/alerts/{id}/acknowledge");
        assertThat(paths.get("/api/v1/submissions").get("post").get("summary").asString())
                .contains("DRAFT");
    }

    static JsonNode tree(Object value) {
        return EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(value));
    }

    /** Each plan's tasks, as sets: their order is the order the tasks were created in, which partitions interleave. */
    static Map<String, Set<String>> memberships(MongoTemplate template, Set<String> ids) {
        Map<String, Set<String>> result = new TreeMap<>();
        documents(template, TaskViews.PLAN_TASKS, ids).forEach(d -> result.put(d.getString("_id"),
                new TreeSet<>(d.getList("taskIds", String.class))));
        return result;
    }

    static List<Document> documents(MongoTemplate template, String collection, Set<String> ids) {
        return template.find(Query.query(Criteria.where("_id").in(ids)).with(
                org.springframework.data.domain.Sort.by("_id")), Document.class, collection);
    }

    /** A Kafka record as the binder hands it to the consumer function. */
    static Message<byte[]> message(ConsumerRecord<String, byte[]> record) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(record.value())
                .setHeader("kafka_receivedMessageKey", record.key());
        for (Header header : record.headers()) {
            builder.setHeader(header.key(), header.value());
        }
        return builder.build();
    }
}
