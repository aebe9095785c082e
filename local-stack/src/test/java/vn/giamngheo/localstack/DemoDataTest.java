package vn.giamngheo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class DemoDataTest {

    @TempDir
    Path dataDir;

    private final DemoDataset dataset = DemoDataset.load();
    private FakeServices services;

    @BeforeEach
    void startFakeServices() throws Exception {
        services = new FakeServices(1);
    }

    @AfterEach
    void stopFakeServices() {
        services.close();
    }

    @Test
    void plansAreCreatedUnderTheirParentsAndIssued() {
        // when
        DemoDataOutcome outcome = new DemoData(dataset, services.url(), services.url()).load();

        // then
        List<FakeServices.Request> created = services.posts("/api/v1/plans");
        assertThat(outcome.plans()).isEqualTo(3);
        assertThat(created).extracting(r -> r.body().path("code").asString())
                .containsExactly("20-NQ/TU", "61/KH-UBND", "45/KH-BDT");
        assertThat(created.get(0).body().get("parentPlanId").isNull()).isTrue();
        assertThat(created.get(1).body().path("parentPlanId").asString()).isEqualTo("plan-1");
        assertThat(created.get(2).body().path("parentPlanId").asString()).isEqualTo("plan-2");
        assertThat(created.get(1).body().path("title").asString()).startsWith("Kế hoạch số 61/KH-UBND ngày 03/3/2022");
        assertThat(services.posts("/issue")).extracting(r -> r.body().path("issuedOn").asString())
                .containsExactly("2021-12-21", "2022-03-03", "2022-03-20");
    }

    @Test
    void tasksAreRetriedWhileTaskServiceDoesNotKnowThePlanYet() {
        // when
        DemoDataOutcome outcome = new DemoData(dataset, services.url(), services.url()).load();

        // then
        assertThat(outcome.tasks()).isEqualTo(dataset.tasks().size());
        assertThat(services.posts("/api/v1/tasks")).hasSize(dataset.tasks().size() + 1);
    }

    @Test
    void everyTaskGetsItsProgressAndFinalState() {
        // when
        new DemoData(dataset, services.url(), services.url()).load();

        // then
        long progressReports = dataset.tasks().stream().mapToLong(t -> t.progress().size()).sum();
        assertThat(services.posts("/progress")).hasSize((int) progressReports);
        assertThat(services.posts("/complete")).hasSize(
                (int) dataset.tasks().stream().filter(t -> t.completionNote() != null).count());
        assertThat(services.posts("/block")).singleElement()
                .satisfies(r -> assertThat(r.body().path("reason").asString()).startsWith("Chờ hướng dẫn"));
        JsonNode firstTask = services.posts("/api/v1/tasks").get(1).body();
        assertThat(firstTask.path("title").asString()).startsWith("Quán triệt Nghị quyết số 20-NQ/TU");
        assertThat(firstTask.path("planId").asString()).isEqualTo("plan-3");
    }

    @Test
    void loadOnceLoadsOnlyTheFirstTime() {
        // given
        DemoDataOutcome first = DemoData.loadOnce(dataDir, services.url(), services.url());
        int requestsAfterFirst = services.requests.size();

        // when
        DemoDataOutcome second = DemoData.loadOnce(dataDir, services.url(), services.url());

        // then
        assertThat(first.loadedNow()).isTrue();
        assertThat(dataDir.resolve(DemoData.MARKER_FILE)).isRegularFile();
        assertThat(second.loadedNow()).isFalse();
        assertThat(services.requests).hasSize(requestsAfterFirst);
    }

    @Test
    void aRefusedRequestFailsWithTheProblemAndLeavesNoMarker() {
        // given
        services.failPlanCreation("The request has invalid fields");

        // when / then
        assertThatThrownBy(() -> DemoData.loadOnce(dataDir, services.url(), services.url()))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("POST " + services.url() + "/api/v1/plans answered 400")
                .hasMessageContaining("The request has invalid fields");
        assertThat(dataDir.resolve(DemoData.MARKER_FILE)).doesNotExist();
    }
}
