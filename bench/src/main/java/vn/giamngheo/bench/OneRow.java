package vn.giamngheo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.giamngheo.localstack.LocalStack;
import vn.giamngheo.localstack.Service;

/**
 * Row 1 (projection), row 2 (command path), row 3 (freshness) or row 4 (poverty review) alone, beside its baselines,
 * on a fresh local stack: its cold start and each repetition printed, no table. For comparing a change to the store or
 * a service in minutes instead of the full run's twenty; the full run's table is what counts. Several rows, comma
 * separated, each once, run one after the other on the same stack (2,3: row 3 after row 2's load, as in the full
 * run). Usage (after {@code ./mvnw -B install -DskipTests}): {@code java -cp
 * "bench/target/classes:$(cat bench/target/bench.classpath)" vn.giamngheo.bench.OneRow 1|2|3|4[,…] [--reps N]
 * [--events N] [--budget S] [--households N] [--threads N] [--rate N] [--seconds N]}.
 */
public final class OneRow {

    private OneRow() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rows = args.length == 0 ? List.of() : List.of(args[0].split(","));
        // A row twice on one stack would create its plans again under the same codes, which the plan-service refuses.
        if (rows.isEmpty() || !List.of("1", "2", "3", "4").containsAll(rows) || Set.copyOf(rows).size() < rows.size()) {
            System.err.println("Usage: OneRow 1|2|3|4[,…] (each row once) [bench options]\n" + BenchOptions.USAGE);
            System.exit(2);
        }
        BenchOptions options = BenchOptions.parse(Arrays.copyOfRange(args, 1, args.length));
        BenchMain.quietLogging();
        // "2-3", not "2,3": the broker's log.dirs is a comma-separated list of directories.
        Path workDir = Files.createTempDirectory("giamngheo-bench-row" + String.join("-", rows) + "-");
        Footprint.ColdStart[] started = new Footprint.ColdStart[1];
        try (LocalStack stack = new Footprint(JarSnapshot.of(BenchMain.projectRoot(), workDir), workDir)
                .startStack(started)) {
            System.out.printf(Locale.ROOT, "cold start %.1f s; resident memory when healthy: %s%n",
                    started[0].seconds(), BenchRun.rssList(started[0].processes()));
            // For attaching a profiler (bench README, "Profiling a run").
            System.out.println("process ids: " + started[0].processes().stream()
                    .map(p -> p.name() + "=" + p.pid()).collect(Collectors.joining(", ")));
            Callers callers = new Callers(stack.tokens());
            callers.renew();
            Api api = new Api(callers::admin);
            SuiteClient suite = new SuiteClient(api, callers, stack.url(Service.PLAN), stack.url(Service.TASK),
                    stack.url(Service.REPORT));
            for (String row : rows) {
                System.out.println("row " + row + ", from " + LocalTime.now());
                if (row.equals("1")) {
                    new Projection(stack, options, System.out::println, () -> { }).run();
                } else if (row.equals("2")) {
                    commandPath(stack, suite, options);
                } else if (row.equals("3")) {
                    new FreshnessRow(stack, callers, suite, options, System.out::println).run();
                } else {
                    new PovertyReview(api, api.as(callers::importer), stack.url(Service.REPORT),
                            BenchRun.pidOf(stack, Service.REPORT.moduleName()), BenchRun.pidOf(stack, "mongo"),
                            stack.mongoUri(), workDir, options, System.out::println).run();
                }
            }
        } finally {
            BenchRun.deleteQuietly(workDir);
        }
    }

    private static void commandPath(LocalStack stack, SuiteClient suite, BenchOptions options) throws Exception {
        BaselineApp bare = BaselineApp.bareInsert(stack);
        try {
            bare.startAndAwaitReady(Duration.ofMinutes(3));
            bare.requireTokenChecked(suite.api());
            new CommandPath(suite, bare.baseUrl(), stack.kafkaClientProperties(),
                    BenchRun.pids(stack, "task-service", "report-service", "mongo", "kafka"),
                    Map.of("bare", bare.pid(), "mongo", BenchRun.pidOf(stack, "mongo")), options,
                    System.out::println).run();
        } finally {
            bare.stop(Duration.ofSeconds(20));
        }
    }
}
