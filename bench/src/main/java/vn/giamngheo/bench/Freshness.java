package vn.giamngheo.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Row 3, ours: progress updates sent at a steady rate (open loop: a slow answer does not slow the schedule), each to
 * a plan with a single task, and for every n-th accepted update the time until the report-service's plan progress
 * shows the new percentage. Each plan's updates are sent one after the other (a later one never overtakes an earlier
 * one, which the task-service would refuse as going backwards), so the plan's average is the percentage last written
 * and each observation is unambiguous.
 *
 * <p>Only a sample is observed, by one observer that asks the report API about every plan with an update not yet seen
 * (see {@link #observe}): observing every update at 300/s would load the report-service more than the updates
 * themselves. An observation ends when the answer arrives, so it includes one API call.
 */
final class Freshness {

    static final long POLL_MILLIS = 5;

    /** {@code slowestAt}: when the update that took longest to show was accepted, to find it in the services' logs. */
    record Result(Stats freshness, Stats requestLatency, long sent, long refused, long unobserved, double rate,
                  Instant slowestAt) {
    }

    private record Observation(int plan, int value, long acceptedNanos) {
    }

    private final SuiteClient suite;
    /** Updates sent by earlier calls: each call goes on with the plan after the last one, so the plans stay even. */
    private long sentBefore;

    Freshness(SuiteClient suite) {
        this.suite = suite;
    }

    /** Plans with one ASSIGNED task each, known to the report-service: {planId, taskId}. */
    List<String[]> prepare(int plans, String label) {
        return SuiteClient.parallel(plans, 8, i -> {
            String planId = suite.issuedPlan(label + i);
            String taskId = suite.assignedTask(planId, "Nhiệm vụ đo độ trễ " + i);
            SuiteClient.await("the report-service to know plan " + planId, () -> suite.api()
                    .get(suite.reportUrl() + "/api/v1/reports/plans/" + planId + "/progress").status() == 200);
            return new String[] {planId, taskId};
        });
    }

    /**
     * Sends {@code rate} updates per second for {@code warmUp + measured}; observes every {@code observeEvery}-th
     * update sent inside the measured window. {@code percent} carries each plan's last percentage across calls.
     */
    Result run(List<String[]> plans, int[] percent, int rate, Duration warmUp, Duration measured, int observeEvery)
            throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(32, Api.daemon("freshness-send"));
        ConcurrentLinkedQueue<Double> freshness = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> latency = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Observation> accepted = new ConcurrentLinkedQueue<>();
        AtomicLong refused = new AtomicLong();
        AtomicLong unobserved = new AtomicLong();
        AtomicBoolean sending = new AtomicBoolean(true);
        Instant[] slowestAt = {null};
        Thread observer = new Thread(() -> observe(plans, accepted, sending, freshness, unobserved, slowestAt),
                "observer");
        observer.setDaemon(true);
        observer.start();
        @SuppressWarnings("unchecked")
        CompletableFuture<Void>[] lastOfPlan = new CompletableFuture[plans.size()];
        for (int p = 0; p < lastOfPlan.length; p++) {
            lastOfPlan[p] = CompletableFuture.completedFuture(null);
        }
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long windowStart = start + warmUp.toNanos();
        long total = (warmUp.toNanos() + measured.toNanos()) / intervalNanos;
        for (long u = 0; u < total; u++) {
            long due = start + u * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int p = (int) ((sentBefore + u) % plans.size());
            if (percent[p] >= 99) {
                throw new IllegalStateException("plan " + p + " reached 99%: prepare more plans for this many updates");
            }
            int value = ++percent[p];
            String taskId = plans.get(p)[1];
            boolean inWindow = due >= windowStart;
            boolean observe = inWindow && u % observeEvery == 0;
            lastOfPlan[p] = lastOfPlan[p].thenRunAsync(() -> {
                long begun = System.nanoTime();
                int status;
                try {
                    status = suite.api().status(update(taskId, value));
                } catch (Exception e) {
                    status = -1;
                }
                long answered = System.nanoTime();
                if (status != 200) {
                    refused.incrementAndGet();
                    return;
                }
                if (inWindow) {
                    latency.add((answered - begun) / 1e6);
                }
                if (observe) {
                    accepted.add(new Observation(p, value, answered));
                }
            }, senders);
        }
        sentBefore += total;
        CompletableFuture.allOf(lastOfPlan).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        sending.set(false);
        observer.join();
        senders.shutdown();
        return new Result(Stats.of(freshness), Stats.of(latency), total, refused.get(), unobserved.get(),
                total / seconds, slowestAt[0]);
    }

    /**
     * Polls the report API for the plans with unseen updates until all are seen (or 60 s passed for one): each every
     * {@value #POLL_MILLIS} ms, or every tenth of the time it has waited when that is longer — so an observation errs
     * by at most a tenth plus one call, and a slow pipeline is not buried under polls.
     */
    private void observe(List<String[]> plans, ConcurrentLinkedQueue<Observation> accepted, AtomicBoolean sending,
                         ConcurrentLinkedQueue<Double> freshness, AtomicLong unobserved, Instant[] slowestAt) {
        List<Observation> pending = new ArrayList<>();
        long[] slowest = {-1};
        Map<Integer, Long> nextPoll = new HashMap<>();
        try {
            while (sending.get() || !pending.isEmpty() || !accepted.isEmpty()) {
                long round = System.nanoTime();
                for (Observation o; (o = accepted.poll()) != null; ) {
                    pending.add(o);
                }
                Map<Integer, Double> shown = new HashMap<>();
                for (Observation o : pending) {
                    if (!shown.containsKey(o.plan()) && nextPoll.getOrDefault(o.plan(), 0L) <= round) {
                        shown.put(o.plan(), averagePercent(plans.get(o.plan())[0]));
                        long waited = System.nanoTime() - o.acceptedNanos();
                        nextPoll.put(o.plan(), System.nanoTime()
                                + Math.max(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS), waited / 10));
                    }
                }
                long seen = System.nanoTime();
                pending.removeIf(o -> {
                    Double percent = shown.get(o.plan());
                    if (percent != null && percent >= o.value()) {
                        long took = seen - o.acceptedNanos();
                        freshness.add(took / 1e6);
                        if (took > slowest[0]) {
                            slowest[0] = took;
                            slowestAt[0] = Instant.now().minusNanos(System.nanoTime() - o.acceptedNanos());
                        }
                        nextPoll.remove(o.plan());
                        return true;
                    }
                    if (seen - o.acceptedNanos() > TimeUnit.SECONDS.toNanos(60)) {
                        unobserved.incrementAndGet();
                        return true;
                    }
                    return false;
                });
                long rest = TimeUnit.MILLISECONDS.toNanos(1) - (System.nanoTime() - round);
                if (rest > 0) {
                    TimeUnit.NANOSECONDS.sleep(rest);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private double averagePercent(String planId) {
        Api.Reply reply = suite.api().get(suite.reportUrl() + "/api/v1/reports/plans/" + planId + "/progress");
        return reply.status() == 200 ? reply.body().get("averagePercentComplete").asDouble() : -1;
    }

    private HttpRequest update(String taskId, int percent) {
        return suite.api().authorized(HttpRequest.newBuilder(URI.create(suite.taskUrl() + "/api/v1/tasks/" + taskId
                        + "/progress")))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"percentComplete\":" + percent
                        + ",\"note\":\"Cập nhật tiến độ\"}", StandardCharsets.UTF_8))
                .build();
    }
}
