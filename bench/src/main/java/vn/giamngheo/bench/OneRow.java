package vn.giamngheo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import vn.giamngheo.localstack.LocalStack;
import vn.giamngheo.localstack.Service;

/**
 * Row 2 (command path) or row 4 (poverty review) alone, beside its baseline, on a fresh local stack: each repetition
 * printed, no table. For comparing a change to the store or a service in minutes instead of the full run's twenty;
 * the full run's table is what counts. Usage (after {@code ./mvnw -B install -DskipTests}):
 * {@code java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" vn.giamngheo.bench.OneRow 2|4
 * [--reps N] [--households N] [--threads N] [--seconds N]}.
 */
public final class OneRow {

    private OneRow() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("2") || args[0].equals("4"))) {
            System.err.println("Usage: OneRow 2|4 [bench options]\n" + BenchOptions.USAGE);
            System.exit(2);
        }
        BenchOptions options = BenchOptions.parse(Arrays.copyOfRange(args, 1, args.length));
        BenchMain.quietLogging();
        Path workDir = Files.createTempDirectory("giamngheo-bench-row" + args[0] + "-");
        Footprint.ColdStart[] started = new Footprint.ColdStart[1];
        try (LocalStack stack = new Footprint(JarSnapshot.of(BenchMain.projectRoot(), workDir), workDir)
                .startStack(started)) {
            Callers callers = new Callers(stack.tokens());
            callers.renew();
            Api api = new Api(callers::admin);
            if (args[0].equals("2")) {
                commandPath(stack, callers, api, options);
            } else {
                new PovertyReview(api, api.as(callers::importer), stack.url(Service.REPORT),
                        BenchRun.pidOf(stack, Service.REPORT.moduleName()), BenchRun.pidOf(stack, "mongo"), stack.mongoUri(), workDir,
                        options, System.out::println).run();
            }
        } finally {
            BenchRun.deleteQuietly(workDir);
        }
    }

    private static void commandPath(LocalStack stack, Callers callers, Api api, BenchOptions options)
            throws Exception {
        SuiteClient suite = new SuiteClient(api, callers, stack.url(Service.PLAN), stack.url(Service.TASK),
                stack.url(Service.REPORT));
        BaselineApp bare = BaselineApp.bareInsert(stack);
        try {
            bare.startAndAwaitReady(Duration.ofMinutes(3));
            new CommandPath(suite, bare.baseUrl(), options, System.out::println).run();
        } finally {
            bare.stop(Duration.ofSeconds(20));
        }
    }
}
