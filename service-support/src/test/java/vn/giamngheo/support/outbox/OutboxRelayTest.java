package vn.giamngheo.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.contracts.EventJson;
import vn.giamngheo.contracts.plan.PlanCreated;
import vn.giamngheo.contracts.plan.PlanIssued;
import vn.giamngheo.support.mongo.ObsoleteIndexes;
import vn.giamngheo.support.testing.TopicProbe;

/** The relay against a real (embedded) broker and a MongoDB-wire server, without Spring. */
class OutboxRelayTest {

    static EmbeddedKafkaKraftBroker kafka;
    static MongoServer mongoServer;
    static MongoClient client;
    static MongoTemplate mongo;

    record Counter(String name, int value) {
    }

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3, "relay.two", "relay.lease", "relay.nudged",
                "relay.unclaimed", "relay.log", "relay.legacy", "relay.queued", "relay.retried", "relay.chase", "relay.skip");
        kafka.afterPropertiesSet();
        mongoServer = new MongoServer(new MemoryBackend());
        var address = mongoServer.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        mongo = new MongoTemplate(client, "relay_test");
    }

    @AfterAll
    static void stop() {
        client.close();
        mongoServer.shutdownNow();
        kafka.destroy();
    }

    static OutboxRelay relay(String topic, String collection) {
        return relay(topic, collection, Duration.ofMillis(50));
    }

    static OutboxRelay relay(String topic, String collection, Duration pollInterval) {
        return relay(topic, collection, pollInterval, mongo);
    }

    static OutboxRelay relay(String topic, String collection, Duration pollInterval, MongoTemplate mongo) {
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
        return new OutboxRelay(mongo, producer, new RelaySettings(topic, "/giamngheo/test", List.of(collection),
                pollInterval, Duration.ofSeconds(2), 10), new SimpleMeterRegistry());
    }

    static PlanCreated created(String id) {
        return new PlanCreated(id, 1, "c-" + id, "t", "UNIT_PLAN", "BDT-14", null, LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 12, 31), "DRAFT", Instant.now());
    }

    @Test
    void two_relays_publish_every_aggregates_events_once_and_in_version_order() throws Exception {
        // given
        AggregateStore<Counter> store = new AggregateStore<>(mongo, "two", Counter.class, "Counter", () -> { });
        OutboxRelay first = relay("relay.two", "two");
        OutboxRelay second = relay("relay.two", "two");
        int aggregates = 20;
        int updatesEach = 15;

        // when: both relays run while writers keep changing every aggregate
        first.start();
        second.start();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        for (int a = 0; a < aggregates; a++) {
            String id = "agg-" + a;
            writers.submit(() -> {
                store.create(id, new Counter(id, 0), created(id));
                for (int v = 1; v < updatesEach; v++) {
                    store.update(id, v, new Counter(id, v), new PlanIssued(id, v + 1, null, "ISSUED",
                            Instant.now()));
                }
                return null;
            });
        }
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        // then
        try (TopicProbe probe = new TopicProbe(kafka.getBrokersAsString(), "relay.two")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.records().size() >= aggregates * updatesEach);
            Map<String, List<Long>> versionsByKey = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : probe.records()) {
                versionsByKey.computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(EventJson.parse(record.value()).get("version").asLong());
            }
            assertThat(versionsByKey).hasSize(aggregates);
            List<Long> expected = new ArrayList<>();
            for (long v = 1; v <= updatesEach; v++) {
                expected.add(v);
            }
            assertThat(versionsByKey.values()).allSatisfy(versions -> assertThat(versions).isEqualTo(expected));
        } finally {
            first.stop();
            second.stop();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.count(
                Query.query(Criteria.where("outbox.0").exists(true)), "two") == 0);
    }

    @Test
    void events_claimed_by_a_relay_that_died_are_published_by_another_once_its_lease_expires() {
        // given: a document claimed by a relay that crashed before publishing
        AggregateStore<Counter> store = new AggregateStore<>(mongo, "lease", Counter.class, "Counter", () -> { });
        store.create("orphan", new Counter("orphan", 0), created("orphan"));
        mongo.updateFirst(Query.query(Criteria.where("_id").is("orphan")), Update.update("lease",
                new Document("owner", "crashed-relay").append("until",
                        Date.from(Instant.now().plusSeconds(2)))), "lease");
        OutboxRelay survivor = relay("relay.lease", "lease");

        // when
        int publishedWhileClaimed = survivor.publishPending();

        // then
        assertThat(publishedWhileClaimed).isZero();
        await().atMost(Duration.ofSeconds(15)).until(() -> survivor.publishPending() == 1);
        try (TopicProbe probe = new TopicProbe(kafka.getBrokersAsString(), "relay.lease")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> probe.recordsOf("orphan").size() == 1);
        }
        assertThat(mongo.findById("orphan", Document.class, "lease").getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void a_relay_told_which_document_was_written_publishes_it_without_waiting_for_its_search() {
        // given: a relay that searches only once an hour, told of every write by the store
        OutboxRelay relay = relay("relay.nudged", "nudged", Duration.ofHours(1));
        AggregateStore<Counter> store = new AggregateStore<>(mongo, "nudged", Counter.class, "Counter",
                (collection, id) -> relay.nudge(collection, id), () -> Actor.system("test"));
        relay.start();
        try (TopicProbe probe = new TopicProbe(kafka.getBrokersAsString(), "relay.nudged")) {
            // when
            store.create("told", new Counter("told", 0), created("told"));
            store.update("told", 1, new Counter("told", 1), new PlanIssued("told", 2, null, "ISSUED",
                    Instant.now()));

            // then: both events, in order, long before the next search
            await().atMost(Duration.ofSeconds(10)).until(() -> probe.recordsOf("told").size() == 2);
            assertThat(probe.recordsOf("told")).extracting(r -> EventJson.parse(r.value()).get("version").asLong())
                    .containsExactly(1L, 2L);
        } finally {
            relay.stop();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById("told", Document.class, "nudged")
                .getList("outbox", Document.class).isEmpty());
        assertThat(mongo.indexOps("nudged").getIndexInfo()).extracting(index -> index.getName())
                .doesNotContain(ObsoleteIndexes.VERSION, ObsoleteIndexes.LEASE_OWNER);
    }

    @Test
    void after_a_failed_publication_the_relay_searches_at_once_instead_of_at_its_next_regular_search() {
        // given: a relay that searches once an hour, whose first write to the change log fails
        AtomicInteger logFailures = new AtomicInteger(1);
        MongoTemplate logDownOnce = new MongoTemplate(client, "relay_test") {
            @Override
            public BulkOperations bulkOps(BulkOperations.BulkMode mode, String collectionName) {
                if (collectionName.endsWith(ChangeLog.SUFFIX) && logFailures.getAndDecrement() > 0) {
                    throw new DataAccessResourceFailureException("the change log is not reachable");
                }
                return super.bulkOps(mode, collectionName);
            }
        };
        OutboxRelay relay = relay("relay.retried", "retried", Duration.ofHours(1), logDownOnce);
        AggregateStore<Counter> store = new AggregateStore<>(mongo, "retried", Counter.class, "Counter",
                (collection, id) -> relay.nudge(collection, id), () -> Actor.system("test"));
        relay.start();
        try {
            // when
            store.create("retried", new Counter("retried", 0), created("retried"));

            // then: retried after a short back-off, an hour before the next regular search
            await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById("retried", Document.class, "retried")
                    .getList("outbox", Document.class).isEmpty());
            assertThat(logFailures.get()).isNegative();
            assertThat(store.auditTrail("retried")).extracting(AuditEntry::version).containsExactly(1L);
        } finally {
            relay.stop();
        }
    }

    @Test
    void a_search_gives_way_to_documents_the_relay_was_told_about_after_one_batch_and_goes_on_after_them() {
        // given: 25 documents no nudge named (batches of 10), and one the relay was told about
        AggregateStore<Counter> store = new AggregateStore<>(mongo, "chase", Counter.class, "Counter", () -> { });
        for (int i = 0; i < 25; i++) {
            store.create("left-" + i, new Counter("left-" + i, 0), created("left-" + i));
        }
        store.create("told", new Counter("told", 0), created("told"));
        OutboxRelay relay = relay("relay.chase", "chase", Duration.ofHours(1));
        relay.nudge("chase", "told");

        // when
        int searched = relay.publishPending();
        int told = relay.publishWritten();
        int searchedAfter = relay.publishPending();

        // then: one batch, then the document it was told about, then the rest
        assertThat(searched).isEqualTo(10);
        assertThat(told).isEqualTo(1);
        assertThat(searchedAfter).isEqualTo(15);
        assertThat(mongo.count(Query.query(Criteria.where("outbox.0").exists(true)), "chase")).isZero();
    }

    @Test
    void a_search_leaves_out_a_document_the_relay_was_told_about_while_it_scanned() {
        // given: a pending document, and a relay told about it just after its search read the collection
        AggregateStore<Counter> store = new AggregateStore<>(mongo, "skip", Counter.class, "Counter", () -> { });
        store.create("fresh", new Counter("fresh", 0), created("fresh"));
        AtomicReference<OutboxRelay> told = new AtomicReference<>();
        MongoTemplate toldDuringScan = new MongoTemplate(client, "relay_test") {
            @Override
            public <T> List<T> find(Query query, Class<T> entityClass, String collectionName) {
                List<T> found = super.find(query, entityClass, collectionName);
                if (query.getQueryObject().containsKey("outbox.0")) {
                    told.get().nudge("skip", "fresh");
                }
                return found;
            }
        };
        OutboxRelay relay = relay("relay.skip", "skip", Duration.ofHours(1), toldDuringScan);
        told.set(relay);

        // when
        int searched = relay.publishPending();

        // then: the search neither claims nor publishes it; the told-about path does
        assertThat(searched).isZero();
        assertThat(mongo.findById("fresh", Document.class, "skip").get("lease")).isNull();
        assertThat(relay.publishWritten()).isEqualTo(1);
    }

    @Test
    void a_relay_told_of_a_write_publishes_it_without_claiming_it_even_while_another_relays_search_holds_it() {
        // given: a document another instance's search has claimed for an hour (it may be slow or dead)
        OutboxRelay relay = relay("relay.unclaimed", "unclaimed", Duration.ofHours(1));
        AggregateStore<Counter> store = new AggregateStore<>(mongo, "unclaimed", Counter.class, "Counter",
                (collection, id) -> relay.nudge(collection, id), () -> Actor.system("test"));
        store.create("held", new Counter("held", 0), created("held"));
        Document othersLease = new Document("owner", "other-instance").append("until",
                Date.from(Instant.now().plusSeconds(3600)));
        mongo.updateFirst(Query.query(Criteria.where("_id").is("held")), Update.update("lease", othersLease),
                "unclaimed");
        relay.start();
        try (TopicProbe probe = new TopicProbe(kafka.getBrokersAsString(), "relay.unclaimed")) {
            // when
            store.update("held", 1, new Counter("held", 1), new PlanIssued("held", 2, null, "ISSUED",
                    Instant.now()));

            // then: both events at once (no waiting for the lease), in order; the other relay's claim is left alone
            await().atMost(Duration.ofSeconds(10)).until(() -> probe.recordsOf("held").size() == 2);
            assertThat(probe.recordsOf("held")).extracting(r -> EventJson.parse(r.value()).get("version").asLong())
                    .containsExactly(1L, 2L);
        } finally {
            relay.stop();
        }
        Document stored = mongo.findById("held", Document.class, "unclaimed");
        assertThat(stored.getList("outbox", Document.class)).isEmpty();
        assertThat(stored.get("lease", Document.class).getString("owner")).isEqualTo("other-instance");
    }

    @Test
    void a_search_leaves_the_documents_the_relay_was_told_about_to_be_published_without_a_claim() {
        // given: one document the relay was told about (not yet published) and one written by someone who did not
        // tell it (another instance, or written before a crash)
        OutboxRelay relay = relay("relay.queued", "queued", Duration.ofHours(1));
        AggregateStore<Counter> telling = new AggregateStore<>(mongo, "queued", Counter.class, "Counter",
                (collection, id) -> relay.nudge(collection, id), () -> Actor.system("test"));
        AggregateStore<Counter> silent = new AggregateStore<>(mongo, "queued", Counter.class, "Counter",
                (collection, id) -> { }, () -> Actor.system("test"));
        telling.create("told", new Counter("told", 0), created("told"));
        silent.create("untold", new Counter("untold", 0), created("untold"));

        try (TopicProbe probe = new TopicProbe(kafka.getBrokersAsString(), "relay.queued")) {
            // when: the relay searches
            int foundBySearch = relay.publishPending();

            // then: the search published only the untold document; the told one was neither claimed nor published
            assertThat(foundBySearch).isEqualTo(1);
            Document told = mongo.findById("told", Document.class, "queued");
            assertThat(told.getList("outbox", Document.class)).hasSize(1);
            assertThat(told.get("lease")).isNull();

            // and when: the relay publishes what it was told about, then it is published too, once each
            assertThat(relay.publishWritten()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> probe.recordsOf("told").size() == 1
                    && probe.recordsOf("untold").size() == 1);
        }
        assertThat(mongo.findById("told", Document.class, "queued").getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void published_events_move_to_the_change_log_and_the_audit_trail_and_changes_still_show_every_one() {
        // given: three changes by two people, all waiting in the aggregate's outbox
        Actor admin = AggregateStoreAuditTest.ADMIN;
        Actor officer = AggregateStoreAuditTest.OFFICER;
        AtomicReference<Actor> caller = new AtomicReference<>(admin);
        AggregateStore<Counter> store = new AggregateStore<>(mongo, "logged", Counter.class, "Counter",
                (collection, id) -> { }, caller::get);
        store.create("moved", new Counter("moved", 0), created("moved"));
        caller.set(officer);
        store.update("moved", 1, new Counter("moved", 1), new PlanIssued("moved", 2, null, "ISSUED", Instant.now()));
        store.update("moved", 2, new Counter("moved", 2), new PlanIssued("moved", 3, null, "ISSUED", Instant.now()));
        List<AuditEntry> beforePublishing = store.auditTrail("moved");

        // when
        int published = relay("relay.log", "logged").publishPending();

        // then: the document keeps only its state; the log holds the three events, once each
        assertThat(published).isEqualTo(3);
        Document stored = mongo.findById("moved", Document.class, "logged");
        assertThat(stored.getList("outbox", Document.class)).isEmpty();
        assertThat(stored).doesNotContainKey("audit");
        assertThat(mongo.findAll(Document.class, "logged_log")).extracting(d -> d.getString("_id"))
                .containsExactlyInAnyOrder("moved:1", "moved:2", "moved:3");
        List<AuditEntry> trail = store.auditTrail("moved");
        assertThat(trail).isEqualTo(beforePublishing);
        assertThat(trail).extracting(AuditEntry::version).containsExactly(1L, 2L, 3L);
        assertThat(trail).extracting(AuditEntry::actor).containsExactly(admin, officer, officer);
        assertThat(store.changes("moved")).extracting(OutboxEntry::version).containsExactly(1L, 2L, 3L);
        assertThat(EventJson.parse(store.changes("moved").get(1).payload().getBytes(StandardCharsets.UTF_8))
                .get("status").asString()).isEqualTo("ISSUED");
    }

    @Test
    void an_event_whose_log_entry_cannot_be_written_stays_in_the_outbox_until_it_can() {
        // given: a change whose event the broker will take, and a change log that cannot be written
        AggregateStore<Counter> store = new AggregateStore<>(mongo, "unlogged", Counter.class, "Counter", () -> { });
        store.create("kept", new Counter("kept", 0), created("kept"));
        MongoTemplate logDown = new MongoTemplate(client, "relay_test") {
            @Override
            public BulkOperations bulkOps(BulkOperations.BulkMode mode, String collectionName) {
                if (collectionName.endsWith(ChangeLog.SUFFIX)) {
                    throw new DataAccessResourceFailureException("the change log is not reachable");
                }
                return super.bulkOps(mode, collectionName);
            }
        };

        // when
        assertThatThrownBy(() -> relay("relay.log", "unlogged", Duration.ofMillis(50), logDown).publishPending())
                .hasMessageContaining("change log");

        // then: the event is still waiting in the document, and a relay that can log it does, once the failed
        // relay's claim has expired
        assertThat(mongo.findById("kept", Document.class, "unlogged").getList("outbox", Document.class)).hasSize(1);
        assertThat(mongo.findAll(Document.class, "unlogged_log")).isEmpty();
        OutboxRelay next = relay("relay.log", "unlogged");
        await().atMost(Duration.ofSeconds(15)).until(() -> next.publishPending() == 1);
        assertThat(mongo.findById("kept", Document.class, "unlogged").getList("outbox", Document.class)).isEmpty();
        assertThat(store.auditTrail("kept")).extracting(AuditEntry::version).containsExactly(1L);
    }

    @Test
    void an_event_published_again_after_a_relay_died_before_removing_it_stays_once_in_the_log() {
        // given: an event published and logged, put back into the outbox as a relay that died before the removal
        // leaves it
        AggregateStore<Counter> store = new AggregateStore<>(mongo, "relogged", Counter.class, "Counter", () -> { });
        store.create("again", new Counter("again", 0), created("again"));
        Document pending = mongo.findById("again", Document.class, "relogged").getList("outbox", Document.class)
                .get(0);
        OutboxRelay relay = relay("relay.log", "relogged");
        relay.publishPending();
        mongo.updateFirst(Query.query(Criteria.where("_id").is("again")), new Update().push("outbox", pending),
                "relogged");

        // when
        int publishedAgain = relay.publishPending();

        // then
        assertThat(publishedAgain).isEqualTo(1);
        assertThat(mongo.findAll(Document.class, "relogged_log")).hasSize(1);
        assertThat(mongo.findById("again", Document.class, "relogged").getList("outbox", Document.class)).isEmpty();
        assertThat(store.auditTrail("again")).extracting(AuditEntry::version).containsExactly(1L);
    }

    @Test
    void a_document_written_before_the_change_log_keeps_its_embedded_audit_trail_and_adds_the_new_changes() {
        // given: a document of the old layout, whose first change is known only from its audit array
        Actor before = AggregateStoreAuditTest.ADMIN;
        mongo.insert(new Document("_id", "old").append("version", 1L)
                .append("state", new Document("name", "old").append("value", 0))
                .append("outbox", List.of())
                .append("audit", List.of(new Document("version", 1L).append("type", "plan.PlanCreated.v1")
                        .append("actor", new Document("subject", "admin").append("name", "Quản trị tỉnh")
                                .append("kind", "USER"))
                        .append("at", new Date()))), "legacy");
        Actor officer = AggregateStoreAuditTest.OFFICER;
        AggregateStore<Counter> store = new AggregateStore<>(mongo, "legacy", Counter.class, "Counter",
                (collection, id) -> { }, () -> officer);

        // when
        store.update("old", 1, new Counter("old", 1), new PlanIssued("old", 2, null, "ISSUED", Instant.now()));
        relay("relay.legacy", "legacy").publishPending();

        // then
        assertThat(store.auditTrail("old")).extracting(AuditEntry::version, AuditEntry::actor)
                .containsExactly(tuple(1L, before), tuple(2L, officer));
        assertThat(store.changes("old")).extracting(OutboxEntry::version).containsExactly(2L);
    }
}
