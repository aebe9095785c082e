package vn.giamngheo.report.poverty.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.census.HouseholdReviewRecorded;
import vn.giamngheo.report.fixtures.ReportScenarioSupport;
import vn.giamngheo.report.poverty.domain.HouseholdRowParser;
import vn.giamngheo.report.poverty.reference.ReferenceData;
import vn.giamngheo.support.testing.EmittedEvents;
import vn.giamngheo.support.testing.HttpApi;
import vn.giamngheo.support.testing.Uploads;
import vn.giamngheo.support.testing.TestCaller;
import vn.giamngheo.support.testing.TestProducer;
import vn.giamngheo.support.testing.TopicProbe;

/**
 * The poverty review end to end: uploads (CSV, XLSX) and census.households intake, classification, publication on
 * report.events, rates, MPI, movements, exports and the demo generator. Every test uses its own review years, so
 * the tests can share one context and database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = ReportScenarioSupport.SCENARIO_PROPERTIES)
abstract class PovertyReviewScenarios {

    static final Duration SETTLE = Duration.ofSeconds(30);
    static final ReferenceData DATA = ReferenceData.load();
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    HttpApi api;
    Uploads files;
    TestProducer producer;

    @BeforeEach
    void connect() {
        api = new HttpApi("http://localhost:" + port).as(TestCaller.ADMIN);
        files = new Uploads("http://localhost:" + port, api.authorization());
        producer = new TestProducer(bootstrapServers, "/giamngheo/labour-department");
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    // ---- CSV building: a row is the year's columns, flags 0 unless deprived, raw answers blank unless given

    static String header(int year) {
        return String.join(",", HouseholdRowParser.columnsOf(DATA.standards().forYear(year)));
    }

    static String row(int year, String code, String commune, String area, String ethnic, long income,
                      Map<String, String> overrides, String... deprived) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (String column : HouseholdRowParser.columnsOf(DATA.standards().forYear(year))) {
            cells.put(column, column.matches("[A-Z_]+") ? (Set.of(deprived).contains(column) ? "1" : "0") : "");
        }
        cells.put("householdCode", code);
        cells.put("communeCode", commune);
        cells.put("areaType", area);
        cells.put("ethnicGroup", ethnic);
        cells.put("members", "4");
        cells.put("monthlyIncomePerCapita", String.valueOf(income));
        cells.putAll(overrides);
        return String.join(",", cells.values());
    }

    static String row(int year, String code, String commune, String area, String ethnic, long income,
                      String... deprived) {
        return row(year, code, commune, area, ethnic, income, Map.of(), deprived);
    }

    static byte[] csv(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    JsonNode awaitImport(Uploads.Response accepted) {
        assertThat(accepted.status()).as("upload accepted: %s", accepted.body()).isEqualTo(202);
        assertThat(accepted.location()).isEqualTo("/api/v1/poverty/imports/" + accepted.body().get("id").asString());
        await().atMost(SETTLE).until(() -> {
            String state = api.get(accepted.location()).body().get("state").asString();
            return state.equals("COMPLETED") || state.equals("FAILED");
        });
        return api.get(accepted.location()).body();
    }

    JsonNode publish(int year) {
        HttpApi.Response review = api.get("/api/v1/poverty/reviews/" + year);
        HttpApi.Response published = api.post("/api/v1/poverty/reviews/" + year + "/publish", null, review.etag());
        assertThat(published.status()).as("publish: %s", published.body()).isEqualTo(200);
        return published.body();
    }

    /** The six households of the hand-computed example (also in RateTableTest), plus four bad rows. */
    static byte[] reviewFile(int year) {
        return csv(header(year),
                row(year, "HH-A", "03694", "RURAL", "Thái", 1_200_000, "EMPLOYMENT", "LATRINE", "TELECOM"),
                row(year, "HH-B", "03694", "RURAL", "Thái", 1_500_000, "LATRINE"),
                row(year, "HH-C", "03694", "RURAL", "Kinh", 2_000_000, "LATRINE", "EMPLOYMENT", "NUTRITION",
                        "TELECOM"),
                // 30 m² for 4 members is 7.5 m² per person: HOUSING_AREA follows from the raw answer
                row(year, "HH-D", "03703", "URBAN", "Kinh", 1_900_000, Map.of("HOUSING_AREA", "",
                        "floorAreaM2", "30"), "EMPLOYMENT", "LATRINE"),
                row(year, "HH-E", "03703", "URBAN", "Thái", 2_100_000),
                row(year, "HH-F", "04048", "RURAL", "Mông", 800_000, "DOMESTIC_WATER"),
                row(year, "HH-G", "04048", "RURAL", "Mông", 800_000, Map.of("members", "0")),
                row(year, "HH-H", "ABC", "RURAL", "Mông", 800_000),
                row(year, "HH-I", "04048", "RURAL", "Mông", 800_000, Map.of("LATRINE", "maybe")),
                row(year, "hh-a", "04048", "RURAL", "Mông", 900_000));
    }

    @Test
    void an_uploaded_review_is_imported_classified_published_and_announced_on_report_events() throws IOException {
        // given
        int year = 2023;

        // when: uploaded twice
        JsonNode first = awaitImport(files.upload("/api/v1/poverty/reviews/" + year + "/imports", "ra-soat.csv",
                CSV, reviewFile(year)));
        JsonNode again = awaitImport(files.upload("/api/v1/poverty/reviews/" + year + "/imports", "ra-soat.csv",
                CSV, reviewFile(year)));

        // then: good rows kept, bad rows reported by line with the reason; the second import changes nothing
        assertThat(first.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(first.get("rowsRead").asLong()).isEqualTo(10);
        assertThat(first.get("inserted").asLong()).isEqualTo(6);
        assertThat(first.get("rejected").asLong()).isEqualTo(4);
        assertThat(first.get("percent").asInt()).isEqualTo(100);
        List<String> errors = new ArrayList<>();
        first.get("firstErrors").forEach(e -> errors.add(e.get("line").asLong() + ":" + e.get("field").asString()));
        assertThat(errors).containsExactly("8:members", "9:communeCode", "10:LATRINE", "11:householdCode");
        assertThat(first.get("firstErrors").get(3).get("message").asString()).contains("dòng 2");
        HttpApi.Response errorPage = api.get("/api/v1/poverty/imports/" + first.get("id").asString()
                + "/errors?size=2&page=1");
        assertThat(errorPage.body().get("total").asLong()).isEqualTo(4);
        assertThat(errorPage.body().get("items").get(0).get("line").asLong()).isEqualTo(10);
        assertThat(again.get("inserted").asLong()).isZero();
        assertThat(again.get("updated").asLong()).isZero();
        assertThat(again.get("unchanged").asLong()).isEqualTo(6);
        assertThat(again.get("rejected").asLong()).isEqualTo(4);

        // and: a household's classification with its reasons
        JsonNode household = api.get("/api/v1/poverty/reviews/" + year + "/households/hh-d").body();
        assertThat(household.get("communeName").asString()).isEqualTo("Thị trấn Mường Giàng");
        assertThat(household.get("classification").get("classification").asString()).isEqualTo("POOR");
        assertThat(household.get("classification").get("incomeLine").asLong()).isEqualTo(2_000_000);
        assertThat(household.get("deprived").toString()).contains("HOUSING_AREA");
        assertThat(household.get("source").asString()).isEqualTo("CSV");
        assertThat(household.get("line").asLong()).isEqualTo(5);

        // when: published
        JsonNode provisional = api.get("/api/v1/poverty/reviews/" + year + "/rates?by=PROVINCE").body();
        JsonNode review = publish(year);

        // then: the event carries the hand-computed results and matches the contract
        assertThat(provisional.get("provisional").asBoolean()).isTrue();
        assertThat(review.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(review.get("revision").asInt()).isEqualTo(1);
        assertThat(review.get("households").asLong()).isEqualTo(6);
        assertThat(review.get("synthetic").asBoolean()).isFalse();
        String reviewId = "PR-14-" + year;
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.REPORT_EVENTS)) {
            await().atMost(SETTLE).until(() -> probe.recordsOf(reviewId).size() >= 2);
            List<ConsumerRecord<String, byte[]>> events = probe.recordsOf(reviewId);
            events.forEach(e -> EmittedEvents.assertMatchesContract(e, Topics.REPORT_EVENTS));
            assertThat(events).extracting(e -> TopicProbe.header(e, "ce_type"))
                    .containsExactly("report.PovertyReviewOpened.v1", "report.PovertyReviewPublished.v1");
            JsonNode published = EmittedEvents.assertMatchesContract(events.get(1), Topics.REPORT_EVENTS);
            assertThat(published.get("households").asLong()).isEqualTo(6);
            assertThat(published.get("poor").asLong()).isEqualTo(2);
            assertThat(published.get("nearPoor").asLong()).isEqualTo(2);
            assertThat(published.get("poorRate").decimalValue()).isEqualByComparingTo("33.33");
            assertThat(published.get("multidimensionalPovertyRate").decimalValue()).isEqualByComparingTo("66.67");
            assertThat(published.get("synthetic").asBoolean()).isFalse();
            Map<String, JsonNode> areas = new LinkedHashMap<>();
            published.get("areas").forEach(a -> areas.put(a.get("kind").asString() + "/" + a.get("code").asString(),
                    a));
            assertThat(areas.keySet()).contains("PROVINCE/14", "FORMER_DISTRICT/118", "FORMER_DISTRICT/128",
                    "COMMUNE/03694", "COMMUNE/03703", "COMMUNE/04048", "ETHNIC_GROUP/Thái", "ETHNIC_GROUP/Kinh",
                    "ETHNIC_GROUP/Mông", "ETHNICITY/ETHNIC_MINORITY", "ETHNICITY/KINH");
            assertThat(areas.get("ETHNICITY/ETHNIC_MINORITY").get("multidimensionalPovertyRate").decimalValue())
                    .isEqualByComparingTo("75.00");
            assertThat(areas.get("FORMER_DISTRICT/118").get("multidimensionalPovertyRate").decimalValue())
                    .isEqualByComparingTo("60.00");
            assertThat(areas.get("COMMUNE/03694").get("deprivations").get("LATRINE").asLong()).isEqualTo(3);
        }

        // and: recorded as indicator actuals, the rates are now the published ones
        JsonNode actuals = api.get("/api/v1/poverty/indicator-actuals?indicatorCode=MPR&areaCode=14&year=" + year)
                .body();
        assertThat(actuals).hasSize(1);
        assertThat(actuals.get(0).get("value").asDouble()).isEqualTo(66.67);
        assertThat(actuals.get(0).get("numerator").asLong()).isEqualTo(4);
        JsonNode em = api.get("/api/v1/poverty/indicator-actuals?indicatorCode=MPR_EM&year=" + year).body();
        assertThat(em.get(0).get("value").asDouble()).isEqualTo(75.0);
        JsonNode rates = api.get("/api/v1/poverty/reviews/" + year + "/rates?by=COMMUNE").body();
        assertThat(rates.get("provisional").asBoolean()).isFalse();
        assertThat(rates.get("areas")).hasSize(3);

        // and: the Alkire–Foster measure at the default k = 3/12 with weights 1/12: A, C, D are MPI-poor (C is
        // above the income line, the MPI does not look at income); H = 1/2, A = (10/12)/3 = 5/18, M0 = 5/36
        JsonNode mpi = api.get("/api/v1/poverty/reviews/" + year + "/mpi").body();
        JsonNode province = mpi.get("areas").get(0);
        assertThat(mpi.get("k").get("exact").asString()).isEqualTo("1/4");
        assertThat(mpi.get("weights").get("LATRINE").get("exact").asString()).isEqualTo("1/12");
        assertThat(province.get("h").get("exact").asString()).isEqualTo("1/2");
        assertThat(province.get("a").get("exact").asString()).isEqualTo("5/18");
        assertThat(province.get("m0").get("exact").asString()).isEqualTo("5/36");
        JsonNode byCommune = api.get("/api/v1/poverty/reviews/" + year + "/mpi?by=COMMUNE&k=1/3").body();
        assertThat(byCommune.get("areas")).hasSize(3);
        assertThat(byCommune.get("areas").get(0).get("q").asLong()).isEqualTo(1);

        // and: the XLSX export has Vietnamese headings and the figures
        Uploads.Response workbook = files.get("/api/v1/poverty/reviews/" + year + "/rates.xlsx");
        assertThat(workbook.status()).isEqualTo(200);
        assertThat(workbook.contentType()).startsWith(XLSX);
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook.bytes()))) {
            Sheet communes = read.getSheet("Theo xã");
            assertThat(communes.getRow(3).getCell(8).getStringCellValue()).isEqualTo("Tỷ lệ nghèo đa chiều (%)");
            assertThat(communes.getRow(3).getCell(9).getStringCellValue()).isEqualTo("Số hộ thiếu hụt: Việc làm");
            assertThat(communes.getRow(4).getCell(1).getStringCellValue()).isEqualTo("Xã Mường Giôn");
            assertThat(communes.getRow(4).getCell(8).getNumericCellValue()).isEqualTo(66.67);
            assertThat(read.getSheet("DTTS và Kinh").getRow(4).getCell(1).getStringCellValue())
                    .isEqualTo("Dân tộc thiểu số");
            assertThat(read.getSheet("Toàn tỉnh").getRow(0).getCell(0).getStringCellValue())
                    .contains("Kết quả rà soát hộ nghèo, hộ cận nghèo năm " + year);
        }

        // and: a published review takes no more households until it is reopened
        Uploads.Response refused = files.upload("/api/v1/poverty/reviews/" + year + "/imports", "ra-soat.csv", CSV,
                reviewFile(year));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        HttpApi.Response reopened = api.post("/api/v1/poverty/reviews/" + year + "/reopen",
                "{\"reason\":\"Phúc tra hộ HH-B\"}");
        assertThat(reopened.status()).isEqualTo(200);
        assertThat(reopened.body().get("status").asString()).isEqualTo("OPEN");
        JsonNode correction = awaitImport(files.upload("/api/v1/poverty/reviews/" + year + "/imports", "phuc-tra.csv",
                CSV, csv(header(year), row(year, "HH-B", "03694", "RURAL", "Thái", 1_500_000, "LATRINE", "TELECOM",
                        "EMPLOYMENT"))));
        assertThat(correction.get("updated").asLong()).isEqualTo(1);
        JsonNode second = publish(year);
        assertThat(second.get("revision").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/poverty/indicator-actuals?indicatorCode=POOR_HOUSEHOLDS&areaCode=14&year="
                + year).body().get(0).get("value").asDouble()).isEqualTo(3.0);
        HttpApi.Response stale = api.post("/api/v1/poverty/reviews/" + year + "/reopen", "{\"reason\":\"x\"}",
                "\"1\"");
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void an_xlsx_upload_is_read_like_a_csv_including_numbers_that_lost_their_leading_zero() throws IOException {
        // given: 2026 still uses the 2022–2025 standard
        int year = 2026;
        List<String> columns = HouseholdRowParser.columnsOf(DATA.standards().forYear(year));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("Danh sách hộ");
            XSSFRow header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i));
            }
            for (int r = 1; r <= 2; r++) {
                XSSFRow row = sheet.createRow(r);
                row.createCell(0).setCellValue("HH-X" + r);
                row.createCell(1).setCellValue(3694);
                row.createCell(2).setCellValue("nông thôn");
                row.createCell(3).setCellValue("Khơ Mú");
                row.createCell(4).setCellValue(5);
                row.createCell(5).setCellValue(r == 1 ? 1_400_000 : 1_600_000);
                for (int i = 8; i < columns.size(); i++) {
                    row.createCell(i).setCellValue(i < 11 ? 1 : 0);
                }
            }
            workbook.write(out);
        }

        // when
        JsonNode status = awaitImport(files.upload("/api/v1/poverty/reviews/" + year + "/imports", "ho.xlsx", XLSX,
                out.toByteArray()));

        // then
        assertThat(status.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(status.get("source").asString()).isEqualTo("XLSX");
        assertThat(status.get("inserted").asLong()).isEqualTo(2);
        JsonNode poor = api.get("/api/v1/poverty/reviews/" + year + "/households/HH-X1").body();
        assertThat(poor.get("communeCode").asString()).isEqualTo("03694");
        assertThat(poor.get("line").asLong()).isEqualTo(2);
        assertThat(poor.get("classification").get("classification").asString()).isEqualTo("POOR");
        assertThat(api.get("/api/v1/poverty/reviews/" + year + "/households/HH-X2").body().get("classification")
                .get("classification").asString()).isEqualTo("MIDDLE_INCOME");
    }

    static HouseholdReviewRecorded intake(int year, String code, long version, long income,
                                          Map<String, Boolean> deprivations) {
        return new HouseholdReviewRecorded(code, version, year, "03694", "RURAL", "Thái", 4, income, 1,
                new BigDecimal("40"), deprivations, Instant.now());
    }

    static Map<String, Boolean> flags(int year, String... deprived) {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        for (String code : DATA.standards().forYear(year).indicatorCodes()) {
            if (!code.equals("DEPENDANTS") && !code.equals("HOUSING_AREA")) {
                flags.put(code, Set.of(deprived).contains(code));
            }
        }
        return flags;
    }

    @Test
    void the_labour_departments_records_on_census_households_are_taken_in_and_bad_ones_parked() {
        // given: 2027, under Decree 351 (2,200,000 rural line, WASTE is an indicator)
        int year = 2027;

        // when: version 2, then a late version 1, then records that can never be accepted
        producer.publish(HouseholdReviewRecorded.TOPIC, intake(year, "HH-K1", 2, 2_100_000,
                flags(year, "WASTE", "LATRINE", "EMPLOYMENT")));
        producer.publish(HouseholdReviewRecorded.TOPIC, intake(year, "HH-K1", 1, 5_000_000, flags(year)));
        producer.publish(HouseholdReviewRecorded.TOPIC, intake(year, "HH-K2", 1, 1_000_000,
                flags(2024, "INFO_DEVICES")));
        HouseholdReviewRecorded bad = intake(year, "HH-K3", 1, 1_000_000, flags(year));
        producer.publishRaw(HouseholdReviewRecorded.TOPIC, bad,
                "{\"householdCode\":\"HH-K3\",\"version\":1,\"reviewYear\":2027}");
        producer.publish(HouseholdReviewRecorded.TOPIC, intake(year, "HH-K4", 1, 1_000_000, flags(year)));

        // then: the record is stored by its latest version and classified by the 2027 standard
        await().atMost(SETTLE).until(() -> api.get("/api/v1/poverty/reviews/" + year + "/households/HH-K4")
                .status() == 200);
        JsonNode household = api.get("/api/v1/poverty/reviews/" + year + "/households/HH-K1").body();
        assertThat(household.get("intakeVersion").asLong()).isEqualTo(2);
        assertThat(household.get("monthlyIncomePerCapita").asLong()).isEqualTo(2_100_000);
        assertThat(household.get("source").asString()).isEqualTo("KAFKA");
        assertThat(household.get("classification").get("classification").asString()).isEqualTo("POOR");
        assertThat(household.get("classification").get("standardCode").asString()).isEqualTo("ND351-2025");
        assertThat(api.get("/api/v1/poverty/reviews/" + year).body().get("status").asString()).isEqualTo("OPEN");
        try (TopicProbe dlt = new TopicProbe(bootstrapServers,
                Topics.deadLetter(HouseholdReviewRecorded.TOPIC, "report-service"))) {
            await().atMost(SETTLE).until(() -> !dlt.recordsOf(year + ":HH-K2").isEmpty()
                    && !dlt.recordsOf(year + ":HH-K3").isEmpty());
            assertThat(TopicProbe.header(dlt.recordsOf(year + ":HH-K2").get(0), "x-exception-message"))
                    .contains("INFO_DEVICES").contains("ND351-2025");
            assertThat(TopicProbe.header(dlt.recordsOf(year + ":HH-K3").get(0), "x-exception-message"))
                    .contains("violates its schema");
        }
        assertThat(api.get("/api/v1/poverty/reviews/" + year + "/households/HH-K2").status()).isEqualTo(404);
    }

    @Test
    void a_record_for_a_published_review_is_parked_not_applied() {
        // given
        int year = 2028;
        awaitImport(files.upload("/api/v1/poverty/reviews/" + year + "/imports", "ho.csv", CSV,
                csv(header(year), row(year, "HH-P1", "03694", "RURAL", "Thái", 1_000_000))));
        publish(year);

        // when
        producer.publish(HouseholdReviewRecorded.TOPIC, intake(year, "HH-P2", 1, 1_000_000, flags(year)));

        // then
        try (TopicProbe dlt = new TopicProbe(bootstrapServers,
                Topics.deadLetter(HouseholdReviewRecorded.TOPIC, "report-service"))) {
            await().atMost(SETTLE).until(() -> !dlt.recordsOf(year + ":HH-P2").isEmpty());
            assertThat(TopicProbe.header(dlt.recordsOf(year + ":HH-P2").get(0), "x-exception-message"))
                    .contains("published");
        }
        assertThat(api.get("/api/v1/poverty/reviews/" + year).body().get("households").asLong()).isEqualTo(1);
    }

    @Test
    void movements_across_the_commune_merger_are_counted_in_the_later_reviews_units() {
        // given: 2024 in the former communes, 2025 in the new units (Pá Ma Pha Khinh 03697 → Mường Giôn 03694)
        awaitImport(files.upload("/api/v1/poverty/reviews/2024/imports", "2024.csv", CSV, csv(header(2024),
                row(2024, "HH-M1", "03697", "RURAL", "Thái", 1_000_000, "EMPLOYMENT", "LATRINE", "TELECOM"),
                row(2024, "HH-M2", "03694", "RURAL", "Mông", 1_000_000, "EMPLOYMENT", "LATRINE", "TELECOM"),
                row(2024, "HH-M3", "03697", "RURAL", "Thái", 1_000_000, "EMPLOYMENT", "LATRINE", "TELECOM"),
                row(2024, "HH-M4", "03694", "RURAL", "Kinh", 3_000_000))));
        awaitImport(files.upload("/api/v1/poverty/reviews/2025/imports", "2025.csv", CSV, csv(header(2025),
                row(2025, "HH-M1", "03694", "RURAL", "Thái", 1_400_000, "LATRINE"),
                row(2025, "HH-M2", "03694", "RURAL", "Mông", 1_000_000, "EMPLOYMENT", "LATRINE", "TELECOM"),
                row(2025, "HH-M4", "03694", "RURAL", "Kinh", 1_000_000, "EMPLOYMENT", "LATRINE", "TELECOM"),
                row(2025, "HH-M5", "03694", "RURAL", "Kinh", 1_000_000, "EMPLOYMENT", "LATRINE", "TELECOM"))));

        // when
        JsonNode byCommune = api.get("/api/v1/poverty/movements?from=2024&to=2025").body();
        JsonNode byEthnicGroup = api.get("/api/v1/poverty/movements?from=2024&to=2025&by=ETHNIC_GROUP").body();

        // then: everything adds up in Mường Giôn: 3 poor in 2024 (M1, M2, M3), M1 escaped to near-poor, M2 stayed,
        // M3 left the record; M4 and M5 (new household) are new poverty
        assertThat(byCommune.get("areas")).hasSize(1);
        JsonNode muongGion = byCommune.get("areas").get(0);
        assertThat(muongGion.get("code").asString()).isEqualTo("03694");
        assertThat(muongGion.get("poorFrom").asLong()).isEqualTo(3);
        assertThat(muongGion.get("poorTo").asLong()).isEqualTo(3);
        assertThat(muongGion.get("escaped").asLong()).isEqualTo(1);
        assertThat(muongGion.get("escapedToNearPoor").asLong()).isEqualTo(1);
        assertThat(muongGion.get("remainedPoor").asLong()).isEqualTo(1);
        assertThat(muongGion.get("poorNotInLaterReview").asLong()).isEqualTo(1);
        assertThat(muongGion.get("newPoverty").asLong()).isEqualTo(2);
        assertThat(muongGion.get("newHouseholds").asLong()).isEqualTo(1);
        Map<String, Long> newPovertyByGroup = new LinkedHashMap<>();
        byEthnicGroup.get("areas").forEach(a -> newPovertyByGroup.put(a.get("code").asString(),
                a.get("newPoverty").asLong()));
        assertThat(newPovertyByGroup).containsEntry("Kinh", 2L).containsEntry("Thái", 0L).containsEntry("Mông", 0L);
        assertThat(api.get("/api/v1/poverty/households/HH-M1").body()).hasSize(2);
    }

    @Test
    void the_demo_generator_publishes_clearly_synthetic_reviews_once() {
        // when
        HttpApi.Response generated = api.post("/api/v1/poverty/demo?seed=11&households=400&years=2029,2030", null);
        HttpApi.Response again = api.post("/api/v1/poverty/demo?seed=11&households=400&years=2029,2030", null);

        // then
        assertThat(generated.status()).as("%s", generated.body()).isEqualTo(200);
        assertThat(generated.body().get("synthetic").asBoolean()).isTrue();
        assertThat(generated.body().get("noteVi").asString()).contains("MÔ PHỎNG");
        assertThat(generated.body().get("years").get(0).get("outcome").asString()).isEqualTo("PUBLISHED");
        assertThat(generated.body().get("years").get(0).get("rejected").asLong()).isZero();
        assertThat(again.body().get("years").get(1).get("outcome").asString()).isEqualTo("ALREADY_PUBLISHED");
        JsonNode rates = api.get("/api/v1/poverty/reviews/2030/rates?by=PROVINCE").body();
        assertThat(rates.get("synthetic").asBoolean()).isTrue();
        assertThat(rates.get("noteVi").asString()).contains("DỮ LIỆU MÔ PHỎNG");
        JsonNode movements = api.get("/api/v1/poverty/movements?from=2029&to=2030").body();
        assertThat(movements.get("total").get("poorFrom").asLong()).isPositive();
        assertThat(movements.get("total").get("householdsTo").asLong())
                .isEqualTo(rates.get("areas").get(0).get("households").asLong());
        // and: the published review answers with its publication's demo flag and households, as many as it holds
        JsonNode review = api.get("/api/v1/poverty/reviews/2030").body();
        assertThat(review.get("synthetic").asBoolean()).isTrue();
        assertThat(review.get("households").asLong()).isPositive()
                .isEqualTo(movements.get("total").get("householdsTo").asLong());
    }

    @Test
    void the_poverty_api_is_documented_in_openapi() {
        // when
        JsonNode paths = api.get("/v3/api-docs").body().get("paths");

        // then
        assertThat(paths.propertyNames()).contains("/api/v1/poverty/reviews/{year}/imports",
                "/api/v1/poverty/imports/{id}", "/api/v1/poverty/imports/{id}/errors",
                "/api/v1/poverty/reviews/{year}/publish", "/api/v1/poverty/reviews/{year}/rates",
                "/api/v1/poverty/reviews/{year}/rates.xlsx", "/api/v1/poverty/reviews/{year}/mpi",
                "/api/v1/poverty/reviews/{year}/households/{householdCode}", "/api/v1/poverty/movements",
                "/api/v1/poverty/households/{householdCode}", "/api/v1/poverty/indicator-actuals",
                "/api/v1/poverty/standards", "/api/v1/poverty/demo");
    }

    @Test
    void bad_requests_are_problems_and_change_nothing() {
        // a year no standard covers
        Uploads.Response noStandard = files.upload("/api/v1/poverty/reviews/2021/imports", "a.csv", CSV,
                csv(header(2022)));
        assertThat(noStandard.status()).isEqualTo(400);
        assertThat(noStandard.body().get("errors").get(0).get("field").asString()).isEqualTo("year");
        // not a CSV or XLSX
        Uploads.Response notAFile = files.upload("/api/v1/poverty/reviews/2022/imports", "a.txt", "text/plain",
                "x".getBytes(StandardCharsets.UTF_8));
        assertThat(notAFile.status()).isEqualTo(400);
        assertThat(notAFile.body().get("errors").get(0).get("field").asString()).isEqualTo("file");
        // a file whose header lacks columns fails as a whole, with the columns named (it opens the 2022 review)
        JsonNode failed = awaitImport(files.upload("/api/v1/poverty/reviews/2022/imports", "thieu-cot.csv", CSV,
                csv("householdCode,communeCode", "HH-1,03694")));
        assertThat(failed.get("state").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failure").asString()).contains("members").contains("LATRINE");
        // weights that do not sum to 1, an unknown indicator, a k above 1
        HttpApi.Response weights = api.get("/api/v1/poverty/reviews/2022/mpi?weights=LATRINE:1/2");
        assertThat(weights.status()).isEqualTo(400);
        assertThat(weights.body().get("errors").get(0).get("field").asString()).isEqualTo("weights");
        assertThat(api.get("/api/v1/poverty/reviews/2022/mpi?weights=WASTE:1").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/poverty/reviews/2022/mpi?k=3/2").status()).isEqualTo(400);
        // an empty review cannot be published
        HttpApi.Response empty = api.post("/api/v1/poverty/reviews/2022/publish", null);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body().get("type").asString()).endsWith("/empty-review");
        // a review that does not exist, an import that does not exist, a year out of range
        assertThat(api.get("/api/v1/poverty/reviews/2099/rates").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/poverty/reviews/2099/publish", null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/poverty/imports/nope").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/poverty/movements?from=2099&to=2100").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/poverty/reviews/1999").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/poverty/reviews/2022").body().get("households").asLong()).isZero();
    }
}
