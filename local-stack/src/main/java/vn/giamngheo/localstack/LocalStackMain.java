package vn.giamngheo.localstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./run-local.sh [--data-dir DIR] [--no-demo-data]}: the whole suite on one
 * machine with only a JDK, until Ctrl-C. Exit code 2 when the stack cannot start, with the reason and no stack trace.
 */
public final class LocalStackMain {

    private static final int EXIT_CANNOT_START = 2;

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(CliOptions.USAGE);
            System.exit(EXIT_CANNOT_START);
            return;
        }
        if (options.help()) {
            System.out.println(CliOptions.USAGE);
            return;
        }
        long began = System.nanoTime();
        AtomicBoolean stopRequested = new AtomicBoolean();
        LocalStack stack;
        try {
            LocalStack.Builder builder = LocalStack.builder().demoData(options.demoData()).progress(System.out::println);
            if (options.dataDir() != null) {
                builder.dataDir(options.dataDir());
            }
            stack = builder.build();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopRequested.set(true);
                stop(stack);
            }, "local-stack-shutdown"));
            stack.start();
        } catch (LocalStackException e) {
            // Ctrl-C during start-up makes the processes exit "before they were ready": that is no error to report.
            if (!stopRequested.get()) {
                System.err.println();
                System.err.println(e.getMessage());
                System.exit(EXIT_CANNOT_START);
            }
            return;
        }
        printSummary(stack, Duration.ofNanos(System.nanoTime() - began), System.out);
        new CountDownLatch(1).await();
    }

    private static void stop(LocalStack stack) {
        if (stack.processes().isEmpty()) {
            stack.close();
            return;
        }
        long began = System.nanoTime();
        System.out.println();
        System.out.println("Stopping the services, then the issuer, Kafka and MongoDB …");
        stack.close();
        System.out.printf(Locale.ROOT, "Stopped in %.1f s%n", (System.nanoTime() - began) / 1e9);
    }

    static void printSummary(LocalStack stack, Duration total, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "giamngheo local stack is up (%.1f s)%n", total.toMillis() / 1000.0);
        out.println();
        out.println("Start-up phases:");
        stack.startupTimings().forEach(t -> out.printf(Locale.ROOT, "  %-38s %8s%n", t.phase(), t.durationDisplay()));
        stack.demoDataOutcome().ifPresent(demo -> out.println(demo.loadedNow()
                ? "  demo data: " + String.join(System.lineSeparator() + "             ",
                        demo.summary().lines().toList())
                : "  demo data: loaded by an earlier start (delete " + stack.dataDir().resolve(DemoData.MARKER_FILE)
                        + " to load it again)"));
        out.println();
        out.printf(Locale.ROOT, "  %-16s %8s %10s %12s%n", "process", "pid", "RSS", "ready after");
        for (ProcessFigures p : stack.processes()) {
            out.printf(Locale.ROOT, "  %-16s %8d %10s %12s%n", p.name(), p.pid(), p.rssDisplay(),
                    p.readyAfter() == null ? "-" : String.format(Locale.ROOT, "%.1f s", p.readyAfter().toMillis() / 1000.0));
        }
        out.println();
        for (Service service : Service.values()) {
            String base = "http://localhost:" + stack.ports().of(service);
            out.printf(Locale.ROOT, "  %-16s %s/swagger-ui.html%n", service.moduleName(), base);
            out.printf(Locale.ROOT, "  %-16s %s/actuator/health%n", "", base);
        }
        if (stack.processes().stream().anyMatch(p -> p.name().equals(IdentityProcess.NAME))) {
            out.printf(Locale.ROOT, "  %-16s %s  (tokens: TOKEN=$(./token.sh admin); users in README.md)%n",
                    "identity", stack.issuerUri());
        }
        out.printf(Locale.ROOT, "  %-16s localhost:%d  (SASL/SCRAM-SHA-512; admin client settings: %s)%n", "Kafka",
                stack.ports().kafka(), stack.kafkaAdminClientConfig());
        out.printf(Locale.ROOT, "  %-16s mongodb://localhost:%d%n", "MongoDB", stack.ports().mongo());
        out.printf(Locale.ROOT, "  %-16s %s%n", "logs", stack.logDir());
        out.println();
        out.println("Press Ctrl-C to stop.");
    }
}
