package vn.giamngheo.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * {@code bench/run.sh [--quick] [options]}: measures the suite against the physical limits of its own infrastructure
 * on this machine and prints one table — our figure, the baseline's figure measured in the same run, the ratio and
 * the goal. A benchmark, not a test: it measures and prints; a missed goal is a finding, not a failure.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        quietLogging();
        try {
            ResultTable table = new BenchRun(options, projectRoot(), true, System.out::println).run();
            table.print(System.out, title(options));
        } catch (Exception e) {
            System.err.println("The bench failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    static String title(BenchOptions options) {
        return "== giamngheo bench" + (options.quick() ? " (QUICK: tiny sizes, the figures mean nothing)" : "")
                + ": ours vs the baseline measured in the same run; median [min-max] n=repetitions ==";
    }

    /** The clients' INFO logs (Kafka, MongoDB driver) would bury the figures. */
    static void quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
    }

    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (java.nio.file.Files.isDirectory(dir.resolve("local-stack"))
                    && java.nio.file.Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run from inside the giamngheo project (bench/run.sh does)");
    }
}
