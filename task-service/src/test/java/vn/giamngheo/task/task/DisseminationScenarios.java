package vn.giamngheo.task.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.support.testing.EmittedEvents;
import vn.giamngheo.support.testing.HttpApi;
import vn.giamngheo.support.testing.TestCaller;
import vn.giamngheo.support.testing.TopicProbe;
import vn.giamngheo.task.TaskServiceScenarios;

/**
 * Quán triệt: sessions of a dissemination task, recorded by an officer of the lead unit, and the share of each unit's
 * officials they reached.
 */
abstract class DisseminationScenarios extends TaskServiceScenarios {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    static String session(LocalDate date, String unit, int attending, int total) {
        return """
                {"date":"%s","unitCode":"%s","officialsAttending":%d,"officialsTotal":%d,
                 "note":"Hội nghị quán triệt trực tiếp kết hợp trực tuyến"}""".formatted(date, unit, attending, total);
    }

    @Test
    void sessions_are_recorded_listed_and_published_with_the_share_of_officials_reached_per_unit() {
        // given
        String id = assignedTask(issuedPlan(), "DISSEMINATION", "SXD-14", TODAY.minusDays(40), TODAY.plusMonths(3));
        String sessions = "/api/v1/tasks/" + id + "/dissemination-sessions";
        HttpApi lead = as(TestCaller.officerOf("SXD-14"));

        // when
        HttpApi.Response first = lead.post(sessions, session(TODAY.minusDays(30), "SXD-14", 52, 60));
        HttpApi.Response second = lead.post(sessions, session(TODAY.minusDays(20), "BDT-14", 38, 40));
        HttpApi.Response makeUp = lead.post(sessions, session(TODAY.minusDays(5), "SXD-14", 6, 60), second.etag());
        HttpApi.Response listed = lead.get(sessions);

        // then
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("number").asInt()).isEqualTo(1);
        assertThat(makeUp.status()).isEqualTo(201);
        assertThat(makeUp.body().get("unitOfficialsReached").asInt()).isEqualTo(58);
        assertThat(listed.body().get("sessions")).hasSize(3);
        assertThat(listed.body().get("sessions").get(2).get("recordedBy").get("subject").asString())
                .isEqualTo("officer-sxd-14");
        JsonNode construction = listed.body().get("units").get(0);
        assertThat(construction.get("unitCode").asString()).isEqualTo("SXD-14");
        assertThat(construction.get("sessions").asInt()).isEqualTo(2);
        assertThat(construction.get("officialsReached").asInt()).isEqualTo(58);
        assertThat(construction.get("sharePercent").decimalValue()).isEqualByComparingTo("96.7");
        assertThat(listed.body().get("units").get(1).get("sharePercent").decimalValue())
                .isEqualByComparingTo("95.0");
        assertThat(api.get("/api/v1/tasks/" + id).text("status")).isEqualTo("IN_PROGRESS");
        List<JsonNode> recorded = publishedEventsOf(id).stream()
                .filter(r -> "task.DisseminationSessionRecorded.v1".equals(TopicProbe.header(r, "ce_type")))
                .map(r -> EmittedEvents.assertMatchesContract(r, Topics.TASK_EVENTS)).toList();
        assertThat(recorded).extracting(e -> e.get("unitCode").asString(), e -> e.get("unitOfficialsReached").asInt(),
                e -> e.get("officialsTotal").asInt()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SXD-14", 52, 60),
                org.assertj.core.groups.Tuple.tuple("BDT-14", 38, 40),
                org.assertj.core.groups.Tuple.tuple("SXD-14", 58, 60));
        assertThat(recorded.get(2).get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(recorded.get(2).get("actor").get("unit").asString()).isEqualTo("SXD-14");
    }

    @Test
    void sessions_on_other_tasks_or_with_bad_figures_are_refused_and_change_nothing() {
        // given
        String planId = issuedPlan();
        String dissemination = assignedTask(planId, "DISSEMINATION", "SXD-14", TODAY.minusDays(40),
                TODAY.plusMonths(3));
        String investment = assignedTask(planId, "INVESTMENT", "SXD-14", TODAY.minusDays(40), TODAY.plusMonths(3));
        String sessions = "/api/v1/tasks/" + dissemination + "/dissemination-sessions";
        String before = api.get("/api/v1/tasks/" + dissemination).etag();
        HttpApi lead = as(TestCaller.officerOf("SXD-14"));

        // when
        HttpApi.Response notDissemination = lead.post("/api/v1/tasks/" + investment + "/dissemination-sessions",
                session(TODAY.minusDays(1), "SXD-14", 5, 10));
        List<HttpApi.Response> refused = List.of(
                lead.post(sessions, session(TODAY.minusDays(1), "SXD-14", 61, 60)),
                lead.post(sessions, session(TODAY.plusDays(1), "SXD-14", 5, 60)),
                lead.post(sessions, session(TODAY.minusDays(41), "SXD-14", 5, 60)),
                lead.post(sessions, session(TODAY.minusDays(1), "SXD-14", 5, 0)),
                lead.post(sessions, "{\"date\":\"%s\",\"unitCode\":\"SXD-14\",\"officialsTotal\":60}"
                        .formatted(TODAY)));
        HttpApi.Response unknownUnit = lead.post(sessions, session(TODAY.minusDays(1), "X-14404", 5, 10));

        // then
        assertThat(notDissemination.status()).isEqualTo(409);
        assertThat(notDissemination.text("type")).endsWith("/not-a-dissemination-task");
        assertThat(refused).extracting(HttpApi.Response::status).containsOnly(400);
        assertThat(refused).extracting(r -> r.body().get("errors").get(0).get("field").asString())
                .containsExactly("officialsAttending", "date", "date", "officialsTotal", "officialsAttending");
        assertThat(unknownUnit.status()).isEqualTo(422);
        assertThat(unknownUnit.text("type")).endsWith("/unknown-unit");
        assertThat(api.get("/api/v1/tasks/" + dissemination).etag()).isEqualTo(before);
        assertThat(api.get(sessions).body().get("sessions")).isEmpty();
        assertThat(api.get("/api/v1/tasks/" + investment + "/dissemination-sessions").body().get("sessions"))
                .isEmpty();
    }
}
