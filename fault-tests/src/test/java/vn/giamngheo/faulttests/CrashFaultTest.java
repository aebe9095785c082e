package vn.giamngheo.faulttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.giamngheo.localstack.Service;

/**
 * Crashes and outages in the middle of a workload: the Kafka broker SIGKILLed, each service SIGKILLed (the producer
 * side with unpublished outbox entries, the consumer side with uncommitted offsets), the MongoDB-wire server stopped
 * while requests arrive. Each scenario leaves the system settled and checked for the next.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(RestoreAndReport.class)
class CrashFaultTest extends SeededFaultScenarios {

    static final int THREADS = 8;

    CrashFaultTest() {
        super("crash", 5, 20);
    }

    @Test
    @Order(1)
    void the_broker_killed_and_restarted_mid_workload_loses_and_doubles_nothing() {
        // given: 2,000 progress reports over 100 tasks from 8 clients
        Workloads.Progress workload = new Workloads.Progress(stack, tasks, 2_000, THREADS, "S1").start();

        // when: SIGKILL the broker a third of the way in, start it again two thirds in
        await().atMost(Duration.ofMinutes(2)).until(() -> workload.acknowledged() >= 600 || workload.finished());
        int atKill = workload.acknowledged();
        stack.stack.killKafka();
        await().atMost(Duration.ofMinutes(2)).until(() -> workload.acknowledged() >= 1_300 || workload.finished());
        int atRestart = workload.acknowledged();
        stack.stack.startKafka();
        Ledger ledger = workload.awaitDone();

        // then
        assertThat(ledger.unexpected).isEmpty();
        assertThat(ledger.acknowledgedCount()).isEqualTo(2_000);
        Settled settled = Settled.check(stack, Set.of());
        int uncertainStored = Invariants.progressLogsHoldExactly(stack, ledger, "S1", settled.taskEvents());
        settled.print("S1 broker SIGKILL", "2000 progress reports, 100 tasks, 8 clients",
                "kafka SIGKILL at " + atKill + " acks, restarted at " + atRestart + " acks", ledger, uncertainStored,
                "");
    }

    @Test
    @Order(2)
    void plan_service_killed_with_unpublished_outbox_entries_publishes_each_exactly_once() {
        // given: the broker is away, so the plan-service's writes wait in its outboxes
        stack.stack.stopKafka();
        Ledger ledger = new Ledger();
        List<String> drafted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String plan = Workloads.plan(stack, "OUTBOX", i % 2 == 0);
            drafted.add(plan);
            ledger.acknowledged.add(new Ledger.Write(plan, i % 2 == 0 ? 2 : 1, "drafted"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingEvents(Service.PLAN, "plans") >= 15);
        // prefer a moment when the relay holds no claim (it backs off between attempts), so its successor need not
        // wait for the claim to expire; killing during a claim is correct too, only slower
        boolean freeMoment = waitForNoClaim(Service.PLAN, "plans");
        long pending = pendingEvents(Service.PLAN, "plans");

        // when: SIGKILL, more writes arrive while it is down, then the broker and the service come back
        stack.stack.killService(Service.PLAN);
        ConcurrentLinkedQueue<String> createdWhileDown = new ConcurrentLinkedQueue<>();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 5; i++) {
                String code = "%02d/KH-WHILE-DOWN".formatted(i);
                Api.Reply reply = Workloads.untilSent(stack.plans, () -> stack.plans.post("/api/v1/plans", """
                        {"code":"%s","title":"Kế hoạch lập khi dịch vụ ngừng","kind":"UNIT_PLAN",
                         "issuingUnitCode":"SDTTG-14","periodStart":"2026-01-01","periodEnd":"2026-12-31"}"""
                        .formatted(code)), ledger);
                assertThat(reply.status()).as("%s", reply).isEqualTo(201);
                createdWhileDown.add(reply.text("id"));
                ledger.acknowledged.add(new Ledger.Write(reply.text("id"), 1, code));
            }
        });
        stack.stack.startKafka();
        stack.stack.startService(Service.PLAN);
        writer.join();

        // then
        Settled settled = Settled.check(stack, Set.of());
        assertThat(createdWhileDown).hasSize(5);
        for (Ledger.Write write : ledger.acknowledged) {
            assertThat(settled.planEvents().latest(write.aggregateId())).as("plan %s on plan.events", write)
                    .isNotNull();
            assertThat(settled.planEvents().latest(write.aggregateId()).version()).isEqualTo(write.version());
        }
        settled.print("S2a plan-service SIGKILL", "10 plans drafted (5 issued) while Kafka was stopped + 5 drafted "
                        + "while the service was down",
                "kafka stopped; plan-service SIGKILL with " + pending + " unpublished events"
                        + (freeMoment ? " (relay between claims)" : " (relay holding a claim)"),
                ledger, 0, "");
    }

    @Test
    @Order(3)
    void task_service_killed_mid_workload_with_pending_events_and_uncommitted_offsets() {
        // given: 1,000 progress reports; meanwhile a new plan is drafted, tasks are created under it, and it is
        // issued right before the kill, so the task-service has plan events to consume when it dies
        String draft = Workloads.plan(stack, "FOLLOW", false);
        List<String> planned = Workloads.tasks(stack, draft, 10);
        Workloads.Progress workload = new Workloads.Progress(stack, tasks, 1_000, THREADS, "S2b").fromPercent(25)
                .start();
        await().atMost(Duration.ofMinutes(2)).until(() -> workload.acknowledged() >= 300 || workload.finished());
        assertThat(stack.plans.post("/api/v1/plans/" + draft + "/issue", "{\"issuedOn\":\"2026-03-01\"}").status())
                .isEqualTo(200);
        String cancelled = plans.get(4);
        assertThat(stack.plans.post("/api/v1/plans/" + cancelled + "/cancel",
                "{\"reason\":\"Hợp nhất vào kế hoạch khác\"}").status()).isEqualTo(200);

        // when
        long pending = pendingEvents(Service.TASK, "tasks");
        long lag = stack.lag("task-service", "plan.events");
        int atKill = workload.acknowledged();
        stack.stack.killService(Service.TASK);
        stack.stack.startService(Service.TASK);
        Ledger ledger = workload.awaitDone();

        // then
        assertThat(ledger.unexpected).isEmpty();
        Settled settled = Settled.check(stack, Set.of());
        int uncertainStored = Invariants.progressLogsHoldExactly(stack, ledger, "S2b", settled.taskEvents());
        for (String task : planned) {
            assertThat(settled.taskEvents().latest(task).text("status")).as("task %s of the issued plan", task)
                    .isEqualTo("ASSIGNED");
        }
        settled.print("S2b task-service SIGKILL", "1000 progress reports, 100 tasks, 8 clients; 1 plan issued "
                        + "(10 planned tasks) and 1 cancelled (20 tasks) just before the kill",
                "task-service SIGKILL at " + atKill + " acks with " + pending + " unpublished task events and lag "
                        + lag + " on plan.events", ledger, uncertainStored, "");
    }

    @Test
    @Order(4)
    void report_service_killed_twice_while_consuming_catches_up_exactly() {
        // given
        List<String> open = tasks.subList(0, 80);
        Workloads.Progress workload = new Workloads.Progress(stack, open, 1_000, THREADS, "S2c").fromPercent(40)
                .start();
        await().atMost(Duration.ofMinutes(2)).until(() -> workload.acknowledged() >= 300 || workload.finished());

        // when: SIGKILL while it consumes; it stays down while the workload goes on, and is killed again while it
        // catches up with the backlog
        long lagAtFirstKill = stack.lag("report-service", "task.events");
        stack.stack.killService(Service.REPORT);
        Ledger ledger = workload.awaitDone();
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingEvents(Service.TASK, "tasks") == 0);
        long backlog = stack.lag("report-service", "task.events");
        CompletableFuture<Void> starting = CompletableFuture.runAsync(() -> stack.stack.startService(Service.REPORT));
        // a SIGKILLed member keeps its partitions until its session times out, then the new one catches up
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> stack.lag("report-service", "task.events") < backlog);
        long lagAtSecondKill = stack.lag("report-service", "task.events");
        stack.stack.killService(Service.REPORT);
        // the start that was waiting for readiness sees its process die; that is the point
        starting.handle((ready, died) -> null).join();
        stack.stack.startService(Service.REPORT);

        // then
        assertThat(ledger.unexpected).isEmpty();
        Settled settled = Settled.check(stack, Set.of());
        int uncertainStored = Invariants.progressLogsHoldExactly(stack, ledger, "S2c", settled.taskEvents());
        settled.print("S2c report-service SIGKILL x2", "1000 progress reports, 80 tasks, 8 clients",
                "report-service SIGKILL with lag " + lagAtFirstKill + ", down during a backlog of " + backlog
                        + ", SIGKILL again while catching up (lag " + lagAtSecondKill + ")",
                ledger, uncertainStored, "");
    }

    @Test
    @Order(5)
    void mongo_stopped_while_requests_arrive_answers_503_quickly_and_loses_nothing_acknowledged() {
        // given: a workload, and probes reading and writing on every service throughout
        List<String> open = tasks.subList(0, 80);
        Workloads.Progress workload = new Workloads.Progress(stack, open, 600, THREADS, "S3").fromPercent(60)
                .start();
        AtomicBoolean probing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> probeAnswers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> unavailableMillis = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Void>> probes = new ArrayList<>();
        // a probe waits longer than the driver's old 30 s server selection, so a slow 503 is seen (and fails below);
        // it reads as the administrator (tasks are for signed-in readers only): the token check needs no database
        List<Api> apis = List.of(stack.plans.withTimeout(Duration.ofSeconds(60)),
                stack.tasks.withTimeout(Duration.ofSeconds(60)), stack.reports.withTimeout(Duration.ofSeconds(60)));
        List<String> paths = List.of("/api/v1/plans?size=5", "/api/v1/tasks?size=5", "/api/v1/poverty/reviews");
        for (int i = 0; i < apis.size(); i++) {
            Api api = apis.get(i);
            String path = paths.get(i);
            probes.add(CompletableFuture.runAsync(() -> {
                while (probing.get()) {
                    Api.Reply reply;
                    try {
                        reply = api.get(path);
                    } catch (Api.NotSent | Api.Uncertain e) {
                        probeAnswers.add(api.baseUrl() + " no answer: " + e.getMessage());
                        continue;
                    }
                    if (reply.status() == 503) {
                        unavailableMillis.add(reply.millis());
                        probeAnswers.add(api.baseUrl() + " 503 " + reply.problemType());
                    } else {
                        probeAnswers.add(api.baseUrl() + " " + reply.status());
                    }
                }
            }));
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> workload.acknowledged() >= 200 || workload.finished());

        // when
        stack.stack.stopMongo();
        await().atMost(Duration.ofMinutes(2)).alias("every service answers 503 twice: " + probeAnswers)
                .until(() -> apis.stream().allMatch(api -> probeAnswers.stream()
                        .filter(a -> a.startsWith(api.baseUrl() + " 503")).count() >= 2));
        stack.stack.startMongo();
        Ledger ledger = workload.awaitDone();
        probing.set(false);
        CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new)).join();

        // then: every answer during the outage was a clear 503 problem, and it came quickly
        assertThat(probeAnswers).allSatisfy(answer -> assertThat(answer).matches(".* (200|503 database-unavailable)"));
        assertThat(unavailableMillis).isNotEmpty().allSatisfy(ms -> assertThat(ms).isLessThan(10_000L));
        assertThat(ledger.unexpected).isEmpty();
        Settled settled = Settled.check(stack, Set.of());
        int uncertainStored = Invariants.progressLogsHoldExactly(stack, ledger, "S3", settled.taskEvents());
        settled.print("S3 MongoDB stopped", "600 progress reports, 80 tasks, 8 clients + 3 probes (GET on each service)",
                "mongo-wire server stopped, restarted after every service answered 503 twice", ledger,
                uncertainStored, "probe answers=" + probeAnswers.size() + ", 503s=" + unavailableMillis.size()
                        + ", slowest 503=" + unavailableMillis.stream().mapToLong(Long::longValue).max().orElse(0)
                        + " ms");
    }

    /** Events waiting in a collection's outboxes. */
    long pendingEvents(Service service, String collection) {
        long pending = 0;
        for (Document document : stack.db(service).getCollection(collection)
                .find(Filters.exists("outbox.0"))) {
            pending += document.getList("outbox", Object.class).size();
        }
        return pending;
    }

    private boolean waitForNoClaim(Service service, String collection) {
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() ->
                    stack.db(service).getCollection(collection).countDocuments(Filters.exists("lease")) == 0);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }
}
