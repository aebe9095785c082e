package vn.giamngheo.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import vn.giamngheo.contracts.EventJson;
import vn.giamngheo.contracts.plan.PlanCreated;
import vn.giamngheo.contracts.plan.PlanIssued;

/**
 * An aggregate's events never overtake each other, even when a send fails: the relay has at most one event of an
 * aggregate in flight. A producer that completes sends only when told shows what is in flight.
 */
class OutboxRelayOrderTest {

    static MongoServer server;
    static MongoClient client;
    static MongoTemplate mongo;

    record Counter(String name, int value) {
    }

    /** Completes sends only when the test says so; its own flush would complete them all at once. */
    static final class ManualProducer extends MockProducer<String, byte[]> {
        ManualProducer() {
            super(false, null, new StringSerializer(), new ByteArraySerializer());
        }

        @Override
        public synchronized void flush() {
        }
    }

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "relay_order_test");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_failed_send_is_never_overtaken_by_a_later_event_of_the_same_aggregate() {
        // given: one aggregate with three unpublished events
        AggregateStore<Counter> store = new AggregateStore<>(mongo, "ordered", Counter.class, "Counter", () -> { });
        store.create("agg-1", new Counter("agg-1", 0), new PlanCreated("agg-1", 1, "c", "t", "UNIT_PLAN", "BDT-14",
                null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "DRAFT", Instant.now()));
        store.update("agg-1", 1, new Counter("agg-1", 1), new PlanIssued("agg-1", 2, null, "ISSUED", Instant.now()));
        store.update("agg-1", 2, new Counter("agg-1", 2), new PlanIssued("agg-1", 3, null, "ISSUED", Instant.now()));
        ManualProducer producer = new ManualProducer();
        OutboxRelay relay = new OutboxRelay(mongo, producer, new RelaySettings("plan.events", "/giamngheo/test",
                List.of("ordered"), Duration.ofMillis(50), Duration.ofSeconds(60), 10), new SimpleMeterRegistry());

        // when: the first send fails (the broker died)
        CompletableFuture<Integer> failing = CompletableFuture.supplyAsync(relay::publishPending);
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);
        producer.errorNext(new TimeoutException("broker gone"));

        // then: nothing after it was sent, and all three events still wait
        assertThat(failing).failsWithin(Duration.ofSeconds(10));
        assertThat(producer.history()).hasSize(1);
        assertThat(pending()).isEqualTo(3);

        // when: the next round succeeds, one acknowledgement at a time
        CompletableFuture<Integer> succeeding = CompletableFuture.supplyAsync(relay::publishPending);
        for (int sent = 2; sent <= 4; sent++) {
            int expected = sent;
            await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == expected);
            assertThat(producer.history()).as("only one event of the aggregate in flight").hasSize(expected);
            producer.completeNext();
        }

        // then
        assertThat(succeeding.join()).isEqualTo(3);
        assertThat(producer.history().subList(1, 4)).extracting(r -> EventJson.parse(r.value()).get("version")
                .asLong()).containsExactly(1L, 2L, 3L);
        assertThat(pending()).isZero();
    }

    private static int pending() {
        Document document = mongo.findOne(Query.query(Criteria.where("_id").is("agg-1")), Document.class, "ordered");
        return document.getList("outbox", Object.class).size();
    }
}
