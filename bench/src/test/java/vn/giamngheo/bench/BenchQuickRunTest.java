package vn.giamngheo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bench is not a timed test: CI only checks that it runs. This runs the quick mode end to end — its own local
 * stack on free ports (with its identity issuer and SCRAM-secured broker), every row at tiny sizes — and checks that
 * the table has every row with figures, never what the figures are. About two and a half minutes on two cores; the
 * timeout only guards against a hang.
 */
class BenchQuickRunTest {

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void the_quick_run_prints_every_row_with_our_figure_the_baselines_and_the_ratio() throws Exception {
        // given
        BenchOptions quick = BenchOptions.parse("--quick");
        BenchMain.quietLogging();

        // when
        ResultTable table = new BenchRun(quick, BenchMain.projectRoot(), false, System.out::println).run();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        table.print(new PrintStream(printed, true, StandardCharsets.UTF_8), BenchMain.title(quick));

        // then
        assertThat(table.rows()).extracting(ResultTable.Row::number).contains(1, 2, 3, 4, 5);
        assertThat(table.rows()).allSatisfy(row -> {
            assertThat(row.ours().median()).as(row.measure()).isFinite().isPositive();
            assertThat(row.baseline().median()).as(row.measure()).isFinite().isPositive();
            assertThat(row.ratio()).as(row.measure()).isFinite().isPositive();
        });
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("projection of", "command path",
                "freshness", "poverty review", "cold start to all healthy", "plain consumer", "bare insert endpoint",
                "raw produce->consume", "parse CSV + bulk insert", "broker + mongo + 4 empty apps");
        assertThat(table.notes()).as("the footprint counts the identity issuer and its empty counterpart")
                .anySatisfy(note -> assertThat(note).startsWith("  ours:").contains("identity "))
                .anySatisfy(note -> assertThat(note).startsWith("  baseline:").contains("empty-app-issuer "));
    }
}
