package vn.giamngheo.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Inspects and re-drives a dead-letter topic ({@code <topic>.<group>.dlt}): lists each parked record with the reason
 * the consumer gave up on it, and publishes chosen records again to the topic they came from, once the cause is
 * repaired (an earlier event that was missing has arrived, a bug is fixed).
 *
 * <pre>
 * java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" vn.giamngheo.localstack.DeadLetters \
 *     list --bootstrap 127.0.0.1:9092 --command-config .local-stack/kafka/admin-client.properties \
 *     --topic task.events.report-service.dlt
 * ... DeadLetters redrive ... --topic task.events.report-service.dlt --offsets 0:3,1:7
 * ... DeadLetters redrive ... --topic task.events.report-service.dlt --key 6f1c…  (or --all)
 * </pre>
 *
 * <p>The broker requires authentication: {@code --command-config} names a Kafka client properties file (the local
 * stack writes its admin's as {@code <data dir>/kafka/admin-client.properties}); in code, pass client properties
 * such as {@link LocalStack#kafkaClientProperties()}. Reading a dead-letter topic and re-driving needs the rights of
 * an admin (or READ on the dead-letter topic and WRITE on the original one).
 *
 * <p>A re-driven record is the same event (same key, payload and {@code ce_*} headers, so the same {@code ce_id});
 * the {@code x-exception-*} and {@code x-original-*} headers are dropped and {@code x-redriven-from} names the
 * dead letter. It reaches every consumer group of the original topic: groups that applied the event already skip it
 * as a duplicate (consumers apply a version only once). The dead-letter topic itself is a log and keeps the record.
 */
public final class DeadLetters {

    static final String REDRIVEN_FROM = "x-redriven-from";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final int REASON_WIDTH = 200;

    private DeadLetters() {
    }

    /**
     * One parked record.
     *
     * @param reason the consumer's last error ({@code x-exception-message})
     */
    public record DeadLetter(String topic, int partition, long offset, String key, String originalTopic,
                             Integer originalPartition, Long originalOffset, String eventType, String eventId,
                             String reason, String exceptionClass, Instant parkedAt, byte[] value,
                             List<Header> headers) {

        /** {@code partition:offset}, the handle {@code redrive --offsets} takes. */
        public String position() {
            return partition + ":" + offset;
        }

        public int payloadBytes() {
            return value == null ? 0 : value.length;
        }
    }

    /** Every record on the dead-letter topic, in partition and offset order (from a broker without security). */
    public static List<DeadLetter> list(String bootstrapServers, String deadLetterTopic) {
        return list(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), deadLetterTopic);
    }

    /**
     * Every record on the dead-letter topic, in partition and offset order.
     *
     * @param clientProperties bootstrap servers and security settings, e.g. {@link LocalStack#kafkaClientProperties()}
     */
    public static List<DeadLetter> list(Map<String, ?> clientProperties, String deadLetterTopic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(clientProperties)) {
            List<TopicPartition> partitions = partitions(consumer, deadLetterTopic);
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<DeadLetter> letters = new ArrayList<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new LocalStackException("Could not read " + deadLetterTopic + " to its end within "
                            + READ_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    letters.add(toDeadLetter(record));
                }
            }
            letters.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                    : Long.compare(a.offset(), b.offset()));
            return letters;
        }
    }

    /**
     * Publishes the chosen dead letters again to their original topic, in the order listed, and waits for the
     * broker's acknowledgement of each. Returns what was re-driven.
     */
    public static List<DeadLetter> redrive(String bootstrapServers, String deadLetterTopic,
                                           Predicate<DeadLetter> which) {
        return redrive(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), deadLetterTopic, which);
    }

    /** {@link #redrive(String, String, Predicate)} with client properties, e.g. for a broker that authenticates. */
    public static List<DeadLetter> redrive(Map<String, ?> clientProperties, String deadLetterTopic,
                                           Predicate<DeadLetter> which) {
        List<DeadLetter> chosen = list(clientProperties, deadLetterTopic).stream().filter(which).toList();
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters-redrive");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config,
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (DeadLetter letter : chosen) {
                RecordHeaders headers = new RecordHeaders();
                for (Header header : letter.headers()) {
                    if (!header.key().startsWith("x-exception-") && !header.key().startsWith("x-original-")
                            && !header.key().equals(REDRIVEN_FROM)) {
                        headers.add(header);
                    }
                }
                headers.add(REDRIVEN_FROM, (deadLetterTopic + ":" + letter.position())
                        .getBytes(StandardCharsets.UTF_8));
                byte[] key = letter.key() == null ? null : letter.key().getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(letter.originalTopic(), null, key, letter.value(), headers)).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while re-driving " + deadLetterTopic, e);
        } catch (ExecutionException e) {
            throw new LocalStackException("Kafka refused a re-driven record: " + e.getCause().getMessage(), e);
        }
        return chosen;
    }

    /** Chooses records by {@code partition:offset} handles as {@code list} prints them. */
    public static Predicate<DeadLetter> atPositions(List<String> positions) {
        Set<String> wanted = new HashSet<>(positions);
        return letter -> wanted.contains(letter.position());
    }

    public static Predicate<DeadLetter> withKey(String key) {
        return letter -> key.equals(letter.key());
    }

    /** One line per record: position, key, event type and id, payload size, original position, reason. */
    public static void print(List<DeadLetter> letters, String deadLetterTopic, PrintStream out) {
        out.println(letters.size() + " record(s) on " + deadLetterTopic);
        for (DeadLetter letter : letters) {
            out.println(letter.position() + "  key=" + letter.key() + "  type=" + letter.eventType() + "  id="
                    + letter.eventId() + "  bytes=" + letter.payloadBytes() + "  from=" + letter.originalTopic() + ":"
                    + letter.originalPartition() + ":" + letter.originalOffset() + "  parked=" + letter.parkedAt());
            out.println("    reason: " + abbreviate(letter.reason()) + "  (" + letter.exceptionClass() + ")");
        }
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out));
        } catch (LocalStackException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** The command line without {@code System.exit}, so that it can be tested. Returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        if (args.length == 0 || !(args[0].equals("list") || args[0].equals("redrive"))) {
            throw new IllegalArgumentException(usage());
        }
        String bootstrap = null;
        Path commandConfig = null;
        String topic = null;
        Predicate<DeadLetter> which = null;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (option) {
                case "--bootstrap" -> bootstrap = required(option, value);
                case "--command-config" -> commandConfig = Path.of(required(option, value));
                case "--topic" -> topic = required(option, value);
                case "--offsets" -> which = atPositions(List.of(required(option, value).split(",")));
                case "--key" -> which = withKey(required(option, value));
                case "--all" -> which = letter -> true;
                default -> throw new IllegalArgumentException("Unknown option " + option + "\n" + usage());
            }
            if (!option.equals("--all")) {
                i++;
            }
        }
        if (bootstrap == null || topic == null) {
            throw new IllegalArgumentException("--bootstrap and --topic are required\n" + usage());
        }
        Map<String, Object> client = commandConfig == null ? new HashMap<>() : readProperties(commandConfig);
        client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        if (args[0].equals("list")) {
            print(list(client, topic), topic, out);
            return 0;
        }
        if (which == null) {
            throw new IllegalArgumentException("redrive needs --offsets, --key or --all\n" + usage());
        }
        List<DeadLetter> redriven = redrive(client, topic, which);
        out.println("Re-drove " + redriven.size() + " record(s) from " + topic);
        redriven.forEach(letter -> out.println("  " + letter.position() + " -> " + letter.originalTopic()
                + "  key=" + letter.key() + "  type=" + letter.eventType()));
        return redriven.isEmpty() ? 1 : 0;
    }

    private static String usage() {
        return "Usage: DeadLetters list --bootstrap HOST:PORT [--command-config FILE] --topic DLT\n"
                + "       DeadLetters redrive --bootstrap HOST:PORT [--command-config FILE] --topic DLT"
                + " (--offsets P:O[,P:O…] | --key KEY | --all)\n"
                + "  --command-config  Kafka client properties (security.protocol, sasl.*), e.g. the local stack's"
                + " <data dir>/kafka/admin-client.properties";
    }

    private static Map<String, Object> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read --command-config " + file + ": " + e.getMessage());
        }
        Map<String, Object> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    private static String required(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value\n" + usage());
        }
        return value;
    }

    private static DeadLetter toDeadLetter(ConsumerRecord<byte[], byte[]> record) {
        List<Header> headers = List.of(record.headers().toArray());
        String originalTopic = text(record, "x-original-topic");
        if (originalTopic == null) {
            originalTopic = originalTopicFromName(record.topic());
        }
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), originalTopic,
                number(record, "x-original-partition") == null ? null
                        : number(record, "x-original-partition").intValue(),
                number(record, "x-original-offset"), text(record, "ce_type"), text(record, "ce_id"),
                text(record, "x-exception-message"), text(record, "x-exception-fqcn"),
                Instant.ofEpochMilli(record.timestamp()), record.value(), headers);
    }

    /** {@code plan.events.task-service.dlt} → {@code plan.events}: the group is the last part before ".dlt". */
    static String originalTopicFromName(String deadLetterTopic) {
        String withoutSuffix = deadLetterTopic.endsWith(".dlt")
                ? deadLetterTopic.substring(0, deadLetterTopic.length() - 4) : deadLetterTopic;
        int group = withoutSuffix.lastIndexOf('.');
        return group > 0 ? withoutSuffix.substring(0, group) : withoutSuffix;
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The binder writes partitions as 4-byte and offsets as 8-byte big-endian numbers; others write text. */
    private static Long number(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] value = header.value();
        if (value.length == 4) {
            return (long) ByteBuffer.wrap(value).getInt();
        }
        if (value.length == 8) {
            return ByteBuffer.wrap(value).getLong();
        }
        try {
            return Long.parseLong(new String(value, StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviate(String reason) {
        if (reason == null) {
            return "(none given)";
        }
        // The binder wraps the handler's error: "error occurred in message handler [<bean>]; <the error>".
        int wrapped = reason.startsWith("error occurred in message handler") ? reason.indexOf("]; ") : -1;
        String oneLine = (wrapped < 0 ? reason : reason.substring(wrapped + 3)).replaceAll("\\s+", " ");
        return oneLine.length() <= REASON_WIDTH ? oneLine : oneLine.substring(0, REASON_WIDTH) + "…";
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Map<String, ?> clientProperties) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letters-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Listing a dead-letter topic nobody wrote to yet must not create it.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        return infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }
}
