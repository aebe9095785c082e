package vn.giamngheo.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import vn.giamngheo.contracts.Topics;

/**
 * Row 2: progress updates through the task-service (HTTP, validation, load the task, domain decision, one conditional
 * write of state and outbox, the relay publishing it) against the bare endpoint (same framework, one insert), under
 * the same closed-loop load, alternating the two in every repetition. Each repetition reports on fresh tasks, so
 * every repetition sees task documents of the same size. Each window starts once the report-service has projected
 * every task event there is: until session 9 the bare endpoint's windows shared the machine with the projection of
 * the updates of ours before it, which flattered the ratio. Before the first repetition each side warms up on its own
 * load until the JIT compilers of its processes have settled ({@link JitWarmUp}).
 */
final class CommandPath {

    record Result(Sample oursThroughput, Sample bareThroughput, Sample oursP50, Sample bareP50, Sample oursP99,
                  Sample bareP99, long errors) {
    }

    private final SuiteClient suite;
    private final String bareUrl;
    private final Map<String, Object> kafka;
    private final Map<String, Long> ourProcesses;
    private final Map<String, Long> bareProcesses;
    private final BenchOptions options;
    private final Consumer<String> log;

    /**
     * @param kafka         the stack's Kafka client properties, to see when the report-service has caught up
     * @param ourProcesses  the processes our updates keep busy (name to pid), watched while ours warms up
     * @param bareProcesses likewise for the bare endpoint's
     */
    CommandPath(SuiteClient suite, String bareUrl, Map<String, Object> kafka, Map<String, Long> ourProcesses,
                Map<String, Long> bareProcesses, BenchOptions options, Consumer<String> log) {
        this.suite = suite;
        this.bareUrl = bareUrl;
        this.kafka = kafka;
        this.ourProcesses = ourProcesses;
        this.bareProcesses = bareProcesses;
        this.options = options;
        this.log = log;
    }

    Result run() throws Exception {
        String planId = suite.issuedPlan("CMD");
        warmUp(planId);
        Sample oursThroughput = new Sample();
        Sample bareThroughput = new Sample();
        Sample oursP50 = new Sample();
        Sample bareP50 = new Sample();
        Sample oursP99 = new Sample();
        Sample bareP99 = new Sample();
        long errors = 0;
        for (int rep = 1; rep <= options.reps(); rep++) {
            List<String> tasks = freshTasks(planId, Integer.toString(rep));
            suite.renewTokens();
            Duration warmUp = rep == 1 ? options.commandWarmUp().multipliedBy(2) : options.commandWarmUp();
            ClosedLoopLoad.Result ours = ours(tasks, warmUp, options.commandMeasured());
            ClosedLoopLoad.Result bare = bare(tasks, warmUp, options.commandMeasured());
            log.accept(String.format(Locale.ROOT, "  command path rep %d: task-service %.0f/s %s (errors %d) | bare "
                    + "%.0f/s %s (errors %d)", rep, ours.throughput(), ours.latency(), ours.errors(),
                    bare.throughput(), bare.latency(), bare.errors()));
            oursThroughput.add(ours.throughput());
            bareThroughput.add(bare.throughput());
            oursP50.add(ours.latency().p50());
            bareP50.add(bare.latency().p50());
            oursP99.add(ours.latency().p99());
            bareP99.add(bare.latency().p99());
            errors += ours.errors() + bare.errors();
        }
        return new Result(oursThroughput, bareThroughput, oursP50, bareP50, oursP99, bareP99, errors);
    }

    /** Each side on its own load until its processes' compilers settled; ours on fresh tasks for every chunk. */
    private void warmUp(String planId) throws Exception {
        JitWarmUp jit = new JitWarmUp(options.warmUpChunk(), options.warmUpCap(), log);
        List<List<String>> chunkTasks = new ArrayList<>();
        jit.run("the task-service's updates", ourProcesses, () -> {
            chunkTasks.add(freshTasks(planId, "W" + (chunkTasks.size() + 1)));
            BenchTopics.awaitConsumed(kafka, Projection.REPORT_GROUP, Topics.TASK_EVENTS);
            suite.renewTokens();
        }, length -> ours(chunkTasks.get(chunkTasks.size() - 1), Duration.ZERO, length));
        List<String> tasks = freshTasks(planId, "W");
        jit.run("the bare endpoint's inserts", bareProcesses, length -> {
            suite.renewTokens();
            bare(tasks, Duration.ZERO, length);
        });
    }

    private List<String> freshTasks(String planId, String label) {
        return SuiteClient.parallel(options.commandThreads() * options.commandTasksPerThread(), 8,
                i -> suite.assignedTask(planId, "Nhiệm vụ đo tải " + label + "." + i));
    }

    /** Our window starts once the report-service has projected every task event, as the bare endpoint's does. */
    private ClosedLoopLoad.Result ours(List<String> tasks, Duration warmUp, Duration measured)
            throws InterruptedException {
        int tasksPerThread = options.commandTasksPerThread();
        int[][] percent = new int[options.commandThreads()][tasksPerThread];
        BenchTopics.awaitConsumed(kafka, Projection.REPORT_GROUP, Topics.TASK_EVENTS);
        return ClosedLoopLoad.run(suite.api(), options.commandThreads(), warmUp, measured, (thread, n) -> {
            int slot = (int) (n % tasksPerThread);
            int value = Math.min(99, ++percent[thread][slot]);
            return progress(suite.taskUrl(), tasks.get(thread * tasksPerThread + slot), value);
        });
    }

    private ClosedLoopLoad.Result bare(List<String> tasks, Duration warmUp, Duration measured)
            throws InterruptedException {
        int tasksPerThread = options.commandTasksPerThread();
        BenchTopics.awaitConsumed(kafka, Projection.REPORT_GROUP, Topics.TASK_EVENTS);
        return ClosedLoopLoad.run(suite.api(), options.commandThreads(), warmUp, measured,
                (thread, n) -> progress(bareUrl, tasks.get(thread * tasksPerThread + (int) (n % tasksPerThread)),
                        (int) Math.min(99, n / tasksPerThread + 1)));
    }

    /** The same request, with the same administrator's token, to ours and to the bare endpoint. */
    private HttpRequest progress(String baseUrl, String taskId, int percent) {
        return suite.api().authorized(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/tasks/" + taskId
                        + "/progress")))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"percentComplete\":" + percent
                        + ",\"note\":\"Đã hoàn thành thêm một phần khối lượng công việc\"}", StandardCharsets.UTF_8))
                .build();
    }
}
