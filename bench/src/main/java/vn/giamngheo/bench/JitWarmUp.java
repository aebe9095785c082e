package vn.giamngheo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * A warm-up that lasts until the JIT compilers of the processes under load have settled, instead of a fixed number of
 * seconds. Found by measuring: on two cores shared by six JVMs, row 3's services still spent 28 % (task-service) and
 * 45 % (report-service) of their CPU compiling in the third repetition of a fresh stack, and their compilation time
 * kept growing for about four and a half minutes of load (`jstat -compiler`, `OneRow 3 --reps 6`); the freshness p50
 * fell from 66 ms (repetition 3) to 18–23 ms (repetitions 5 and 6) as it did. A few seconds of warm-up measured the
 * compilers, not the code: the issue asks to warm up first.
 *
 * <p>The load runs in chunks; after each chunk the cumulative compilation time of every watched process is read with
 * {@code jstat -compiler} (HotSpot's {@code sun.ci.totalTime}, the sum of every compilation's elapsed time), and the
 * warm-up ends when, in the last chunk, every process compiled for less than {@link #SETTLED_SHARE} of the chunk's
 * wall time — or once the cap is passed (it may run over by a chunk), which the log then says. A heuristic: on a
 * saturated machine a compilation's elapsed time exceeds its CPU time, which errs towards warming up longer. Each side
 * of a comparison warms up on its own load, so the baselines get the same treatment.
 */
final class JitWarmUp {

    /** Compilation time per wall time below which a process counts as warm. */
    static final double SETTLED_SHARE = 0.10;

    /** Runs the side's own load for about the given time; what it measures is thrown away. */
    @FunctionalInterface
    interface Chunk {
        void run(Duration length) throws Exception;
    }

    /** What a chunk needs first (e.g. fresh tasks); neither its time nor its compiling counts. */
    @FunctionalInterface
    interface Setup {
        void run() throws Exception;
    }

    private final Duration chunk;
    private final Duration cap;
    private final Consumer<String> log;
    private final LongFunction<OptionalDouble> compileSecondsOfPid;
    private final LongSupplier nanoTime;

    JitWarmUp(Duration chunk, Duration cap, Consumer<String> log) {
        this(chunk, cap, log, JitWarmUp::compileSeconds, System::nanoTime);
    }

    JitWarmUp(Duration chunk, Duration cap, Consumer<String> log, LongFunction<OptionalDouble> compileSecondsOfPid,
              LongSupplier nanoTime) {
        this.chunk = chunk;
        this.cap = cap;
        this.log = log;
        this.compileSecondsOfPid = compileSecondsOfPid;
        this.nanoTime = nanoTime;
    }

    /**
     * Runs {@code load} in chunks until the processes' compilers have settled or the cap is reached; returns how long
     * it ran. With a cap of zero it does nothing.
     */
    Duration run(String side, Map<String, Long> processes, Chunk load) throws Exception {
        return run(side, processes, null, load);
    }

    /** The same, with a set-up before each chunk that is left out of the compilers' share. */
    Duration run(String side, Map<String, Long> processes, Setup setup, Chunk load) throws Exception {
        if (cap.isZero()) {
            return Duration.ZERO;
        }
        long began = nanoTime.getAsLong();
        Map<String, Double> before = compileSeconds(processes);
        while (true) {
            if (setup != null) {
                setup.run();
                before = compileSeconds(processes);
            }
            long chunkBegan = nanoTime.getAsLong();
            load.run(chunk);
            double wall = (nanoTime.getAsLong() - chunkBegan) / 1e9;
            Map<String, Double> after = compileSeconds(processes);
            Map<String, Double> shares = new LinkedHashMap<>();
            for (Map.Entry<String, Double> reading : after.entrySet()) {
                shares.put(reading.getKey(), (reading.getValue() - before.getOrDefault(reading.getKey(), 0.0)) / wall);
            }
            before = after;
            Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - began);
            boolean settled = !shares.isEmpty() && shares.values().stream().allMatch(s -> s < SETTLED_SHARE);
            boolean capped = elapsed.compareTo(cap) >= 0;
            if (settled || capped) {
                log.accept(String.format(Locale.ROOT, "  warm-up of %s: %.0f s until %s; compiling in the last %.0f s: "
                        + "%s", side, elapsed.toMillis() / 1e3, shares.isEmpty() ? "the cap (jstat cannot read them)"
                        : settled ? "the JIT settled" : "the cap, NOT settled", wall, describe(shares)));
                return elapsed;
            }
        }
    }

    private static String describe(Map<String, Double> shares) {
        return shares.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), 100 * e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** The cumulative compilation time of each process that jstat can read; missing where it cannot. */
    private Map<String, Double> compileSeconds(Map<String, Long> processes) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        processes.forEach((name, pid) -> compileSecondsOfPid.apply(pid).ifPresent(s -> seconds.put(name, s)));
        return seconds;
    }

    /**
     * {@code jstat -compiler <pid>} prints a header and one line, "Compiled Failed Invalid Time FailedType
     * FailedMethod"; Time is the total compilation time in seconds.
     */
    static OptionalDouble compileSeconds(long pid) {
        Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        if (!Files.isExecutable(jstat)) {
            return OptionalDouble.empty();
        }
        try {
            Process process = new ProcessBuilder(jstat.toString(), "-compiler", Long.toString(pid))
                    .redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return OptionalDouble.empty();
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? parse(out) : OptionalDouble.empty();
        } catch (IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }

    static OptionalDouble parse(String jstatCompilerOutput) {
        String[] lines = jstatCompilerOutput.strip().split("\\R");
        if (lines.length < 2 || !lines[0].trim().startsWith("Compiled")) {
            return OptionalDouble.empty();
        }
        String[] fields = lines[lines.length - 1].trim().split("\\s+");
        try {
            return fields.length >= 4 ? OptionalDouble.of(Double.parseDouble(fields[3])) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
