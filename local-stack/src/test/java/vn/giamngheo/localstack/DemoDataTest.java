package vn.giamngheo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class DemoDataTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    /** Tokens that say whose they are: the administrator's, or the officer's of the unit the loader asked for. */
    private static final DemoActors ACTORS = new DemoActors(() -> "admin-token", unit -> () -> "officer-token:" + unit);

    @TempDir
    Path dataDir;

    private final DemoDataset dataset = DemoDataset.load();
    private FakeServices services;

    @AfterEach
    void stopFakeServices() {
        services.close();
    }

    @Test
    void plansAreDraftedGivenTheirStructureIssuedAndThenRevised() throws Exception {
        // given
        services = new FakeServices(TODAY);

        // when
        DemoDataOutcome outcome = loader(TODAY).load();

        // then: the tree, each plan created under the id of its parent
        List<FakeServices.Request> created = services.posts("/api/v1/plans");
        assertThat(created).extracting(r -> r.body().path("code").asString())
                .containsExactly("20-NQ/TU", "61/KH-UBND", "45/KH-BDT", "52/KH-UBND");
        assertThat(created.get(0).body().has("parentPlanId")).isFalse();
        assertThat(created.get(1).body().path("parentPlanId").asString()).isEqualTo(planId("20-NQ/TU"));
        assertThat(created.get(2).body().path("parentPlanId").asString()).isEqualTo(planId("61/KH-UBND"));
        assertThat(created.get(3).body().has("parentPlanId")).isFalse();
        assertThat(created.get(3).body().path("kind").asString()).isEqualTo("ANNUAL_PLAN");

        // and: objectives and indicators only before issuing, the revision only after
        String plan61 = "/api/v1/plans/" + planId("61/KH-UBND");
        assertThat(services.posts(plan61 + "/objectives")).extracting(r -> r.body().path("code").asString())
                .containsExactly("MT-1", "MT-2");
        assertThat(services.requests.stream().filter(r -> r.path().startsWith(plan61 + "/objectives/"))
                .map(r -> r.body().path("code").asString())).containsExactly("TL-HN", "MG-HN", "MG-HN-DTTS");
        assertThat(lastIndex(plan61 + "/objectives")).isLessThan(index(plan61 + "/issue"));
        assertThat(index(plan61 + "/issue")).isLessThan(index(plan61 + "/revisions"));
        JsonNode povertyRate = services.requests.stream()
                .filter(r -> r.path().equals(plan61 + "/objectives/MT-1/indicators")).findFirst().orElseThrow().body();
        assertThat(povertyRate.path("direction").asString()).isEqualTo("DECREASE");
        assertThat(povertyRate.path("baselineValue").decimalValue()).isEqualByComparingTo("21.66");
        assertThat(povertyRate.path("targets").values()).extracting(t -> t.path("value").decimalValue().toString())
                .containsExactly("20.16", "18.66", "17.16", "15.66");
        JsonNode revision = services.posts(plan61 + "/revisions").get(0).body();
        assertThat(revision.path("reason").asString()).isNotBlank();
        assertThat(revision.path("indicators").get(0).path("objectiveCode").asString()).isEqualTo("MT-1");

        // and: every plan ends issued on its date, and the outcome counts what the plans hold
        assertThat(services.plans()).extracting(p -> p.path("status").asString(), p -> p.path("issuedOn").asString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ISSUED", "2021-12-21"),
                        org.assertj.core.groups.Tuple.tuple("ISSUED", "2022-03-03"),
                        org.assertj.core.groups.Tuple.tuple("ISSUED", "2022-03-20"),
                        org.assertj.core.groups.Tuple.tuple("ISSUED", "2026-02-20"));
        assertThat(outcome.plans()).isEqualTo(4);
        assertThat(outcome.objectives()).isEqualTo(4);
        assertThat(outcome.indicators()).isEqualTo(6);
        assertThat(outcome.revisions()).isEqualTo(1);
    }

    @Test
    void fundingIsAllocatedAndThenDisbursedAsRunningTotals() throws Exception {
        // given
        services = new FakeServices(TODAY);

        // when
        DemoDataOutcome outcome = loader(TODAY).load();

        // then
        List<DemoDataset.Allocation> expected = dataset.plans().stream().flatMap(p -> p.allocations().stream())
                .toList();
        assertThat(services.posts("/allocations")).hasSize(expected.size())
                .allSatisfy(r -> assertThat(r.body().path("disbursedAmount").asLong()).isZero());
        assertThat(services.posts("/disbursements")).extracting(r -> r.body().path("disbursedAmount").asLong())
                .containsExactlyElementsOf(expected.stream().flatMap(a -> a.disbursedTotals().stream()).toList());
        assertThat(services.allocations()).extracting(a -> a.path("source").asString()).contains("CENTRAL_BUDGET",
                "LOCAL_BUDGET", "INTEGRATED_NEW_RURAL_DEVELOPMENT");
        assertThat(services.allocations()).extracting(a -> a.path("planId").asString()).containsOnly(
                planId("61/KH-UBND"), planId("52/KH-UBND"));
        assertThat(services.allocations()).extracting(a -> a.path("disbursedAmount").asLong())
                .containsExactlyElementsOf(expected.stream().map(DemoDataset.Allocation::finalDisbursed).toList());
        assertThat(outcome.allocations()).isEqualTo(expected.size());
        assertThat(outcome.allocatedVnd()).isEqualTo(expected.stream()
                .mapToLong(DemoDataset.Allocation::allocatedAmount).sum());
        assertThat(outcome.disbursedVnd()).isEqualTo(expected.stream()
                .mapToLong(DemoDataset.Allocation::finalDisbursed).sum());
    }

    @Test
    void taskCreationIsRetriedWhileTaskServiceDoesNotKnowThePlanOrAUnitYet() throws Exception {
        // given: task-service has seen neither the plans' nor the seeded units' events at first
        services = new FakeServices(TODAY).answerUnknownPlan(2).answerUnknownUnit(2);

        // when
        DemoDataOutcome outcome = loader(TODAY).load();

        // then
        assertThat(services.answered(422, "unknown-plan")).isEqualTo(2);
        assertThat(services.answered(422, "unknown-unit")).isEqualTo(2);
        assertThat(services.posts("/api/v1/tasks")).hasSize(dataset.tasks().size() + 4);
        assertThat(outcome.tasksCreated()).isEqualTo(dataset.tasks().size());
        assertThat(services.tasks()).hasSize(dataset.tasks().size());
    }

    @Test
    void theRetryIsBoundedByItsBudget() throws Exception {
        // given: a unit task-service never learns about
        services = new FakeServices(TODAY).answerUnknownUnit(Integer.MAX_VALUE);
        DemoData loader = new DemoData(dataset, services.url(), services.url(), ACTORS, clockOn(TODAY),
                new DemoData.Patience(Duration.ofMillis(500), Duration.ofMillis(10), Duration.ofMillis(100)));

        // when / then
        long began = System.nanoTime();
        assertThatThrownBy(loader::load).isInstanceOf(LocalStackException.class)
                .hasMessageContaining("POST " + services.url() + "/api/v1/tasks answered 422")
                .hasMessageContaining("not known to the task-service");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
        assertThat(services.posts("/api/v1/tasks")).hasSizeBetween(3, 60);
    }

    @Test
    void otherRefusalsAreNotRetried() throws Exception {
        // given
        services = new FakeServices(TODAY).failOnce("/api/v1/tasks", 1);

        // when / then
        assertThatThrownBy(() -> loader(TODAY).load()).isInstanceOf(LocalStackException.class)
                .hasMessageContaining("/api/v1/tasks answered 500");
        assertThat(services.posts("/api/v1/tasks")).hasSize(1);
    }

    @Test
    void everyTaskGetsItsHistoryInOrderAndEndsInItsStatus() throws Exception {
        // given
        services = new FakeServices(TODAY);

        // when
        DemoDataOutcome outcome = loader(TODAY).load();

        // then: create, sessions, progress, extension, then complete / block / cancel — per task, in that order
        for (DemoDataset.Task task : dataset.tasks()) {
            JsonNode saved = services.taskByTitle(task.title());
            assertThat(saved.path("planId").asString()).as(task.title()).isEqualTo(planId(task.planCode()));
            assertThat(steps(saved.path("id").asString())).as(task.title()).containsExactlyElementsOf(expectedSteps(task));
            assertThat(saved.path("status").asString()).as(task.title()).isEqualTo(task.finalStatus());
            assertThat(saved.path("percentComplete").asInt()).as(task.title()).isEqualTo(task.finalPercent());
            assertThat(saved.path("dueDate").asString()).as(task.title()).isEqualTo(task.finalDueDate(TODAY).toString());
        }

        // and: the outcome describes the program as of 26/11/2026
        assertThat(outcome.tasks()).isEqualTo(18);
        assertThat(outcome.tasksByStatus()).containsExactly(Map.entry("ASSIGNED", 1), Map.entry("IN_PROGRESS", 8),
                Map.entry("BLOCKED", 1), Map.entry("DONE", 7), Map.entry("CANCELLED", 1));
        assertThat(outcome.overdueTasks()).isEqualTo(7);
        assertThat(outcome.summary()).contains("4 plans (4 objectives, 6 indicators, 1 revision); 7 funding "
                        + "allocations (94,100,000,000 VND allocated, 70,930,000,000 disbursed; illustrative figures)")
                .contains("18 tasks (18 created now): 1 ASSIGNED, 8 IN_PROGRESS, 1 BLOCKED, 7 DONE, 1 CANCELLED; "
                        + "7 overdue");
    }

    @Test
    void sessionsAndProgressWaitUntilTaskServiceHasAssignedTheTask() throws Exception {
        // given: new tasks stay PLANNED for two reads, as while the PlanIssued event is on its way
        services = new FakeServices(TODAY).keepTasksPlannedFor(2);

        // when
        DemoDataOutcome outcome = loader(TODAY).load();

        // then: nothing was refused for being PLANNED, and every task ended where it should
        assertThat(services.answered(409, "illegal-transition")).isZero();
        assertThat(services.tasks()).extracting(t -> t.path("status").asString())
                .containsExactlyElementsOf(dataset.tasks().stream().map(DemoDataset.Task::finalStatus).toList());
        assertThat(outcome.tasksByStatus()).doesNotContainKey("PLANNED");
    }

    @Test
    void anExtensionGoesToItsPlannedDateWhileThatLiesAhead() throws Exception {
        // given
        services = new FakeServices(TODAY);

        // when
        loader(TODAY).load();

        // then
        assertThat(services.posts("/extend")).singleElement().satisfies(r -> {
            assertThat(r.body().path("newDueDate").asString()).isEqualTo("2026-12-31");
            assertThat(r.body().path("reason").asString()).isNotBlank();
            assertThat(r.body().path("requestedBy").asString()).isNotBlank();
        });
    }

    @Test
    void loadedInALaterYearAnExtensionGoesToTomorrowInsteadOfThePast() throws Exception {
        // given: the stack starts for the first time on 10/02/2027
        LocalDate later = LocalDate.of(2027, 2, 10);
        services = new FakeServices(later);

        // when
        DemoDataOutcome outcome = loader(later).load();

        // then
        assertThat(services.posts("/extend")).singleElement()
                .satisfies(r -> assertThat(r.body().path("newDueDate").asString()).isEqualTo("2027-02-11"));
        assertThat(outcome.tasks()).isEqualTo(dataset.tasks().size());
    }

    @Test
    void aLoadThatFailedHalfWayResumesWithoutDuplicates() throws Exception {
        // given: the third completion fails, after plans, funding and several tasks were stored
        services = new FakeServices(TODAY).failOnce("/complete", 3);
        assertThatThrownBy(() -> DemoData.loadOnce(dataDir, loader(TODAY))).isInstanceOf(LocalStackException.class);
        assertThat(dataDir.resolve(DemoData.MARKER_FILE)).doesNotExist();
        int tasksBefore = services.tasks().size();

        // when
        DemoDataOutcome outcome = DemoData.loadOnce(dataDir, loader(TODAY));

        // then: every plan, allocation and task exists once, with its whole history
        assertThat(services.posts("/api/v1/plans")).hasSize(4);
        assertThat(services.allocations()).hasSize(7);
        assertThat(services.posts("/api/v1/tasks")).hasSize(dataset.tasks().size());
        assertThat(outcome.tasksCreated()).isEqualTo(dataset.tasks().size() - tasksBefore);
        for (DemoDataset.Task task : dataset.tasks()) {
            JsonNode saved = services.taskByTitle(task.title());
            assertThat(saved.path("status").asString()).as(task.title()).isEqualTo(task.finalStatus());
            assertThat(saved.path("progressReportCount").asInt()).as(task.title()).isEqualTo(task.progress().size());
            assertThat(saved.path("disseminationSessionCount").asInt()).as(task.title())
                    .isEqualTo(task.disseminationSessions().size());
        }
        assertThat(dataDir.resolve(DemoData.MARKER_FILE)).content().contains("18 tasks");
    }

    @Test
    void loadingWhatIsAlreadyThereWritesNothing() throws Exception {
        // given
        services = new FakeServices(TODAY);
        loader(TODAY).load();
        int postsBefore = services.posts("").size();

        // when
        DemoDataOutcome again = loader(TODAY).load();

        // then
        assertThat(services.posts("")).hasSize(postsBefore);
        assertThat(again.tasksCreated()).isZero();
        assertThat(again.tasks()).isEqualTo(18);
        assertThat(again.allocations()).isEqualTo(7);
    }

    @Test
    void loadOnceLoadsOnlyTheFirstTime() throws Exception {
        // given
        services = new FakeServices(TODAY);
        DemoDataOutcome first = DemoData.loadOnce(dataDir, loader(TODAY));
        int requestsAfterFirst = services.requests.size();

        // when
        DemoDataOutcome second = DemoData.loadOnce(dataDir, loader(TODAY));

        // then
        assertThat(first.loadedNow()).isTrue();
        assertThat(dataDir.resolve(DemoData.MARKER_FILE)).isRegularFile();
        assertThat(second.loadedNow()).isFalse();
        assertThat(services.requests).hasSize(requestsAfterFirst);
    }

    @Test
    void theAdministratorSetsUpAndTheLeadUnitsOfficerReportsOnItsTasks() throws Exception {
        // given
        services = new FakeServices(TODAY);

        // when
        loader(TODAY).load();

        // then every request carries a token
        assertThat(services.requests).allSatisfy(r -> assertThat(r.authorization()).as("%s %s", r.method(), r.path())
                .startsWith("Bearer "));
        // and plans, funding, task creation, cancellation and every read are the administrator's
        assertThat(services.requests.stream().filter(r -> !isTaskAction(r.path()) || r.path().endsWith("/cancel")))
                .isNotEmpty().allSatisfy(r -> assertThat(r.authorization()).as("%s %s", r.method(), r.path())
                        .isEqualTo("Bearer admin-token"));
        // and each task's sessions, progress, extension, completion and block come from its lead unit
        for (DemoDataset.Task task : dataset.tasks()) {
            String taskPath = "/api/v1/tasks/" + services.taskByTitle(task.title()).path("id").asString() + "/";
            assertThat(services.requests.stream().filter(r -> r.method().equals("POST")
                            && r.path().startsWith(taskPath) && !r.path().endsWith("/cancel")))
                    .allSatisfy(r -> assertThat(r.authorization()).as("%s %s", task.title(), r.path())
                            .isEqualTo("Bearer officer-token:" + task.leadUnitCode()));
        }
        assertThat(services.requests.stream().filter(r -> isTaskAction(r.path())
                && r.authorization().startsWith("Bearer officer-token:"))).hasSizeGreaterThan(dataset.tasks().size());
    }

    @Test
    void anonymousActorsSendNoAuthorizationHeader() throws Exception {
        // given
        services = new FakeServices(TODAY);

        // when
        new DemoData(dataset, services.url(), services.url(), DemoActors.anonymous(), clockOn(TODAY),
                new DemoData.Patience(Duration.ofSeconds(5), Duration.ofMillis(2), Duration.ofMillis(20))).load();

        // then
        assertThat(services.requests).isNotEmpty().allSatisfy(r -> assertThat(r.authorization()).isNull());
    }

    private static boolean isTaskAction(String path) {
        return path.matches("/api/v1/tasks/[^/]+/[a-z-]+");
    }

    @Test
    void aRefusedRequestFailsWithTheProblemAndLeavesNoMarker() throws Exception {
        // given
        services = new FakeServices(TODAY);
        services.failPlanCreation("The request has invalid fields");

        // when / then
        assertThatThrownBy(() -> DemoData.loadOnce(dataDir, services.url(), services.url(), ACTORS))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("POST " + services.url() + "/api/v1/plans answered 400")
                .hasMessageContaining("The request has invalid fields");
        assertThat(dataDir.resolve(DemoData.MARKER_FILE)).doesNotExist();
    }

    private DemoData loader(LocalDate today) {
        return new DemoData(dataset, services.url(), services.url(), ACTORS, clockOn(today),
                new DemoData.Patience(Duration.ofSeconds(5), Duration.ofMillis(2), Duration.ofMillis(20)));
    }

    /** Noon in the province on that day. */
    private static Clock clockOn(LocalDate day) {
        return Clock.fixed(day.atTime(12, 0).atZone(DemoData.PROVINCE_ZONE).toInstant(), DemoData.PROVINCE_ZONE);
    }

    private String planId(String code) {
        return services.planByCode(code).path("id").asString();
    }

    private int index(String path) {
        List<FakeServices.Request> all = new ArrayList<>(services.requests);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).method().equals("POST") && all.get(i).path().equals(path)) {
                return i;
            }
        }
        throw new AssertionError("no POST " + path);
    }

    private int lastIndex(String pathPrefix) {
        List<FakeServices.Request> all = new ArrayList<>(services.requests);
        int last = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).method().equals("POST") && all.get(i).path().startsWith(pathPrefix)) {
                last = i;
            }
        }
        return last;
    }

    /** The actions posted for a task, in order, one entry per request answered with success. */
    private List<String> steps(String taskId) {
        String prefix = "/api/v1/tasks/" + taskId + "/";
        return services.requests.stream().filter(r -> r.method().equals("POST") && r.path().startsWith(prefix)
                        && r.status() < 300).map(r -> r.path().substring(prefix.length())).toList();
    }

    private static List<String> expectedSteps(DemoDataset.Task task) {
        List<String> steps = new ArrayList<>();
        task.disseminationSessions().forEach(s -> steps.add("dissemination-sessions"));
        task.progress().forEach(p -> steps.add("progress"));
        if (task.extension() != null) {
            steps.add("extend");
        }
        if (task.completionNote() != null) {
            steps.add("complete");
        }
        if (task.blockReason() != null) {
            steps.add("block");
        }
        if (task.cancelReason() != null) {
            steps.add("cancel");
        }
        return steps;
    }
}
