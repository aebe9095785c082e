package vn.giamngheo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Sends progress updates at a steady rate, each to a plan with a single task, and measures how long the report's
 * plan progress takes to show the new percentage. Updates are spread over many plans so that each observation is
 * unambiguous: the plan's average equals the percentage just written.
 */
final class Freshness {

    record Result(int rate, Stats stats, Stats requestLatency) {
    }

    private final Api api;
    private final String planUrl;
    private final String taskUrl;
    private final String reportUrl;

    Freshness(Api api, String planUrl, String taskUrl, String reportUrl) {
        this.api = api;
        this.planUrl = planUrl;
        this.taskUrl = taskUrl;
        this.reportUrl = reportUrl;
    }

    Result run(int updates, int ratePerSecond) throws Exception {
        int plans = Math.max(1, Math.min(50, updates / 5));
        List<String[]> planTasks = new ArrayList<>();
        for (int i = 0; i < plans; i++) {
            planTasks.add(planWithOneTask(i));
        }
        ExecutorService observers = Executors.newFixedThreadPool(16);
        List<Future<Double>> observed = new ArrayList<>();
        List<Double> requestLatency = new ArrayList<>();
        long intervalNanos = 1_000_000_000L / ratePerSecond;
        long next = System.nanoTime();
        int[] percent = new int[plans];
        for (int u = 0; u < updates; u++) {
            waitUntil(next);
            next += intervalNanos;
            int p = u % plans;
            percent[p] = Math.min(99, percent[p] + 1);
            int value = percent[p];
            String[] planTask = planTasks.get(p);
            long sent = System.nanoTime();
            Api.Reply reply = api.post(taskUrl + "/api/v1/tasks/" + planTask[1] + "/progress",
                    "{\"percentComplete\":" + value + ",\"note\":\"đo độ trễ\"}");
            long accepted = System.nanoTime();
            requestLatency.add((accepted - sent) / 1e6);
            if (reply.status() != 200) {
                throw new IllegalStateException("progress update refused: " + reply.status() + " " + reply.body());
            }
            observed.add(observers.submit(() -> {
                awaitTrue(() -> reportShows(planTask[0], value));
                return (System.nanoTime() - accepted) / 1e6;
            }));
        }
        List<Double> freshness = new ArrayList<>();
        for (Future<Double> f : observed) {
            freshness.add(f.get(60, TimeUnit.SECONDS));
        }
        observers.shutdown();
        return new Result(ratePerSecond, Stats.of(freshness), Stats.of(requestLatency));
    }

    private boolean reportShows(String planId, int percent) {
        Api.Reply reply = api.get(reportUrl + "/api/v1/reports/plans/" + planId + "/progress");
        return reply.status() == 200 && reply.body().get("averagePercentComplete").asDouble() >= percent;
    }

    private String[] planWithOneTask(int i) throws InterruptedException {
        Api.Reply plan = api.post(planUrl + "/api/v1/plans", """
                {"code":"%03d/KH-BENCH","title":"Kế hoạch đo hiệu năng","kind":"UNIT_PLAN","issuingUnitCode":"SDTTG-14",
                 "periodStart":"2026-01-01","periodEnd":"2026-12-31"}""".formatted(i));
        String planId = plan.body().get("id").asString();
        api.post(planUrl + "/api/v1/plans/" + planId + "/issue", "{\"issuedOn\":\"2026-01-05\"}");
        String body = """
                {"planId":"%s","title":"Nhiệm vụ đo hiệu năng","kind":"IMPLEMENTATION","leadUnitCode":"SDTTG-14",
                 "startDate":"2026-01-05","dueDate":"2026-12-31"}""".formatted(planId);
        Api.Reply task = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (task == null || task.status() != 201) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("task-service never learned of plan " + planId + ": " + task);
            }
            task = api.post(taskUrl + "/api/v1/tasks", body);
            if (task.status() != 201) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        String taskId = task.body().get("id").asString();
        awaitTrue(() -> "ASSIGNED".equals(api.get(taskUrl + "/api/v1/tasks/" + taskId).body().get("status")
                .asString()));
        awaitTrue(() -> api.get(reportUrl + "/api/v1/reports/plans/" + planId + "/progress").status() == 200);
        return new String[] {planId, taskId};
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("condition not reached within 60 s");
            }
            TimeUnit.MILLISECONDS.sleep(2);
        }
    }

    private static void waitUntil(long nanoTime) throws InterruptedException {
        long remaining = nanoTime - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
    }
}
