package vn.giamngheo.support.testing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.support.outbox.CloudEventRecords;
import vn.giamngheo.support.outbox.OutboxEntry;

/** Publishes events as another service (or a misbehaving department) would, including poison records. */
public final class TestProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final CloudEventRecords records;

    public TestProducer(String bootstrapServers, String source) {
        this(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), source);
    }

    /** @param clientProperties bootstrap servers and, for a secured broker, the security settings */
    public TestProducer(Map<String, ?> clientProperties, String source) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        records = new CloudEventRecords(source);
    }

    public void publish(String topic, DomainEvent event) {
        send(records.toRecord(topic, OutboxEntry.of(event)));
    }

    /** A record with CloudEvents headers copied from a real event but a raw, possibly broken, body. */
    public void publishRaw(String topic, DomainEvent headersFrom, String body) {
        ProducerRecord<String, byte[]> valid = records.toRecord(topic, OutboxEntry.of(headersFrom));
        send(new ProducerRecord<>(topic, null, valid.key(), body.getBytes(StandardCharsets.UTF_8), valid.headers()));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
