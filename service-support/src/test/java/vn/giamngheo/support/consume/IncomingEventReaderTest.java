package vn.giamngheo.support.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import vn.giamngheo.contracts.EventJson;
import vn.giamngheo.contracts.task.TaskCreated;

class IncomingEventReaderTest {

    private final IncomingEventReader reader = new IncomingEventReader();
    private final TaskCreated created = new TaskCreated("t-1", 1, "p-1", "Hỗ trợ sinh kế", "IMPLEMENTATION", "SYT-14",
            List.of(), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 12, 31), "ASSIGNED", 0,
            Instant.parse("2026-02-01T02:00:00Z"));

    @Test
    void reads_the_attributes_from_kafka_ce_underscore_headers() {
        // given
        Message<byte[]> message = message("ce_");

        // when
        IncomingEvent event = reader.read(message);

        // then
        assertThat(event.type()).isEqualTo("task.TaskCreated.v1");
        assertThat(event.subject()).isEqualTo("t-1");
        assertThat(event.version()).isEqualTo(1);
    }

    @Test
    void reads_the_attributes_spring_cloud_function_renamed_to_its_canonical_prefix() {
        // given: what the handler sees for a record sent without content-type
        Message<byte[]> message = message("ce-");

        // when
        IncomingEvent event = reader.read(message);

        // then
        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-02-01T02:00:00Z"));
    }

    @Test
    void a_record_without_cloud_events_attributes_is_poison() {
        // given
        Message<byte[]> message = MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8)).build();

        // when / then
        assertThatThrownBy(() -> reader.read(message)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("Not a CloudEvents 1.0 record");
    }

    private Message<byte[]> message(String prefix) {
        return MessageBuilder.withPayload(EventJson.mapper().writeValueAsBytes(created))
                .setHeader(prefix + "specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .setHeader(prefix + "id", "e-1".getBytes(StandardCharsets.UTF_8))
                .setHeader(prefix + "type", "task.TaskCreated.v1".getBytes(StandardCharsets.UTF_8))
                .setHeader(prefix + "source", "/giamngheo/task-service".getBytes(StandardCharsets.UTF_8))
                .setHeader(prefix + "subject", "t-1".getBytes(StandardCharsets.UTF_8))
                .setHeader(prefix + "time", "2026-02-01T02:00:00Z".getBytes(StandardCharsets.UTF_8))
                .setHeader("kafka_receivedMessageKey", "t-1")
                .build();
    }
}
