package vn.giamngheo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.giamngheo.localstack.KafkaCredentials;
import vn.giamngheo.localstack.LocalStack;
import vn.giamngheo.localstack.LocalStackPorts;

/**
 * The local stack's real broker (its own JVM, the same listeners, SCRAM users and ACLs as docker-compose's), without
 * the services: who may produce and consume what. The clients are plain Kafka clients, as a department's system
 * would use them, with idempotence on (the clients' default).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaSecuritySystemTest {

    static final Duration FAIL_FAST = Duration.ofSeconds(5);

    Path dataDir;
    LocalStack stack;

    @BeforeAll
    void startBroker() throws Exception {
        dataDir = Files.createTempDirectory("giamngheo-kafka-security");
        stack = LocalStack.builder().dataDir(dataDir).ports(LocalStackPorts.free()).services().build();
        stack.start();
    }

    @AfterAll
    void stopBroker() {
        if (stack != null) {
            stack.close();
        }
        StoredState.deleteDataDir(dataDir);
    }

    @Test
    void the_department_cannot_write_plan_events() {
        // given
        String forged = "forged-" + UUID.randomUUID();
        try (KafkaProducer<String, String> department = producer(stack.kafkaClientProperties(
                KafkaCredentials.DEPARTMENT))) {

            // when / then: it may write some topic, so the idempotent producer gets its id, and plan.events is refused
            assertThatThrownBy(() -> send(department, "plan.events", forged, "{\"forged\":true}"))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TopicAuthorizationException.class)
                    .satisfies(e -> assertThat(((TopicAuthorizationException) e).unauthorizedTopics())
                            .containsExactly("plan.events"));
        }
        assertThat(keysOn("plan.events")).doesNotContain(forged);
    }

    @Test
    void the_department_writes_census_households() throws Exception {
        // given
        try (KafkaProducer<String, String> department = producer(stack.kafkaClientProperties(
                KafkaCredentials.DEPARTMENT))) {

            // when
            RecordMetadata written = send(department, "census.households", "HH-14-118-0001", "{\"householdCode\":\"HH-14-118-0001\"}");

            // then
            assertThat(written.topic()).isEqualTo("census.households");
            assertThat(written.offset()).isNotNegative();
        }
    }

    @Test
    void the_department_reads_plan_events_with_its_own_group_and_no_other() throws Exception {
        // given: an event on plan.events
        String key;
        try (KafkaProducer<String, String> admin = producer(stack.kafkaClientProperties())) {
            key = UUID.randomUUID().toString();
            admin.send(new ProducerRecord<>("plan.events", key, "{\"type\":\"plan.PlanIssued.v1\"}")).get();
        }

        // when / then: a group under dept-sldtbxh. reads it
        try (KafkaConsumer<String, String> consumer = consumer(KafkaCredentials.DEPARTMENT,
                "dept-sldtbxh.kiem-thu-" + UUID.randomUUID())) {
            consumer.subscribe(List.of("plan.events"));
            List<String> keys = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
                return keys.contains(key);
            });
        }

        // and another group is refused
        try (KafkaConsumer<String, String> consumer = consumer(KafkaCredentials.DEPARTMENT, "report-service")) {
            consumer.subscribe(List.of("plan.events"));
            assertThatThrownBy(() -> pollUntilFailure(consumer)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void a_wrong_password_is_refused() {
        // given
        Map<String, Object> wrong = new HashMap<>(stack.kafkaClientProperties(KafkaCredentials.DEPARTMENT));
        wrong.putAll(KafkaCredentials.securityProperties(KafkaCredentials.DEPARTMENT, "not-the-password"));

        // when / then
        try (KafkaProducer<String, String> producer = producer(wrong)) {
            assertThatThrownBy(() -> send(producer, "census.households", "k", "{}"))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void an_unauthenticated_plaintext_client_cannot_produce() {
        // given: only the address, as before the broker required users
        Map<String, Object> anonymous = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());

        // when / then: it never gets past the SASL handshake, so it never learns where the topic is
        try (KafkaProducer<String, String> producer = producer(anonymous)) {
            assertThatThrownBy(() -> send(producer, "census.households", "k", "{}"))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TimeoutException.class)
                    .hasMessageContaining("not present in metadata");
        }
    }

    @Test
    void a_service_writes_only_its_own_topic() throws Exception {
        // given
        try (KafkaProducer<String, String> planService = producer(stack.kafkaClientProperties("plan-service"))) {

            // when / then
            assertThat(send(planService, "plan.events", "k", "{}").topic()).isEqualTo("plan.events");
            assertThatThrownBy(() -> send(planService, "task.events", "k", "{}"))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
        }
    }

    private KafkaProducer<String, String> producer(Map<String, Object> clientProperties) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) FAIL_FAST.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) FAIL_FAST.toMillis() * 2);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) FAIL_FAST.toMillis());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private KafkaConsumer<String, String> consumer(String principal, String group) {
        Map<String, Object> config = new HashMap<>(stack.kafkaClientProperties(principal));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Sends one record and waits for the broker's answer; a refusal arrives as the future's cause. */
    private static RecordMetadata send(KafkaProducer<String, String> producer, String topic, String key,
                                       String value) throws Exception {
        return producer.send(new ProducerRecord<>(topic, key, value)).get(FAIL_FAST.toSeconds() * 3, TimeUnit.SECONDS);
    }

    /** Polls until the consumer throws (an authorization failure surfaces from poll), for at most 30 s. */
    private static void pollUntilFailure(KafkaConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200));
        }
        throw new AssertionError("The consumer was never refused");
    }

    /** Every key on a topic, read by the admin from the beginning to the current end. */
    private List<String> keysOn(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(KafkaCredentials.ADMIN, "probe-" + UUID.randomUUID())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> keys = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return keys;
        }
    }
}
