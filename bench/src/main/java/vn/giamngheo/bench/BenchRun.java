package vn.giamngheo.bench;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import vn.giamngheo.bench.ResultTable.Goal;
import vn.giamngheo.bench.ResultTable.Unit;
import vn.giamngheo.localstack.IdentityProcess;
import vn.giamngheo.localstack.LocalStack;
import vn.giamngheo.localstack.ProcessFigures;
import vn.giamngheo.localstack.Service;

/**
 * One bench run: the cold starts first (on an idle machine, alternating baseline and stack; the last stack stays up),
 * then on that stack the command path, freshness, the poverty review and the projection, each side by side with its
 * baseline. Returns the table; stops every process it started and deletes its data.
 */
final class BenchRun {

    private final BenchOptions options;
    private final Path projectRoot;
    private final boolean snapshotJars;
    private final Consumer<String> log;

    BenchRun(BenchOptions options, Path projectRoot, boolean snapshotJars, Consumer<String> log) {
        this.options = options;
        this.projectRoot = projectRoot;
        this.snapshotJars = snapshotJars;
        this.log = log;
    }

    ResultTable run() throws Exception {
        ResultTable table = new ResultTable();
        Path workDir = Files.createTempDirectory("giamngheo-bench-");
        Thread stopOnInterrupt = new Thread(() -> stopEverything(workDir), "bench-stop-on-exit");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        String loadBefore = loadAverage();
        long began = System.nanoTime();
        LocalStack stack = null;
        BaselineApp bare = null;
        try {
            Path root = snapshotJars ? JarSnapshot.of(projectRoot, workDir) : projectRoot;
            Footprint footprint = new Footprint(root, workDir);
            Sample stackStart = new Sample();
            Sample baselineStart = new Sample();
            Sample stackRss = new Sample();
            Sample baselineRss = new Sample();
            Footprint.ColdStart lastStack = null;
            Footprint.ColdStart lastBaseline = null;
            log.accept(section("Row 5: cold starts", began));
            footprint.prepare();
            log.accept(section("  class data sharing archives ready (one untimed start of each side)", began));
            for (int rep = 1; rep <= options.reps(); rep++) {
                lastBaseline = footprint.baseline();
                Footprint.ColdStart[] started = new Footprint.ColdStart[1];
                stack = footprint.startStack(started);
                lastStack = started[0];
                log.accept(String.format(Locale.ROOT, "  cold start %d: stack %.1f s, %.0f MiB | baseline %.1f s, "
                        + "%.0f MiB", rep, lastStack.seconds(), lastStack.totalRssMib(), lastBaseline.seconds(),
                        lastBaseline.totalRssMib()));
                stackStart.add(lastStack.seconds());
                baselineStart.add(lastBaseline.seconds());
                stackRss.add(lastStack.totalRssMib());
                baselineRss.add(lastBaseline.totalRssMib());
                if (rep < options.reps()) {
                    stack.close();
                    stack = null;
                }
            }

            Callers callers = new Callers(stack.tokens());
            callers.renew();
            Api api = new Api(callers::admin);
            SuiteClient suite = new SuiteClient(api, callers, stack.url(Service.PLAN), stack.url(Service.TASK),
                    stack.url(Service.REPORT));

            log.accept(section("Row 2: command path", began));
            bare = BaselineApp.bareInsert(stack);
            bare.startAndAwaitReady(Duration.ofMinutes(3));
            bare.requireTokenChecked(api);
            CommandPath.Result command = new CommandPath(suite, bare.baseUrl(), stack.kafkaClientProperties(),
                    pids(stack, "task-service", "report-service", "mongo", "kafka"),
                    Map.of("bare", bare.pid(), "mongo", pidOf(stack, "mongo")), options, log).run();
            bare.stop(Duration.ofSeconds(20));
            bare = null;

            log.accept(section("Row 3: freshness", began));
            FreshnessRow.Result fresh = new FreshnessRow(stack, callers, suite, options, log).run();

            log.accept(section("Row 4: poverty review", began));
            PovertyReview.Result poverty = new PovertyReview(api, api.as(callers::importer),
                    stack.url(Service.REPORT), pidOf(stack, Service.REPORT.moduleName()), pidOf(stack, "mongo"),
                    stack.mongoUri(), workDir, options, log).run();

            log.accept(section("Row 1: projection throughput", began));
            String[] afterRun = new String[1];
            LocalStack running = stack;
            Projection.Result projection = new Projection(stack, options, log, () -> afterRun[0] = afterRun(running))
                    .run();

            String events = String.format(Locale.ROOT, "%,d", projection.events());
            table.add(1, "projection of " + events + " task events, records/s", Unit.PER_SECOND, projection.report(),
                    "plain consumer", projection.plain(), Goal.ratioAtLeast(0.5));
            table.add(1, "  same, against the naive projection", Unit.PER_SECOND, projection.report(),
                    "naive upsert per record", projection.naive(), Goal.ratioAtLeast(5));
            String load = options.commandThreads() + " clients";
            table.add(2, "command path, progress updates/s (" + load + ")", Unit.PER_SECOND,
                    command.oursThroughput(), "bare insert endpoint", command.bareThroughput(),
                    Goal.ratioAtLeast(0.7));
            table.add(2, "  latency p50", Unit.MILLIS, command.oursP50(), "bare insert endpoint", command.bareP50(),
                    Goal.none());
            table.add(2, "  latency p99", Unit.MILLIS, command.oursP99(), "bare insert endpoint", command.bareP99(),
                    Goal.ratioAtMost(2));
            String rate = options.freshnessRate() + " updates/s";
            table.add(3, "freshness p50, update accepted -> report API (" + rate + ")", Unit.MILLIS, fresh.oursP50(),
                    "raw produce->consume", fresh.rawP50(), Goal.none());
            table.add(3, "  freshness p99", Unit.MILLIS, fresh.oursP99(), "raw produce->consume", fresh.rawP99(),
                    Goal.ratioAtMost(3));
            String households = String.format(Locale.ROOT, "%,d", poverty.households());
            table.add(4, "poverty review of " + households + " households: import + publish", Unit.SECONDS,
                    poverty.ours(), "parse CSV + bulk insert", poverty.baseline(), Goal.ratioAtMost(1.5));
            table.add(4, "  peak RSS (report-service process; loader process)", Unit.MIB, poverty.oursPeakMib(),
                    "raw loader", poverty.baselinePeakMib(), Goal.none());
            table.add(5, "cold start to all healthy", Unit.SECONDS, stackStart, "broker + mongo + 4 empty apps",
                    baselineStart, Goal.ratioAtMost(1.5));
            table.add(5, "  RSS of all processes when healthy", Unit.MIB, stackRss, "broker + mongo + 4 empty apps",
                    baselineRss, Goal.oursAtMost(1536, "ours <= 1.5 GiB"));

            table.note("");
            table.note("Resident memory of each process when all were healthy (last cold start):");
            table.note("  ours:     " + rssList(lastStack.processes()));
            table.note("  baseline: " + rssList(lastBaseline.processes()));
            table.note("  end of the run, before the report-service stopped (now / peak): " + afterRun[0]);
            table.note("Row 5: ours has four Spring Boot processes (the identity issuer and the three services), so the "
                    + "baseline has four empty apps, three with the services' JVM options and one with the issuer's; "
                    + "broker and MongoDB-wire server are the same on both sides. " + issuerFigures(lastStack));
            table.note("Authentication: every call to our services carries a real bearer token of the stack's issuer "
                    + "(the administrator; the poverty upload the machine client sldtbxh-system), which the service "
                    + "verifies before its access rules; the bare insert endpoint verifies the same token (same "
                    + "resource-server starter and issuer, no role rules). The empty apps and the raw CSV load take no "
                    + "HTTP requests with tokens. Every Kafka client, ours and the baselines', logs in with "
                    + "SASL/SCRAM-SHA-512.");
            table.note(String.format(Locale.ROOT, "Repetitions: %d (cold starts, command path, freshness, poverty "
                    + "reviews, plain consumer). The report-service's and the naive projection's consumption runs once "
                    + "(budget %d s each); their spread is over the thirds of that window: report-service %,d of %s "
                    + "events in %.0f s, naive %,d in %.0f s; producing them took %.1f s.", options.reps(),
                    options.projectionBudget().toSeconds(), projection.reportConsumed(), events,
                    projection.reportSeconds(), projection.naiveConsumed(), projection.naiveSeconds(),
                    projection.produceSeconds()));
            table.note(String.format(Locale.ROOT, "Row 1, not a baseline: a batched version-checked projection "
                    + "(prototype, BatchedProjection: a poll's events folded per task, one unordered bulk write per "
                    + "poll) did %s = %.1f x the naive projection, %.1f x the report-service's.",
                    ResultTable.figure(Unit.PER_SECOND, projection.batched()),
                    projection.batched().median() / projection.naive().median(),
                    projection.batched().median() / projection.report().median()));
            table.note(String.format(Locale.ROOT, "Row 4: upload + import %s, publish %s; peak RSS of the "
                    + "MongoDB-wire server during the review %s; each review starts from an empty households "
                    + "collection.%s", ResultTable.figure(Unit.SECONDS, poverty.importSeconds()),
                    ResultTable.figure(Unit.SECONDS, poverty.publishSeconds()),
                    ResultTable.figure(Unit.MIB, poverty.mongoPeakMib()), poverty.failures().isEmpty() ? ""
                            : " Did NOT finish: " + String.join("; ", poverty.failures())));
            table.note(String.format(Locale.ROOT, "Freshness: %d updates observed (every %d-th), %d never seen "
                    + "within 60 s, %d refused; command path: %d failed requests.", fresh.observed(),
                    options.observeEvery(), fresh.unobserved(), fresh.refused(), command.errors()));
            table.note(String.format(Locale.ROOT, "Load average before: %s; after: %s; %d cores; run took %.1f min.",
                    loadBefore, loadAverage(), Runtime.getRuntime().availableProcessors(),
                    (System.nanoTime() - began) / 60e9));
            return table;
        } catch (Exception | Error e) {
            keepLogs(workDir);
            throw e;
        } finally {
            if (bare != null) {
                bare.stop(Duration.ofSeconds(20));
            }
            if (stack != null) {
                stack.close();
            }
            deleteQuietly(workDir);
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
        }
    }

    /**
     * When the bench is stopped from outside (Ctrl-C, kill), the run's own clean-up never comes; without this the
     * stack's processes outlived the bench and kept their ports, memory and data directory.
     */
    private static void stopEverything(Path workDir) {
        List<ProcessHandle> started = ProcessHandle.current().descendants().toList();
        started.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : started) {
            try {
                process.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                process.destroyForcibly();
            }
        }
        deleteQuietly(workDir);
    }

    static long pidOf(LocalStack stack, String name) {
        return stack.processes().stream().filter(p -> p.name().equals(name)).mapToLong(ProcessFigures::pid)
                .findFirst().orElseThrow();
    }

    /** The named processes of the stack, name to pid, in the given order. */
    static Map<String, Long> pids(LocalStack stack, String... names) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String name : names) {
            pids.put(name, pidOf(stack, name));
        }
        return pids;
    }

    private static String section(String name, long began) {
        return String.format(Locale.ROOT, "%s (%.0f s into the run)", name, (System.nanoTime() - began) / 1e9);
    }

    private static String issuerFigures(Footprint.ColdStart stack) {
        return stack.processes().stream().filter(p -> p.name().equals(IdentityProcess.NAME)).findFirst()
                .map(p -> String.format(Locale.ROOT, "The issuer alone: ready %s after its launch, %s.",
                        p.readyAfter() == null ? "n/a" : String.format(Locale.ROOT, "%.1f s",
                                p.readyAfter().toMillis() / 1000.0), p.rssDisplay()))
                .orElse("The issuer was not running.");
    }

    static String rssList(List<ProcessFigures> processes) {
        StringBuilder text = new StringBuilder();
        long total = 0;
        for (ProcessFigures process : processes) {
            text.append(process.name()).append(' ').append(process.rssDisplay()).append(", ");
            total += Math.max(0, process.rssBytes());
        }
        return text.append("all ").append(Math.round(Processes.mib(total))).append(" MiB").toString();
    }

    private static String afterRun(LocalStack stack) {
        StringBuilder text = new StringBuilder();
        long now = 0;
        long peak = 0;
        for (ProcessFigures process : stack.processes()) {
            long rss = Processes.memory(process.pid(), "VmRSS").orElse(0);
            long hwm = Processes.memory(process.pid(), "VmHWM").orElse(0);
            now += rss;
            peak += hwm;
            text.append(process.name()).append(' ').append(Math.round(Processes.mib(rss))).append('/')
                    .append(Math.round(Processes.mib(hwm))).append(" MiB, ");
        }
        return text.append("all ").append(Math.round(Processes.mib(now))).append('/')
                .append(Math.round(Processes.mib(peak))).append(" MiB").toString();
    }

    /** A failed run's process logs outlive its data: copied to a directory that is not deleted. */
    private void keepLogs(Path workDir) {
        try {
            Path kept = Files.createTempDirectory("giamngheo-bench-logs-");
            try (var files = Files.walk(workDir)) {
                files.filter(f -> f.getParent() != null && f.getParent().getFileName().toString().equals("logs")
                        && Files.isRegularFile(f)).forEach(f -> {
                    try {
                        Path target = kept.resolve(workDir.relativize(f).toString().replace('/', '_'));
                        Files.copy(f, target);
                    } catch (IOException e) {
                        // one log fewer
                    }
                });
            }
            log.accept("The processes' logs are kept in " + kept);
        } catch (IOException | RuntimeException e) {
            log.accept("Could not keep the logs: " + e.getMessage());
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static void deleteQuietly(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }
}
