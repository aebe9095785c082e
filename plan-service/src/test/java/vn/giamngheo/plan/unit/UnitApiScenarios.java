package vn.giamngheo.plan.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
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
import vn.giamngheo.plan.MoreHttp;
import vn.giamngheo.support.testing.EmittedEvents;
import vn.giamngheo.support.testing.HttpApi;
import vn.giamngheo.support.testing.TestCaller;
import vn.giamngheo.support.testing.TopicProbe;

/** Units and agencies end to end: reference data, effective dating, successors, changes and CSV import. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class UnitApiScenarios {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReferenceDataLoader referenceData;

    HttpApi api;
    MoreHttp http;
    /** Codes made by one test carry a prefix no other test uses, since test classes share one database. */
    String prefix;

    @BeforeEach
    void connect() {
        api = new HttpApi("http://localhost:" + port).as(TestCaller.ADMIN);
        http = new MoreHttp("http://localhost:" + port, api);
        prefix = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    @Test
    void the_reference_units_are_loaded_on_start_and_each_is_announced_once_on_plan_events() {
        // when
        HttpApi.Response province = api.get("/api/v1/units/14");
        HttpApi.Response quynhNhai = api.get("/api/v1/units/H-118");
        HttpApi.Response districts = api.get("/api/v1/units?kind=DISTRICT&parentCode=14&size=50");
        HttpApi.Response agencies = api.get("/api/v1/units?kind=AGENCY&validOn=2022-03-03");

        // then
        assertThat(province.status()).isEqualTo(200);
        assertThat(province.text("nameVi")).isEqualTo("Tỉnh Sơn La");
        assertThat(province.etag()).isEqualTo("\"1\"");
        assertThat(quynhNhai.text("nameVi")).isEqualTo("Huyện Quỳnh Nhai");
        assertThat(quynhNhai.text("validTo")).isEqualTo("2025-06-30");
        assertThat(districts.body().get("items").findValuesAsString("code")).containsExactly("H-116", "H-118",
                "H-119", "H-120", "H-121", "H-122", "H-123", "H-124", "H-125", "H-126", "H-127", "H-128");
        assertThat(agencies.body().get("items").findValuesAsString("code")).contains("TU-14", "UBND-14", "BDT-14",
                "SLDTBXH-14", "SNNPTNT-14", "SYT-14", "SGDDT-14", "SXD-14", "STTTT-14").doesNotContain("SDTTG-14");
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.PLAN_EVENTS)) {
            for (String code : List.of("14", "BDT-14", "SDTTG-14", "H-128", "SAMPLE-X-LONG-LUONG")) {
                await().atMost(Duration.ofSeconds(20)).until(() -> !probe.recordsOf(code).isEmpty());
                List<ConsumerRecord<String, byte[]>> records = probe.recordsOf(code);
                assertThat(records).as("events of %s", code).hasSize(1);
                JsonNode registered = EmittedEvents.assertMatchesContract(records.get(0), Topics.PLAN_EVENTS);
                assertThat(TopicProbe.header(records.get(0), "ce_type")).isEqualTo("plan.UnitRegistered.v1");
                assertThat(registered.get("unitCode").asString()).isEqualTo(code);
            }
            JsonNode bdt = EmittedEvents.assertMatchesContract(probe.recordsOf("BDT-14").get(0), Topics.PLAN_EVENTS);
            assertThat(bdt.get("validTo").asString()).isEqualTo("2025-02-28");
            assertThat(bdt.get("successorCodes").get(0).asString()).isEqualTo("SDTTG-14");
        }
    }

    @Test
    void units_valid_on_a_date_and_what_became_of_a_unit_follow_the_2025_reform() {
        // when
        HttpApi.Response vanHoBefore = api.get("/api/v1/units?parentCode=H-128&validOn=2025-06-30&size=50");
        HttpApi.Response vanHoAfter = api.get("/api/v1/units?parentCode=H-128&validOn=2025-07-01");
        HttpApi.Response newCommunes = api.get("/api/v1/units?kind=COMMUNE&validOn=2025-07-01&q=van+ho");
        HttpApi.Response withDiacritics = api.get("/api/v1/units?kind=COMMUNE&validOn=2025-07-01&q="
                + java.net.URLEncoder.encode("Vân Hồ", java.nio.charset.StandardCharsets.UTF_8));
        HttpApi.Response longLuongAfter = api.get("/api/v1/units/SAMPLE-X-LONG-LUONG/successors?on=2025-07-01");
        HttpApi.Response longLuongBefore = api.get("/api/v1/units/SAMPLE-X-LONG-LUONG/successors?on=2024-01-01");
        HttpApi.Response ethnicAffairs = api.get("/api/v1/units/BDT-14/successors?on=2025-12-31");
        HttpApi.Response district = api.get("/api/v1/units/H-128/successors?on=2025-07-01");
        HttpApi.Response formedFrom = api.get("/api/v1/units/SAMPLE-XM-VAN-HO/predecessors");
        HttpApi.Response unknown = api.get("/api/v1/units/NO-SUCH-UNIT/successors");
        HttpApi.Response badDate = api.get("/api/v1/units?validOn=30/06/2025");

        // then
        assertThat(vanHoBefore.body().get("total").asLong()).isEqualTo(14);
        assertThat(vanHoAfter.body().get("total").asLong()).isZero();
        assertThat(newCommunes.body().get("items").findValuesAsString("code")).containsExactly("SAMPLE-XM-VAN-HO");
        assertThat(withDiacritics.body().get("items").findValuesAsString("code")).containsExactly("SAMPLE-XM-VAN-HO");
        assertThat(longLuongAfter.body().get("units").findValuesAsString("code")).containsExactly("SAMPLE-XM-VAN-HO");
        assertThat(longLuongBefore.body().get("units").findValuesAsString("code"))
                .containsExactly("SAMPLE-X-LONG-LUONG");
        assertThat(ethnicAffairs.body().get("units").get(0).get("nameVi").asString())
                .isEqualTo("Sở Dân tộc và Tôn giáo tỉnh Sơn La");
        assertThat(district.body().get("units").size()).as("districts were dissolved, not merged").isZero();
        assertThat(formedFrom.body().findValuesAsString("code")).containsExactlyInAnyOrder("SAMPLE-X-LONG-LUONG",
                "SAMPLE-X-CHIENG-YEN", "SAMPLE-X-MUONG-MEN", "SAMPLE-X-VAN-HO");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(badDate.status()).isEqualTo(400);
    }

    @Test
    void registering_changing_and_retiring_a_unit_each_publish_its_full_state_and_honour_if_match() {
        // given
        String code = prefix + "-OLD";
        String successor = prefix + "-NEW";
        HttpApi.Response registered = api.post("/api/v1/units", """
                {"code":"%s","kind":"COMMUNE","nameVi":"Xã Thử Nghiệm","nameEn":"Test Commune","parentCode":"H-128",
                 "validFrom":"2021-01-01"}""".formatted(code));
        api.post("/api/v1/units", """
                {"code":"%s","kind":"WARD","nameVi":"Phường Thử Nghiệm","nameEn":"Test Ward","parentCode":"14",
                 "validFrom":"2025-07-01"}""".formatted(successor));
        String renamedBody = """
                {"kind":"COMMUNE","nameVi":"Xã Thử Nghiệm Mới","nameEn":"Test Commune","parentCode":"H-128",
                 "validFrom":"2021-01-01"}""";

        // when
        HttpApi.Response renamed = api.put("/api/v1/units/" + code, renamedBody, "\"1\"");
        HttpApi.Response sameAgain = api.put("/api/v1/units/" + code, renamedBody, "\"2\"");
        HttpApi.Response stale = api.put("/api/v1/units/" + code, renamedBody.replace("Mới", "Cũ"), "\"1\"");
        HttpApi.Response tooEarly = api.post("/api/v1/units/" + code + "/retire", """
                {"validTo":"2025-03-31","successorCodes":["%s"]}""".formatted(successor));
        HttpApi.Response retired = api.post("/api/v1/units/" + code + "/retire", """
                {"validTo":"2025-06-30","successorCodes":["%s"]}""".formatted(successor), "\"2\"");
        HttpApi.Response again = api.post("/api/v1/units/" + code + "/retire", """
                {"validTo":"2025-06-30","successorCodes":[]}""");

        // then
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.etag()).isEqualTo("\"1\"");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.etag()).isEqualTo("\"2\"");
        assertThat(sameAgain.etag()).as("nothing changed, nothing stored").isEqualTo("\"2\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("type")).endsWith("/stale-version");
        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(tooEarly.body().get("errors").get(0).get("field").asString()).isEqualTo("successorCodes");
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.text("validTo")).isEqualTo("2025-06-30");
        assertThat(again.status()).isEqualTo(409);
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.PLAN_EVENTS)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> probe.recordsOf(code).size() == 3);
            List<ConsumerRecord<String, byte[]>> records = probe.recordsOf(code);
            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_type")).containsExactly(
                    "plan.UnitRegistered.v1", "plan.UnitChanged.v1", "plan.UnitRetired.v1");
            JsonNode change = EmittedEvents.assertMatchesContract(records.get(1), Topics.PLAN_EVENTS);
            JsonNode retirement = EmittedEvents.assertMatchesContract(records.get(2), Topics.PLAN_EVENTS);
            EmittedEvents.assertMatchesContract(records.get(0), Topics.PLAN_EVENTS);
            assertThat(change.get("nameVi").asString()).isEqualTo("Xã Thử Nghiệm Mới");
            assertThat(change.get("version").asLong()).isEqualTo(2);
            assertThat(retirement.get("version").asLong()).isEqualTo(3);
            assertThat(retirement.get("nameVi").asString()).isEqualTo("Xã Thử Nghiệm Mới");
            assertThat(retirement.get("successorCodes").get(0).asString()).isEqualTo(successor);
        }
    }

    @Test
    void bad_units_get_field_errors_and_nothing_is_stored() {
        // given
        long before = mongo.getCollection(UnitStore.COLLECTION).countDocuments();

        // when
        HttpApi.Response missing = api.post("/api/v1/units", "{\"code\":\"" + prefix + "\"}");
        HttpApi.Response noCode = api.post("/api/v1/units", """
                {"kind":"AGENCY","nameVi":"Sở","nameEn":"Dept","validFrom":"2021-01-01"}""");
        HttpApi.Response orphan = api.post("/api/v1/units", """
                {"code":"%s","kind":"COMMUNE","nameVi":"Xã","nameEn":"Commune","parentCode":"H-999",
                 "validFrom":"2021-01-01"}""".formatted(prefix));
        HttpApi.Response beforeItsParent = api.post("/api/v1/units", """
                {"code":"%s","kind":"AGENCY","nameVi":"Phòng","nameEn":"Office","parentCode":"SDTTG-14",
                 "validFrom":"2024-01-01","validTo":"2023-01-01","successorCodes":["%s"]}""".formatted(prefix, prefix));
        HttpApi.Response duplicate = api.post("/api/v1/units", """
                {"code":"BDT-14","kind":"AGENCY","nameVi":"Ban Dân tộc","nameEn":"EAC","validFrom":"2021-01-01"}""");
        HttpApi.Response badKind = api.post("/api/v1/units", """
                {"code":"%s","kind":"VILLAGE","nameVi":"Bản","nameEn":"Village","validFrom":"2021-01-01"}"""
                .formatted(prefix));
        HttpApi.Response otherCode = api.put("/api/v1/units/BDT-14", """
                {"code":"BDT-15","kind":"AGENCY","nameVi":"Ban","nameEn":"EAC","validFrom":"2021-01-01"}""", null);
        HttpApi.Response unknown = api.get("/api/v1/units/" + prefix);

        // then
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("errors").findValuesAsString("field"))
                .contains("kind", "nameVi", "nameEn", "validFrom");
        assertThat(noCode.status()).isEqualTo(400);
        assertThat(noCode.body().get("errors").get(0).get("field").asString()).isEqualTo("code");
        assertThat(orphan.status()).isEqualTo(400);
        assertThat(orphan.body().get("errors").get(0).get("message").asString()).isEqualTo("no unit H-999");
        assertThat(beforeItsParent.status()).isEqualTo(400);
        assertThat(beforeItsParent.body().get("errors").findValuesAsString("field"))
                .contains("validTo", "successorCodes");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("type")).endsWith("/already-exists");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(otherCode.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(mongo.getCollection(UnitStore.COLLECTION).countDocuments()).isEqualTo(before);
        assertThat(api.get("/api/v1/units/BDT-14").etag()).isEqualTo("\"1\"");
    }

    @Test
    void a_csv_import_keeps_good_lines_names_bad_ones_and_importing_it_again_changes_nothing() {
        // given
        String csv = """
                # Đơn vị thử nghiệm
                code,kind,nameVi,nameEn,parentCode,validFrom,validTo,successorCodes
                %1$s-A,COMMUNE,Xã Mường Chanh,Muong Chanh Commune,H-125,2021-01-01,2025-06-30,%1$s-C
                %1$s-B,COMMUNE,Xã Chiềng Mai,Chieng Mai Commune,H-125,2021-01-01,2025-06-30,%1$s-C
                %1$s-X,COMMUNE,Xã Lỗi,Broken Commune,H-999,2021-01-01,,
                %1$s-Y,HAMLET,Bản Lỗi,Broken Hamlet,H-125,2021-01-01,,

                %1$s-C,COMMUNE,Xã Mường Chanh,Muong Chanh Commune,14,2025-07-01,,
                """.formatted(prefix);

        // when
        HttpApi.Response first = http.postCsv("/api/v1/units/import", csv);
        HttpApi.Response second = http.postCsv("/api/v1/units/import", csv);
        HttpApi.Response corrected = http.upload("/api/v1/units/import", "don-vi.csv",
                csv.replace("Xã Chiềng Mai,", "Xã Chiềng Mai (sửa),"));

        // then
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("created").asInt()).isEqualTo(3);
        assertThat(first.body().get("rejected").asInt()).isEqualTo(2);
        JsonNode lines = first.body().get("lines");
        assertThat(lines.get(2).get("line").asInt()).isEqualTo(5);
        assertThat(lines.get(2).get("errors").get(0).get("field").asString()).isEqualTo("parentCode");
        assertThat(lines.get(3).get("line").asInt()).isEqualTo(6);
        assertThat(lines.get(3).get("errors").get(0).get("field").asString()).isEqualTo("kind");
        assertThat(lines.get(4).get("line").asInt()).isEqualTo(8);
        assertThat(second.body().get("created").asInt()).isZero();
        assertThat(second.body().get("unchanged").asInt()).isEqualTo(3);
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.body().get("changed").asInt()).isEqualTo(1);
        assertThat(corrected.body().get("unchanged").asInt()).isEqualTo(2);
        assertThat(versionOf(prefix + "-A")).isEqualTo(1);
        assertThat(versionOf(prefix + "-B")).isEqualTo(2);
        assertThat(api.get("/api/v1/units/" + prefix + "-X").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/units/" + prefix + "-A/successors?on=2025-07-01").body().get("units")
                .findValuesAsString("code")).containsExactly(prefix + "-C");
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.PLAN_EVENTS)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> probe.recordsOf(prefix + "-B").size() == 2);
            assertThat(probe.recordsOf(prefix + "-A")).as("the repeated import published nothing").hasSize(1);
            assertThat(probe.recordsOf(prefix + "-C")).hasSize(1);
            List<ConsumerRecord<String, byte[]>> b = probe.recordsOf(prefix + "-B");
            assertThat(TopicProbe.header(b.get(1), "ce_type")).isEqualTo("plan.UnitChanged.v1");
            assertThat(EmittedEvents.assertMatchesContract(b.get(1), Topics.PLAN_EVENTS).get("nameVi").asString())
                    .isEqualTo("Xã Chiềng Mai (sửa)");
        }
    }

    @Test
    void a_file_that_is_not_a_unit_csv_is_refused_with_a_problem() {
        // when
        HttpApi.Response noHeader = http.postCsv("/api/v1/units/import",
                prefix + ",COMMUNE,Xã,Commune,14,2025-07-01,,\n");
        HttpApi.Response empty = http.postCsv("/api/v1/units/import", "");
        HttpApi.Response onlyAHeader = http.upload("/api/v1/units/import", "x.csv",
                "code,kind,nameVi,nameEn,validFrom\n");

        // then
        assertThat(noHeader.status()).isEqualTo(400);
        assertThat(noHeader.contentType()).startsWith("application/problem+json");
        assertThat(noHeader.body().get("errors").get(0).get("field").asString()).isEqualTo("header");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(onlyAHeader.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/units/" + prefix).status()).isEqualTo(404);
    }

    @Test
    void seeding_the_reference_data_again_adds_nothing_and_keeps_a_users_correction() {
        // given: a user corrected a reference unit after it was seeded
        HttpApi.Response songMa = api.get("/api/v1/units/H-126");
        HttpApi.Response corrected = api.put("/api/v1/units/H-126", """
                {"kind":"DISTRICT","nameVi":"Huyện Sông Mã","nameEn":"Song Ma District, Son La","parentCode":"14",
                 "validFrom":"2021-01-01","validTo":"2025-06-30"}""", songMa.etag());
        long before = mongo.getCollection(UnitStore.COLLECTION).countDocuments();

        // when: the service starts again and seeds
        referenceData.run(null);

        // then
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(mongo.getCollection(UnitStore.COLLECTION).countDocuments()).isEqualTo(before);
        assertThat(api.get("/api/v1/units/H-126").text("nameEn")).isEqualTo("Song Ma District, Son La");
        assertThat(versionOf("H-126")).isEqualTo(versionOf(songMa) + 1);
        assertThat(versionOf("14")).as("untouched units were not written again").isEqualTo(1);
        assertThat(versionOf("SAMPLE-XM-VAN-HO")).isEqualTo(1);
    }

    private static long versionOf(HttpApi.Response unit) {
        return unit.body().get("version").asLong();
    }

    private long versionOf(String code) {
        Document document = mongo.getCollection(UnitStore.COLLECTION).find(new Document("_id", code)).first();
        assertThat(document).as("unit %s is stored", code).isNotNull();
        return ((Number) document.get("version")).longValue();
    }
}
