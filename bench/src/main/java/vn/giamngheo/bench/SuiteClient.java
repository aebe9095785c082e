package vn.giamngheo.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * Sets up what the measurements need through the public APIs, as a user would: issued plans in the plan-service and
 * tasks under them in the task-service (which learns of the plans from plan.events).
 */
final class SuiteClient {

    /** Issuer and lead unit: the Provincial People's Committee exists from 2021 on and has no end. */
    private static final String UNIT = "UBND-14";
    private static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Api api;
    private final Callers callers;
    private final String planUrl;
    private final String taskUrl;
    private final String reportUrl;
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();

    /** @param api calls as the administrator, whose tokens {@code callers} renews */
    SuiteClient(Api api, Callers callers, String planUrl, String taskUrl, String reportUrl) {
        this.api = api;
        this.callers = callers;
        this.planUrl = planUrl;
        this.taskUrl = taskUrl;
        this.reportUrl = reportUrl;
    }

    Api api() {
        return api;
    }

    /** Before a measured window: see {@link Callers#renew}. */
    void renewTokens() {
        callers.renew();
    }

    String taskUrl() {
        return taskUrl;
    }

    String reportUrl() {
        return reportUrl;
    }

    /** An issued plan for this year and the next; returns its id. */
    String issuedPlan(String label) {
        int year = today().getYear();
        Api.Reply plan = api.post(planUrl + "/api/v1/plans", """
                {"code":"%s-%s/KH-BENCH","title":"Kế hoạch đo hiệu năng %s","kind":"UNIT_PLAN",
                 "issuingUnitCode":"%s","periodStart":"%d-01-01","periodEnd":"%d-12-31"}"""
                .formatted(label, runId, label, UNIT, year, year + 1));
        require(plan, 201, "create a plan");
        String planId = plan.text("id");
        require(api.post(planUrl + "/api/v1/plans/" + planId + "/issue",
                "{\"issuedOn\":\"" + today() + "\"}"), 200, "issue plan " + planId);
        return planId;
    }

    /**
     * A task under the plan, retried while the task-service has not yet learned of the plan; returns its id once it
     * is ASSIGNED, i.e. ready for progress reports.
     */
    String assignedTask(String planId, String title) {
        LocalDate today = today();
        String body = """
                {"planId":"%s","title":"%s","kind":"IMPLEMENTATION","leadUnitCode":"%s",
                 "startDate":"%s","dueDate":"%d-12-31"}""".formatted(planId, title, UNIT, today, today.getYear() + 1);
        Api.Reply[] task = new Api.Reply[1];
        await("the task-service to learn of plan " + planId, () -> {
            task[0] = api.post(taskUrl + "/api/v1/tasks", body);
            if (task[0].status() != 201 && task[0].status() != 422) {
                require(task[0], 201, "create a task");
            }
            return task[0].status() == 201;
        });
        String taskId = task[0].text("id");
        if (!"ASSIGNED".equals(task[0].text("status"))) {
            await("task " + taskId + " to be ASSIGNED", () -> "ASSIGNED".equals(
                    api.get(taskUrl + "/api/v1/tasks/" + taskId).text("status")));
        }
        return taskId;
    }

    /** Runs set-up calls side by side (the services serve them concurrently), in order of the results. */
    static <T> List<T> parallel(int count, int threads, IntFunction<T> work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, Api.daemon("bench-setup"));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> work.apply(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(5, TimeUnit.MINUTES));
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("set-up failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    static LocalDate today() {
        return LocalDate.now(PROVINCE);
    }

    static void require(Api.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException("Could not " + what + ": HTTP " + reply.status() + " " + reply.body());
        }
    }

    static void await(String what, BooleanSupplier condition) {
        await(what, condition, Duration.ofSeconds(120));
    }

    static void await(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMillis = 5;
        try {
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Gave up waiting for " + what + " after " + timeout.toSeconds() + " s");
                }
                TimeUnit.MILLISECONDS.sleep(pauseMillis);
                pauseMillis = Math.min(200, pauseMillis * 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        }
    }
}
