package vn.giamngheo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JitWarmUpTest {

    private final List<String> log = new ArrayList<>();
    /** The warm-up's clock: a chunk of load advances it by the chunk's length, no sleeping. */
    private final AtomicLong clock = new AtomicLong();

    @Test
    void it_ends_with_the_first_chunk_in_which_every_process_compiled_little() throws Exception {
        // given: compilation time of one process, read before and after each chunk; 10 ms chunks
        Iterator<Double> readings = List.of(1.0, 1.5, 1.6, 1.6002).iterator();
        JitWarmUp warmUp = new JitWarmUp(Duration.ofMillis(10), Duration.ofMinutes(1), log::add,
                pid -> OptionalDouble.of(readings.next()), clock::get);
        List<Duration> chunks = new ArrayList<>();

        // when
        warmUp.run("ours", Map.of("task-service", 42L), chunk -> {
            chunks.add(chunk);
            clock.addAndGet(chunk.toNanos());
        });

        // then: 0.5 s and 0.1 s of compiling in 10 ms chunks are busy; 0.2 ms is settled
        assertThat(chunks).hasSize(3);
        assertThat(log).singleElement().asString().contains("until the JIT settled").contains("task-service");
    }

    @Test
    void it_stops_at_the_cap_and_says_the_compilers_had_not_settled() throws Exception {
        // given: a process that compiles for longer than each chunk lasts
        double[] seconds = {0};
        JitWarmUp warmUp = new JitWarmUp(Duration.ofMillis(10), Duration.ofMillis(50), log::add,
                pid -> OptionalDouble.of(seconds[0] += 1), clock::get);
        List<Duration> chunks = new ArrayList<>();

        // when
        warmUp.run("ours", Map.of("report-service", 7L), chunk -> {
            chunks.add(chunk);
            clock.addAndGet(chunk.toNanos());
        });

        // then: chunks of 10 ms until 50 ms had passed
        assertThat(chunks).hasSizeBetween(1, 5);
        assertThat(log).singleElement().asString().contains("the cap, NOT settled");
    }

    @Test
    void what_the_processes_compile_during_a_chunks_set_up_does_not_count() throws Exception {
        // given: 5 s of compiling while the set-up runs, almost none while the load does
        Iterator<Double> readings = List.of(0.0, 5.0, 5.0001).iterator();
        JitWarmUp warmUp = new JitWarmUp(Duration.ofMillis(10), Duration.ofMinutes(1), log::add,
                pid -> OptionalDouble.of(readings.next()), clock::get);
        List<Duration> chunks = new ArrayList<>();

        // when
        warmUp.run("ours", Map.of("task-service", 42L), () -> { }, chunk -> {
            chunks.add(chunk);
            clock.addAndGet(chunk.toNanos());
        });

        // then
        assertThat(chunks).hasSize(1);
        assertThat(log).singleElement().asString().contains("until the JIT settled");
    }

    @Test
    void a_cap_of_zero_runs_no_load() throws Exception {
        // given
        JitWarmUp warmUp = new JitWarmUp(Duration.ofSeconds(1), Duration.ZERO, log::add,
                pid -> OptionalDouble.of(0), clock::get);
        List<Duration> chunks = new ArrayList<>();

        // when
        Duration took = warmUp.run("ours", Map.of("mongo", 1L), chunks::add);

        // then
        assertThat(took).isZero();
        assertThat(chunks).isEmpty();
    }

    @Test
    void it_reads_the_total_compilation_time_from_jstat() {
        // given
        String printed = """
                Compiled Failed Invalid   Time   FailedType FailedMethod
                   20753      0       0   149.26          0
                """;

        // when / then
        assertThat(JitWarmUp.parse(printed)).hasValue(149.26);
        assertThat(JitWarmUp.parse("1234: Could not attach")).isEmpty();
    }
}
