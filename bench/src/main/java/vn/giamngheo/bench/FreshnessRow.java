package vn.giamngheo.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import vn.giamngheo.localstack.LocalStack;

/**
 * Row 3's repetitions: each one the raw produce → consume round trip first, then ours at the same rate on the same
 * plans (their percentages carried from one repetition to the next, so every update changes what the report shows).
 * Before the first, each side warms up on its own load until the JIT compilers of its processes have settled
 * ({@link JitWarmUp}). Used by the full run and by {@link OneRow}.
 */
final class FreshnessRow {

    record Result(Sample oursP50, Sample oursP99, Sample rawP50, Sample rawP99, long observed, long unobserved,
            long refused) {
    }

    private final LocalStack stack;
    private final Callers callers;
    private final SuiteClient suite;
    private final BenchOptions options;
    private final Consumer<String> log;

    FreshnessRow(LocalStack stack, Callers callers, SuiteClient suite, BenchOptions options, Consumer<String> log) {
        this.stack = stack;
        this.callers = callers;
        this.suite = suite;
        this.options = options;
        this.log = log;
    }

    Result run() throws Exception {
        Freshness freshness = new Freshness(suite);
        List<String[]> plans = freshness.prepare(options.freshnessPlans(), "FR");
        int[] percent = new int[plans.size()];
        Sample oursP50 = new Sample();
        Sample oursP99 = new Sample();
        Sample rawP50 = new Sample();
        Sample rawP99 = new Sample();
        long observed = 0;
        long unobserved = 0;
        long refused = 0;
        JitWarmUp jit = new JitWarmUp(options.warmUpChunk(), options.warmUpCap(), log);
        jit.run("the freshness updates", BenchRun.pids(stack, "task-service", "report-service", "mongo", "kafka"),
                length -> {
                    callers.renew();
                    freshness.run(plans, percent, options.freshnessRate(), Duration.ZERO, length,
                            options.observeEvery());
                });
        jit.run("the raw round trip", Map.of("bench", ProcessHandle.current().pid(),
                        "kafka", BenchRun.pidOf(stack, "kafka")),
                length -> RawRoundTrip.run(stack.kafkaClientProperties(), stack.topicPartitions(),
                        options.freshnessRate(), Duration.ZERO, length));
        for (int rep = 1; rep <= options.reps(); rep++) {
            Stats raw = RawRoundTrip.run(stack.kafkaClientProperties(), stack.topicPartitions(),
                    options.freshnessRate(), options.freshnessWarmUp(), options.freshnessMeasured());
            callers.renew();
            Freshness.Result ours = freshness.run(plans, percent, options.freshnessRate(),
                    options.freshnessWarmUp(), options.freshnessMeasured(), options.observeEvery());
            log.accept(String.format(Locale.ROOT, "  freshness rep %d at %.0f/s: report shows it %s (%d refused, "
                    + "%d never seen; update answered %s; the slowest accepted at %s) | raw round trip %s", rep,
                    ours.rate(), ours.freshness(), ours.refused(), ours.unobserved(), ours.requestLatency(),
                    ours.slowestAt(), raw));
            oursP50.add(ours.freshness().p50());
            oursP99.add(ours.freshness().p99());
            rawP50.add(raw.p50());
            rawP99.add(raw.p99());
            observed += ours.freshness().count();
            unobserved += ours.unobserved();
            refused += ours.refused();
        }
        return new Result(oursP50, oursP99, rawP50, rawP99, observed, unobserved, refused);
    }
}
