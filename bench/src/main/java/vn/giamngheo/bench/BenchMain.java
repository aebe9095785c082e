package vn.giamngheo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.giamngheo.localstack.LocalStack;
import vn.giamngheo.localstack.LocalStackPorts;
import vn.giamngheo.localstack.PhaseTiming;
import vn.giamngheo.localstack.ProcessFigures;
import vn.giamngheo.localstack.Service;

/**
 * Starts the local stack from its real jars and prints figures: cold start to all healthy, memory of every process,
 * and freshness — the time from an accepted progress update (task-service) until the report-service's API reflects
 * it. A benchmark, not a test: it measures and prints, it asserts nothing.
 *
 * <p>Usage: {@code java -cp ... vn.giamngheo.bench.BenchMain [--updates N] [--rate PER_SECOND]}
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int updates = intArg(args, "--updates", 300);
        int rate = intArg(args, "--rate", 30);
        Path dataDir = Files.createTempDirectory("giamngheo-bench");
        long started = System.nanoTime();
        try (LocalStack stack = LocalStack.builder().dataDir(dataDir).ports(LocalStackPorts.free()).build()) {
            stack.start();
            Duration coldStart = Duration.ofNanos(System.nanoTime() - started);
            Freshness.Result freshness = new Freshness(new Api(), stack.url(Service.PLAN), stack.url(Service.TASK),
                    stack.url(Service.REPORT)).run(updates, rate);
            print(coldStart, stack.startupTimings(), stack.processes(), freshness);
        }
    }

    private static void print(Duration coldStart, List<PhaseTiming> phases, List<ProcessFigures> processes,
                              Freshness.Result freshness) {
        System.out.println();
        System.out.println("== giamngheo local stack figures ==");
        System.out.printf(Locale.ROOT, "cold start to all healthy: %.1f s%n", coldStart.toMillis() / 1000.0);
        for (PhaseTiming phase : phases) {
            System.out.printf(Locale.ROOT, "  %-28s %6.1f s%n", phase.phase(), phase.duration().toMillis() / 1000.0);
        }
        long total = 0;
        List<String> rows = new ArrayList<>();
        for (ProcessFigures process : processes) {
            total += Math.max(0, process.rssBytes());
            rows.add(String.format(Locale.ROOT, "  %-16s pid %-8d RSS %s", process.name(), process.pid(),
                    process.rssDisplay()));
        }
        System.out.println("memory after the freshness run (resident set size):");
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "  %-16s              %.0f MiB%n", "all", total / 1024.0 / 1024.0);
        System.out.printf(Locale.ROOT, "freshness, progress update accepted -> report API reflects it, at %d/s: %s%n",
                freshness.rate(), freshness.stats());
        System.out.printf(Locale.ROOT, "update request latency: %s%n", freshness.requestLatency());
    }

    static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
