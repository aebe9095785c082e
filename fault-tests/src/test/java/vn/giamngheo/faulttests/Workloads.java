package vn.giamngheo.faulttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounded workloads through the public HTTP API with real tokens, recording every outcome in a {@link Ledger}: the
 * administrator drafts plans and creates tasks, each task's progress comes from its lead unit's officer where the demo
 * has one.
 */
final class Workloads {

    static final Duration CONVERGE = Duration.ofSeconds(90);
    private static final AtomicInteger PLAN_CODES = new AtomicInteger();

    private Workloads() {
    }

    /** A drafted plan; issued too when asked. Returns its id. */
    static String plan(FaultStack stack, String prefix, boolean issue) {
        String code = "%03d/KH-%s".formatted(PLAN_CODES.incrementAndGet(), prefix);
        Api.Reply plan = stack.plans.post("/api/v1/plans", """
                {"code":"%s","title":"Kế hoạch thực hiện giảm nghèo bền vững %s","kind":"UNIT_PLAN",
                 "issuingUnitCode":"UBND-14","periodStart":"2026-01-01","periodEnd":"2030-12-31"}"""
                .formatted(code, code));
        assertThat(plan.status()).as("draft plan %s: %s", code, plan).isEqualTo(201);
        String id = plan.text("id");
        if (issue) {
            Api.Reply issued = stack.plans.post("/api/v1/plans/" + id + "/issue", "{\"issuedOn\":\"2026-01-15\"}");
            assertThat(issued.status()).as("issue %s: %s", code, issued).isEqualTo(200);
        }
        return id;
    }

    /** Tasks under a plan, created once the task-service knows the plan. */
    static List<String> tasks(FaultStack stack, String planId, int count) {
        List<String> ids = new ArrayList<>();
        String[] leads = {"SNNPTNT-14", "SLDTBXH-14", "SYT-14", "SGDDT-14", "SXD-14"};
        for (int i = 0; i < count; i++) {
            String body = """
                    {"planId":"%s","title":"Hỗ trợ sinh kế cho hộ nghèo, nhóm %d","kind":"IMPLEMENTATION",
                     "leadUnitCode":"%s","coordinatingUnitCodes":["UBND-14"],
                     "startDate":"2026-02-01","dueDate":"2030-11-30"}""".formatted(planId, i, leads[i % leads.length]);
            Api.Reply task = await().atMost(CONVERGE).pollInterval(Duration.ofMillis(250))
                    .until(() -> stack.tasks.post("/api/v1/tasks", body), r -> r.status() != 422);
            assertThat(task.status()).as("create task: %s", task).isEqualTo(201);
            ids.add(task.text("id"));
            stack.ledBy(task.text("id"), leads[i % leads.length]);
        }
        return ids;
    }

    /**
     * Sends a request; while the service refuses connections (it is down, so nothing happened) the same request is
     * sent again until it gets through. Lost answers ({@link Api.Uncertain}) are the caller's to record.
     */
    static Api.Reply untilSent(Api api, java.util.function.Supplier<Api.Reply> call, Ledger ledger) {
        try {
            return call.get();
        } catch (Api.NotSent first) {
            ledger.notSent.incrementAndGet();
        }
        return await().atMost(Duration.ofMinutes(3)).pollInSameThread().pollDelay(Duration.ofMillis(200))
                .pollInterval(Duration.ofMillis(200)).ignoreException(Api.NotSent.class)
                .until(() -> {
                    try {
                        return call.get();
                    } catch (Api.NotSent e) {
                        ledger.notSent.incrementAndGet();
                        throw e;
                    }
                }, reply -> true);
    }

    /**
     * Progress reports from {@code threads} clients, each owning its share of the tasks so that its percentages
     * only go up: report k of a task sets k percent (capped at 100). Notes are unique, so the logs can be checked
     * report by report. A client whose service is down waits until it accepts connections again (nothing was sent);
     * a report whose answer was lost is recorded as uncertain and not sent again.
     */
    static final class Progress {

        private final FaultStack stack;
        private final List<String> taskIds;
        private final int updates;
        private final int threads;
        private final String notePrefix;
        private int basePercent;
        final Ledger ledger = new Ledger();
        private final AtomicInteger started = new AtomicInteger();
        private ExecutorService pool;
        private CompletableFuture<Void> done;

        Progress(FaultStack stack, List<String> taskIds, int updates, int threads, String notePrefix) {
            this.stack = stack;
            this.taskIds = taskIds;
            this.updates = updates;
            this.threads = threads;
            this.notePrefix = notePrefix;
        }

        /** Reports start above this percentage, so that a later workload on the same tasks never goes back. */
        Progress fromPercent(int base) {
            this.basePercent = base;
            return this;
        }

        Progress start() {
            pool = Executors.newFixedThreadPool(threads);
            List<CompletableFuture<Void>> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int client = t;
                clients.add(CompletableFuture.runAsync(() -> run(client), pool));
            }
            done = CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new));
            return this;
        }

        private void run(int client) {
            List<String> mine = new ArrayList<>();
            for (int i = client; i < taskIds.size(); i += threads) {
                mine.add(taskIds.get(i));
            }
            int[] reports = new int[mine.size()];
            for (int n = 0; started.getAndIncrement() < updates; n++) {
                int index = n % mine.size();
                String taskId = mine.get(index);
                int k = ++reports[index];
                String note = notePrefix + " báo cáo " + k + " của " + taskId.substring(0, 8) + " (client " + client
                        + ")";
                String body = "{\"percentComplete\":" + Math.min(100, basePercent + k) + ",\"note\":\"" + note + "\"}";
                send(taskId, note, body);
            }
        }

        private void send(String taskId, String note, String body) {
            String path = "/api/v1/tasks/" + taskId + "/progress";
            Api reporter = stack.reporterOf(taskId);
            try {
                Api.Reply reply = untilSent(reporter, () -> reporter.post(path, body), ledger);
                if (reply.ok()) {
                    ledger.acknowledged.add(new Ledger.Write(taskId, reply.version(), note));
                } else if (reply.status() == 503) {
                    ledger.unavailable.incrementAndGet();
                    ledger.uncertain.add(new Ledger.Write(taskId, -1, note));
                    if (!"database-unavailable".equals(reply.problemType())) {
                        ledger.unexpected.add("503 without the database-unavailable problem: " + reply);
                    }
                } else if (reply.status() == 409) {
                    // Another writer changed the task (e.g. its plan was cancelled): refused, nothing stored.
                    ledger.stale.incrementAndGet();
                } else if (reply.status() >= 400 && reply.status() < 500) {
                    ledger.refused.incrementAndGet();
                    ledger.unexpected.add(path + " " + reply);
                } else {
                    ledger.uncertain.add(new Ledger.Write(taskId, -1, note));
                    ledger.unexpected.add(path + " " + reply);
                }
            } catch (Api.Uncertain e) {
                ledger.uncertain.add(new Ledger.Write(taskId, -1, note));
            }
        }


        /** How many reports were acknowledged so far; tests inject their faults at chosen counts. */
        int acknowledged() {
            return ledger.acknowledgedCount();
        }

        /** Every client is done. */
        boolean finished() {
            return done.isDone();
        }

        Ledger awaitDone() {
            await().atMost(Duration.ofMinutes(5)).until(done::isDone);
            done.join();
            pool.shutdown();
            return ledger;
        }
    }
}
