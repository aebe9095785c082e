package vn.giamngheo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the dead-letter tool that need no broker; the fault suite runs it against a real one. */
class DeadLettersTest {

    @Test
    void the_original_topic_is_the_dead_letter_topic_without_its_group_and_suffix() {
        // given / when / then
        assertThat(DeadLetters.originalTopicFromName("plan.events.task-service.dlt")).isEqualTo("plan.events");
        assertThat(DeadLetters.originalTopicFromName("census.households.report-service.dlt"))
                .isEqualTo("census.households");
    }

    @Test
    void redrive_refuses_to_run_without_saying_which_records() {
        // given
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> DeadLetters.run(new String[] {"redrive", "--bootstrap", "127.0.0.1:1", "--topic",
                "task.events.report-service.dlt"}, out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--offsets, --key or --all");
        assertThatThrownBy(() -> DeadLetters.run(new String[] {"purge"}, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Usage");
        assertThatThrownBy(() -> DeadLetters.run(new String[] {"list", "--topic"}, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--topic needs a value");
        assertThatThrownBy(() -> DeadLetters.run(new String[] {"list", "--bootstrap", "127.0.0.1:1",
                "--command-config", "/nonexistent/admin-client.properties", "--topic", "t.g.dlt"}, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cannot read --command-config");
    }

    @Test
    void positions_choose_records_by_partition_and_offset() {
        // given
        var letter = new DeadLetters.DeadLetter("t.g.dlt", 1, 7, "k", "t", 0, 3L, "x.Y.v1", "id", "why", "E", null,
                new byte[0], List.of());

        // when / then
        assertThat(DeadLetters.atPositions(List.of("1:7", "0:2")).test(letter)).isTrue();
        assertThat(DeadLetters.atPositions(List.of("0:7")).test(letter)).isFalse();
        assertThat(DeadLetters.withKey("k").test(letter)).isTrue();
    }
}
