package vn.giamngheo.support.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Maps an outbox entry to a Kafka record: CloudEvents 1.0 binary mode, keyed by the aggregate id. */
public final class CloudEventRecords {

    private final URI source;

    public CloudEventRecords(String source) {
        this.source = URI.create(source);
    }

    public ProducerRecord<String, byte[]> toRecord(String topic, OutboxEntry entry) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(entry.eventId())
                .withType(entry.type())
                .withSource(source)
                .withSubject(entry.subject())
                .withTime(entry.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(entry.payload().getBytes(StandardCharsets.UTF_8))
                .build();
        return KafkaMessageFactory.createWriter(topic, entry.subject()).writeBinary(event);
    }
}
