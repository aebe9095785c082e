package vn.giamngheo.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Row 3, baseline: the broker's own produce→consume round trip at the same steady rate, with records of the size of
 * a progress event, Kafka's default producer (acks=all, idempotent, linger 5 ms in Kafka 4) and a consumer in a
 * group that is already polling, both logged in with SCRAM like the services. What no event-driven freshness can beat
 * on this broker.
 */
final class RawRoundTrip {

    static final String TOPIC = "bench.roundtrip";

    private RawRoundTrip() {
    }

    static Stats run(Map<String, Object> kafka, int partitions, int rate, Duration warmUp, Duration measured)
            throws InterruptedException {
        BenchTopics.ensure(kafka, TOPIC, partitions);
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch assigned = new CountDownLatch(1);
        AtomicLong window = new AtomicLong(Long.MAX_VALUE);
        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> client = new KafkaConsumer<>(BenchTopics.config(kafka, Map.of(
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-roundtrip-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest")),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                client.subscribe(List.of(TOPIC));
                while (!stop.get()) {
                    var records = client.poll(Duration.ofMillis(100));
                    if (!client.assignment().isEmpty()) {
                        assigned.countDown();
                    }
                    long now = System.nanoTime();
                    for (ConsumerRecord<String, byte[]> record : records) {
                        long sent = ByteBuffer.wrap(record.value()).getLong();
                        if (sent >= window.get()) {
                            latencies.add((now - sent) / 1e6);
                        }
                    }
                }
            }
        }, "roundtrip-consumer");
        consumer.setDaemon(true);
        consumer.start();
        if (!assigned.await(60, TimeUnit.SECONDS)) {
            stop.set(true);
            throw new IllegalStateException("the round-trip consumer got no partitions within 60 s");
        }
        // Once assigned, "latest" has been resolved: everything sent from now on is seen.
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(BenchTopics.config(kafka, Map.of(
                ProducerConfig.ACKS_CONFIG, "all")), new StringSerializer(), new ByteArraySerializer())) {
            long intervalNanos = 1_000_000_000L / rate;
            long start = System.nanoTime();
            window.set(start + warmUp.toNanos());
            long total = (warmUp.toNanos() + measured.toNanos()) / intervalNanos;
            byte[] filler = new byte[400];
            for (long u = 0; u < total; u++) {
                long due = start + u * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                ByteBuffer value = ByteBuffer.allocate(8 + filler.length);
                value.putLong(System.nanoTime()).put(filler);
                producer.send(new ProducerRecord<>(TOPIC, "task-" + (u % 997), value.array()));
            }
            producer.flush();
        }
        SuiteClient.await("the round trip's last records", () -> !stillArriving(latencies));
        stop.set(true);
        consumer.join(10_000);
        return Stats.of(latencies);
    }

    /** True while records keep arriving: waits a quiet second. */
    private static boolean stillArriving(ConcurrentLinkedQueue<Double> latencies) {
        int before = latencies.size();
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return latencies.size() != before;
    }
}
