package vn.giamngheo.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import vn.giamngheo.contracts.plan.PlanCreated;
import vn.giamngheo.contracts.plan.PlanIssued;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.StateConflictException;
import vn.giamngheo.support.domain.StaleVersionException;

/** A store decides commands on the state it last wrote, and never on one another writer made obsolete. */
class AggregateStoreRecentStateTest {

    record Counter(String name, int value) {

        Change<Counter> increment(long version) {
            return new Change<>(new Counter(name, value + 1), new PlanIssued(name, version + 1, null, "ISSUED",
                    Instant.now()));
        }

        /** Refuses below one, as a domain rule refuses a command in the wrong state. */
        Change<Counter> incrementIfStarted(long version) {
            if (value < 1) {
                throw new StateConflictException("not-started", name + " has not started");
            }
            return increment(version);
        }
    }

    static MongoServer server;
    static MongoTemplate mongo;
    static final AtomicInteger reads = new AtomicInteger();

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        mongo = new MongoTemplate(MongoClients.create("mongodb://127.0.0.1:" + address.getPort()), "recent") {
            @Override
            public <T> T findOne(Query query, Class<T> entityClass, String collectionName) {
                reads.incrementAndGet();
                return super.findOne(query, entityClass, collectionName);
            }
        };
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
    }

    private static AggregateStore<Counter> store(String collection) {
        return new AggregateStore<>(mongo, collection, Counter.class, "Counter", () -> { });
    }

    private static PlanCreated created(String id) {
        return new PlanCreated(id, 1, "61/KH-UBND", "Kế hoạch", "UNIT_PLAN", "BDT-14", null,
                LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31), "DRAFT", Instant.now());
    }

    @Test
    void a_command_on_an_aggregate_the_store_just_wrote_needs_no_read() {
        // given
        AggregateStore<Counter> store = store("remembered");
        store.create("c-1", new Counter("c-1", 0), created("c-1"));
        int readsBefore = reads.get();

        // when
        store.apply("c-1", null, Counter::increment);
        store.apply("c-1", 2L, Counter::increment);

        // then
        assertThat(reads.get()).isEqualTo(readsBefore);
        assertThat(store.get("c-1")).isEqualTo(new Versioned<>("c-1", 3, new Counter("c-1", 2)));
    }

    @Test
    void a_command_after_another_instance_wrote_is_decided_on_the_stored_state() {
        // given: two instances of a service; the first knows version 1, the second then writes version 2
        AggregateStore<Counter> first = store("two-instances");
        AggregateStore<Counter> second = store("two-instances");
        first.create("c-2", new Counter("c-2", 0), created("c-2"));
        second.apply("c-2", 1L, Counter::increment);

        // when: the first is asked to change version 2, which it has never seen
        Versioned<Counter> changed = first.apply("c-2", 2L, Counter::increment);

        // then: no false 409 and no lost update
        assertThat(changed).isEqualTo(new Versioned<>("c-2", 3, new Counter("c-2", 2)));
        assertThat(first.apply("c-2", null, Counter::increment).state()).isEqualTo(new Counter("c-2", 3));
        assertThat(second.get("c-2")).isEqualTo(new Versioned<>("c-2", 4, new Counter("c-2", 3)));
    }

    @Test
    void a_refusal_on_an_outdated_state_is_decided_again_on_the_stored_one() {
        // given: the first instance knows the counter at zero; the second has started it since
        AggregateStore<Counter> first = store("refusals");
        AggregateStore<Counter> second = store("refusals");
        first.create("c-3", new Counter("c-3", 0), created("c-3"));
        second.apply("c-3", null, Counter::increment);

        // when
        Versioned<Counter> changed = first.apply("c-3", null, Counter::incrementIfStarted);

        // then
        assertThat(changed.state()).isEqualTo(new Counter("c-3", 2));
    }

    @Test
    void a_client_that_expects_an_old_version_still_gets_409_and_nothing_is_written() {
        // given
        AggregateStore<Counter> store = store("stale-clients");
        store.create("c-4", new Counter("c-4", 0), created("c-4"));
        store.apply("c-4", 1L, Counter::increment);

        // when / then
        assertThatThrownBy(() -> store.apply("c-4", 1L, Counter::increment))
                .isInstanceOf(StaleVersionException.class);
        assertThat(store.get("c-4")).isEqualTo(new Versioned<>("c-4", 2, new Counter("c-4", 1)));
    }
}
