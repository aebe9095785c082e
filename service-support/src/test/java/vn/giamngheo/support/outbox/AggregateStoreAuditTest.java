package vn.giamngheo.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.contracts.EventJson;
import vn.giamngheo.contracts.EventSchemas;
import vn.giamngheo.contracts.plan.PlanCreated;
import vn.giamngheo.contracts.plan.PlanIssued;

class AggregateStoreAuditTest {

    record Counter(String name, int value) {
    }

    static final Actor ADMIN = new Actor("admin", "Quản trị tỉnh", null, Actor.Kind.USER);
    static final Actor OFFICER = new Actor("bdt.canbo", "Cán bộ Ban Dân tộc", "BDT-14", Actor.Kind.USER);

    static MongoServer server;
    static MongoTemplate mongo;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        mongo = new MongoTemplate(MongoClients.create("mongodb://127.0.0.1:" + address.getPort()), "audit");
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
    }

    @Test
    void every_change_records_who_made_it_in_the_audit_trail_and_in_the_events_payload() {
        // given
        Actor admin = ADMIN;
        Actor officer = OFFICER;
        AtomicReference<Actor> caller = new AtomicReference<>(admin);
        AggregateStore<Counter> store = new AggregateStore<>(mongo, "audited", Counter.class, "Counter",
                (collection, id) -> { }, caller::get);

        // when: the admin creates, an officer changes
        store.create("p-1", new Counter("p-1", 0), new PlanCreated("p-1", 1, "61/KH-UBND", "Kế hoạch", "UNIT_PLAN",
                "BDT-14", null, LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31), "DRAFT", Instant.now()));
        caller.set(officer);
        store.update("p-1", 1, new Counter("p-1", 1), new PlanIssued("p-1", 2, LocalDate.of(2022, 3, 3), "ISSUED", Instant.now()));

        // then
        List<AuditEntry> trail = store.auditTrail("p-1");
        assertThat(trail).extracting(AuditEntry::version).containsExactly(1L, 2L);
        assertThat(trail).extracting(AuditEntry::type).containsExactly("plan.PlanCreated.v1", "plan.PlanIssued.v1");
        assertThat(trail).extracting(AuditEntry::actor).containsExactly(admin, officer);
        List<Document> outbox = mongo.findById("p-1", Document.class, "audited").getList("outbox", Document.class);
        assertThat(outbox).hasSize(2);
        var issued = EventJson.mapper().readTree(outbox.get(1).getString("payload"));
        assertThat(EventJson.actorOf(issued)).isEqualTo(officer);
        assertThat(EventSchemas.violations("plan.PlanIssued.v1", issued)).isEmpty();
        assertThat(store.get("p-1").state()).isEqualTo(new Counter("p-1", 1));
    }
}
