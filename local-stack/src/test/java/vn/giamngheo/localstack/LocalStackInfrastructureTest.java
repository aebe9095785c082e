package vn.giamngheo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.bson.Document;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The infrastructure half of the stack as real processes: the MongoDB-wire server and the Kafka broker, started by
 * {@link LocalStack} without services (their jars are built after this module). The last test closes the stack.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackInfrastructureTest {

    private static final String DATABASE = "giamngheo_test";

    @TempDir
    static Path dataDir;

    static LocalStack stack;

    @BeforeAll
    static void startInfrastructure() {
        stack = LocalStack.builder()
                .dataDir(dataDir)
                .ports(LocalStackPorts.free())
                .services()
                .topicPartitions(3)
                .progress(System.out::println)
                .build();
        long began = System.nanoTime();
        stack.start();
        System.out.printf("MongoDB-wire server + Kafka broker + topics ready in %d ms; phases %s; processes %s%n",
                (System.nanoTime() - began) / 1_000_000, stack.startupTimings(), stack.processes());
    }

    @AfterAll
    static void stopInfrastructure() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theTopicsExistWithTheChosenPartitionCount() throws Exception {
        // when
        Map<String, TopicDescription> topics;
        Map<String, TopicDescription> deadLetterTopics;
        try (Admin admin = Admin.create(stack.kafkaClientProperties())) {
            topics = admin.describeTopics(LocalStack.TOPICS).allTopicNames().get();
            deadLetterTopics = admin.describeTopics(LocalStack.DEAD_LETTER_TOPICS).allTopicNames().get();
        }

        // then
        assertThat(topics).containsOnlyKeys("plan.events", "task.events", "report.events", "census.households");
        assertThat(topics.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(3));
        assertThat(deadLetterTopics).containsOnlyKeys("plan.events.task-service.dlt",
                "plan.events.report-service.dlt", "task.events.report-service.dlt",
                "census.households.report-service.dlt");
        assertThat(deadLetterTopics.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(3));
    }

    @Test
    @Order(2)
    void aProducedRecordIsConsumed() throws Exception {
        // given
        String key = "household-" + UUID.randomUUID();

        // when
        produce("census.households", key, "{\"commune\":\"Mường Giôn\"}");

        // then
        assertThat(consumeUntilFound("census.households", key).value()).isEqualTo("{\"commune\":\"Mường Giôn\"}");
    }

    @Test
    @Order(3)
    void aSecondStackOnTheSameDataDirIsRefused() {
        // given
        LocalStack second = LocalStack.builder().dataDir(dataDir).ports(LocalStackPorts.free()).services().build();

        // when / then
        assertThatThrownBy(second::start)
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("The local stack is already running (data dir " + dataDir.toAbsolutePath());
        assertThat(stack.processes()).hasSize(2);
    }

    @Test
    @Order(4)
    void mongoDocumentsSurviveARestartOfTheServer() throws Exception {
        // given
        MongoWireClient client = new MongoWireClient("127.0.0.1", stack.ports().mongo(), Duration.ofSeconds(5));
        Document inserted = client.command(DATABASE, new Document("insert", "households")
                .append("documents", List.of(new Document("_id", "HH-14-118-0001").append("commune", "Mường Giôn"))));
        assertThat(inserted.get("n")).isEqualTo(1);

        // when
        stack.stopMongo();

        // then
        assertThat(client.ping()).isFalse();
        assertThat(stack.mongoStoreFile()).isRegularFile();
        assertThat(Files.size(stack.mongoStoreFile())).isPositive();

        // when
        stack.startMongo();

        // then
        assertThat(client.ping()).isTrue();
        Document found = client.command(DATABASE, new Document("find", "households")
                .append("filter", new Document("_id", "HH-14-118-0001")));
        List<?> batch = (List<?>) ((Document) found.get("cursor")).get("firstBatch");
        assertThat(batch).singleElement()
                .satisfies(doc -> assertThat(((Document) doc).get("commune")).isEqualTo("Mường Giôn"));
    }

    @Test
    @Order(5)
    void kafkaRecordsSurviveAKilledBroker() throws Exception {
        // given
        String key = "plan-" + UUID.randomUUID();
        produce("plan.events", key, "before the crash");
        long killedPid = pidOf(KafkaBrokerProcess.NAME);

        // when
        stack.killKafka();

        // then
        assertThat(ProcessHandle.of(killedPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        // when
        stack.startKafka();

        // then
        assertThat(consumeUntilFound("plan.events", key).value()).isEqualTo("before the crash");
        assertThat(pidOf(KafkaBrokerProcess.NAME)).isNotEqualTo(killedPid);
    }

    @Test
    @Order(6)
    void eachProcessReportsItsPidAndMemory() {
        // when
        List<ProcessFigures> figures = stack.processes();

        // then
        assertThat(figures).extracting(ProcessFigures::name).containsExactly("mongo", "kafka");
        assertThat(figures).allSatisfy(process -> {
            assertThat(process.pid()).isPositive();
            assertThat(process.rssBytes()).isGreaterThan(10L * 1024 * 1024);
            assertThat(process.readyAfter()).isPositive();
        });
        System.out.println("Process figures: " + figures);
    }

    @Test
    @Order(7)
    void theBrokerLogsToItsFileNotToTheConsole() throws Exception {
        // then
        Path brokerLog = stack.logDir().resolve("kafka.log");
        assertThat(brokerLog).isRegularFile();
        assertThat(Files.readString(brokerLog, StandardCharsets.UTF_8)).contains("Kafka Server started");
        assertThat(Files.readString(stack.logDir().resolve("kafka-console.log"), StandardCharsets.UTF_8))
                .doesNotContain("Kafka Server started");
    }

    @Test
    @Order(8)
    void theDeadLetterToolLogsInWithTheAdminsClientFile() throws Exception {
        // given: a parked record, as a service's binder would park it
        produce("plan.events.task-service.dlt", "task-" + UUID.randomUUID(), "{\"broken\":true}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        int exit = DeadLetters.run(new String[] {"list", "--bootstrap", stack.kafkaBootstrap(), "--command-config",
                stack.kafkaAdminClientConfig().toString(), "--topic", "plan.events.task-service.dlt"},
                new PrintStream(out, true, StandardCharsets.UTF_8));

        // then
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("1 record(s) on plan.events.task-service.dlt");
    }

    @Test
    @Order(100)
    void closeStopsEveryProcess() {
        // given
        List<Long> pids = new ArrayList<>(stack.processes().stream().map(ProcessFigures::pid).toList());
        assertThat(pids).hasSize(2);

        // when
        stack.close();

        // then
        assertThat(pids).allSatisfy(pid ->
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse());
        assertThat(stack.processes()).isEmpty();
        assertThat(PortCheck.isFree(stack.ports().kafka())).isTrue();
        assertThat(PortCheck.isFree(stack.ports().mongo())).isTrue();
        DataDirLock.acquire(dataDir).close();
    }

    @Test
    @Order(101)
    void aRestartKeepsTheAdminPasswordTheKafkaDataWasFormattedWith() throws Exception {
        // given: the data was formatted with the demo admin password (and closed by the previous test)
        List<String> progress = new ArrayList<>();
        try (LocalStack restarted = LocalStack.builder().dataDir(dataDir).ports(LocalStackPorts.free()).services()
                .kafkaPassword(KafkaCredentials.ADMIN, "another-admin-password").progress(progress::add).build()) {

            // when
            restarted.start();

            // then: the admin still logs in with the password the data was formatted with, and the user is told
            assertThat(restarted.kafkaClientProperties().get("sasl.jaas.config").toString())
                    .contains("password=\"demo-kafka-admin\"");
            try (Admin admin = Admin.create(restarted.kafkaClientProperties())) {
                assertThat(admin.describeTopics(LocalStack.TOPICS).allTopicNames().get()).hasSize(4);
            }
            assertThat(progress).anyMatch(line -> line.contains("ADMIN_KAFKA_PASSWORD applies to a new data"));
            assertThat(Files.readString(restarted.kafkaAdminClientConfig(), StandardCharsets.UTF_8))
                    .contains("security.protocol=SASL_PLAINTEXT", "sasl.mechanism=SCRAM-SHA-512",
                            "password=\"demo-kafka-admin\"");
        }
    }

    @Test
    @Order(102)
    void kafkaDataFromBeforeTheBrokerHadUsersIsRefusedWithWhatToDo() throws Exception {
        // given: formatted storage without the admin password beside it, as an earlier local stack left it
        Files.delete(dataDir.resolve("kafka").resolve("admin.password"));
        LocalStack earlier = LocalStack.builder().dataDir(dataDir).ports(LocalStackPorts.free()).services().build();

        // when / then
        assertThatThrownBy(earlier::start).isInstanceOf(LocalStackException.class)
                .hasMessageContaining("was created by an earlier local stack")
                .hasMessageContaining("Delete " + dataDir.toAbsolutePath());
        assertThat(earlier.processes()).isEmpty();
    }

    private static long pidOf(String name) {
        return stack.processes().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().pid();
    }

    private static void produce(String topic, String key, String value) throws Exception {
        Map<String, Object> config = new HashMap<>(stack.kafkaClientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(topic, key, value)).get();
            assertThat(sent.offset()).isNotNegative();
        }
    }

    private static ConsumerRecord<String, String> consumeUntilFound(String topic, String key) {
        Map<String, Object> config = new HashMap<>(stack.kafkaClientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "local-stack-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }
}
