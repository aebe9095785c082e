package vn.giamngheo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Like the quick run: checks that the store's ceiling can be measured, never what it is. */
class StoreCeilingTest {

    @Test
    void it_prints_a_rate_for_every_shape_of_write() throws Exception {
        // given
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        // when
        StoreCeiling.measure(new String[] {"50", "2"}, new PrintStream(printed, true, StandardCharsets.UTF_8));

        // then
        assertThat(printed.toString(StandardCharsets.UTF_8).lines())
                .hasSize(5)
                .allMatch(line -> line.matches("[A-Z_]+ +[0-9,]+ updates/s \\(50 tasks x 2 rounds\\)"));
    }
}
