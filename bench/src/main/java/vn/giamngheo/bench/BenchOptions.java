package vn.giamngheo.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sizes of one bench run. The full run follows the issue (1,000,000 events, 400,000 households, 300 updates/s, three
 * repetitions); {@code --quick} shrinks everything so that the run is a smoke test of the bench itself.
 *
 * @param reps                    repetitions of every repeated measure
 * @param projectionEvents        task events produced for row 1
 * @param projectionEventsPerTask events per task (a TaskCreated, then progress reports)
 * @param projectionBudget        the longest the report-service's and the naive projection may each consume
 * @param commandThreads          concurrent clients of row 2
 * @param commandTasksPerThread   tasks each client reports on, round-robin, fresh in every repetition
 * @param commandWarmUp           warm-up before each measured window of row 2 (doubled in the first repetition)
 * @param commandMeasured         the measured window of row 2
 * @param freshnessRate           updates per second of row 3
 * @param freshnessWarmUp         warm-up of each repetition of row 3
 * @param freshnessMeasured       measured window of each repetition of row 3
 * @param observeEvery            row 3 observes every n-th update
 * @param households              households per review of row 4
 * @param warmUpChunk             rows 2 and 3 warm up each side in chunks of this length until its JIT settled
 * @param warmUpCap               ... or for at most this long (zero: no such warm-up, only the fixed ones above)
 */
record BenchOptions(boolean quick, int reps, int projectionEvents, int projectionEventsPerTask,
                    Duration projectionBudget, int commandThreads, int commandTasksPerThread, Duration commandWarmUp,
                    Duration commandMeasured, int freshnessRate, Duration freshnessWarmUp, Duration freshnessMeasured,
                    int observeEvery, int households, Duration warmUpChunk, Duration warmUpCap) {

    static final String USAGE = """
            Usage: bench/run.sh [--no-build] [--quick] [--reps N] [--events N] [--budget SECONDS] [--households N]
                                [--threads N] [--rate N] [--seconds N] [--warm-up SECONDS]
              --no-build       use the jars and classes already built
              --quick          tiny sizes (100 updates/s in row 3): checks that the bench works; its figures mean
                               nothing
              --reps N         repetitions of each repeated measure (default 3; quick 1)
              --events N       task events of row 1 (default 1,000,000)
              --budget S       longest time the report-service's and the naive projection each consume (default 180)
              --households N   households per review of row 4 (default 400,000)
              --threads N      concurrent clients of row 2 (default 16)
              --rate N         updates per second of row 3 (default 300)
              --seconds N      measured window of rows 2 and 3 (default 15 and 20)
              --warm-up S      warm-up of each side of rows 2 and 3 before their first repetition: until the JIT
                               compilers settled, or about S seconds at most (default 300; 0: none)""";

    private static final List<String> NAMES = List.of("--reps", "--events", "--budget", "--households",
            "--threads", "--rate", "--seconds", "--warm-up");

    static BenchOptions fullRun() {
        return new BenchOptions(false, 3, 1_000_000, 25, Duration.ofSeconds(180), 16, 16, Duration.ofSeconds(5),
                Duration.ofSeconds(15), 300, Duration.ofSeconds(3), Duration.ofSeconds(20), 30, 400_000,
                Duration.ofSeconds(15), Duration.ofSeconds(300));
    }

    static BenchOptions quickRun() {
        return new BenchOptions(true, 1, 5_000, 25, Duration.ofSeconds(60), 4, 2, Duration.ofSeconds(1),
                Duration.ofSeconds(2), 100, Duration.ofSeconds(1), Duration.ofSeconds(2), 5, 2_000,
                Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    static BenchOptions parse(String... args) {
        boolean quick = false;
        Map<String, Integer> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--quick")) {
                quick = true;
            } else if (NAMES.contains(arg) && i + 1 < args.length) {
                values.put(arg, Integer.parseInt(args[++i].replace("_", "").replace(",", "")));
            } else {
                throw new IllegalArgumentException("Cannot use " + arg + "\n" + USAGE);
            }
        }
        BenchOptions o = quick ? quickRun() : fullRun();
        Integer seconds = values.get("--seconds");
        BenchOptions parsed = new BenchOptions(quick, values.getOrDefault("--reps", o.reps),
                values.getOrDefault("--events", o.projectionEvents), o.projectionEventsPerTask,
                values.containsKey("--budget") ? Duration.ofSeconds(values.get("--budget")) : o.projectionBudget,
                values.getOrDefault("--threads", o.commandThreads), o.commandTasksPerThread, o.commandWarmUp,
                seconds != null ? Duration.ofSeconds(seconds) : o.commandMeasured,
                values.getOrDefault("--rate", o.freshnessRate), o.freshnessWarmUp,
                seconds != null ? Duration.ofSeconds(seconds) : o.freshnessMeasured, o.observeEvery,
                values.getOrDefault("--households", o.households), o.warmUpChunk,
                values.containsKey("--warm-up") ? Duration.ofSeconds(values.get("--warm-up")) : o.warmUpCap);
        if (parsed.reps < 1 || parsed.projectionEvents < 1 || parsed.households < 1 || parsed.freshnessRate < 1
                || parsed.commandThreads < 1 || parsed.warmUpCap.isNegative()) {
            throw new IllegalArgumentException("Sizes must be at least 1\n" + USAGE);
        }
        return parsed;
    }

    /**
     * Plans (one task each) row 3 needs: each plan's percentage goes up by one per update and stops at 99; and at
     * least 40 in a full run, so that each plan's updates (sent one after the other) come far enough apart not to
     * queue behind each other; the warm-up until the JIT settled may use up to its cap (plus one chunk) more. The
     * quick run only needs a few.
     */
    int freshnessPlans() {
        long updates = (long) freshnessRate * ((freshnessWarmUp.toSeconds() + freshnessMeasured.toSeconds()) * reps
                + (warmUpCap.isZero() ? 0 : warmUpCap.toSeconds() + warmUpChunk.toSeconds()));
        return (int) Math.max(quick ? 12 : 40, updates / 90 + 1);
    }
}
