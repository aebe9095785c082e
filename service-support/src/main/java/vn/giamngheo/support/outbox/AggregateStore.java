package vn.giamngheo.support.outbox;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.DomainException;
import vn.giamngheo.support.domain.NotFoundException;
import vn.giamngheo.support.domain.StaleVersionException;
import vn.giamngheo.support.domain.StateConflictException;
import vn.giamngheo.support.mongo.ObsoleteIndexes;

/**
 * Stores an aggregate and the event of each change in ONE single-document write: the document holds the state, the
 * version and an outbox list of events not yet published. No multi-document transaction is needed, so there is no
 * dual write: either the change and its event are both stored, or neither is.
 *
 * <p>Document layout: {@code {_id, version, state: {...}, outbox: [OutboxEntry...], lease: {owner, until}}}. Commands
 * replace only {@code state} and push to {@code outbox}; the relay only pulls from {@code outbox} and sets
 * {@code lease}; so neither can overwrite the other's work. Each outbox entry's payload names who made the change
 * ({@code actor}); once published, the relay moves the entry to the collection's {@link ChangeLog}, so the document
 * stays the size of the state however many changes it has seen, and the audit trail ({@link #auditTrail}) and the
 * events of past changes ({@link #changes}) are read from the outbox and the log together. Documents written before
 * the log existed also carry an {@code audit} array, which is still read.
 */
public class AggregateStore<S> {

    static final String VERSION = "version";
    static final String STATE = "state";
    static final String OUTBOX = "outbox";
    static final String AUDIT = "audit";
    /**
     * Aggregates whose last known state a store keeps, so a command on one of them needs no read: the ones commands
     * are working on, not whole lists (a task's state carries its progress log, a plan its objectives).
     */
    static final int RECENT_STATES = 1_000;

    private final MongoTemplate mongo;
    private final ChangeLog changeLog;
    private final String collection;
    private final Class<S> stateType;
    private final String aggregateName;
    private final WriteListener afterWrite;
    private final Supplier<Actor> currentActor;
    /**
     * The state and version this store last wrote or read, per aggregate. A command starts from it instead of reading
     * the document again (on the MongoDB-wire server a read costs as much as the write, and the document grows with
     * its outbox and audit). It can be behind the database only when something else wrote the document (another
     * instance of the service): then the version-checked write matches nothing, or the command refuses on the old
     * state, and {@link #apply} forgets the entry and runs the command once more on a fresh read. Anything that
     * changes an aggregate document outside this class must therefore raise its {@code version}, as every write here
     * does; otherwise a kept state of the same version would not notice the change. Soft values: under memory
     * pressure the collector may drop entries, which only costs reads.
     */
    private final Cache<String, Versioned<S>> recent = Caffeine.newBuilder().maximumSize(RECENT_STATES).softValues()
            .build();

    /** Told after each stored change which document has new events, e.g. to wake the relay for exactly that one. */
    @FunctionalInterface
    public interface WriteListener {
        void written(String collection, String id);
    }

    /** For stores used outside a service (tools, tests), where nobody in particular makes the changes. */
    static final Supplier<Actor> UNKNOWN_ACTOR = () -> Actor.system("unknown");

    public AggregateStore(MongoTemplate mongo, String collection, Class<S> stateType, String aggregateName,
                          Runnable afterWrite) {
        this(mongo, collection, stateType, aggregateName, (written, id) -> afterWrite.run(), UNKNOWN_ACTOR);
    }

    public AggregateStore(MongoTemplate mongo, String collection, Class<S> stateType, String aggregateName,
                          WriteListener afterWrite, Supplier<Actor> currentActor) {
        this.mongo = mongo;
        this.changeLog = new ChangeLog(mongo);
        this.collection = collection;
        this.stateType = stateType;
        this.aggregateName = aggregateName;
        this.afterWrite = afterWrite;
        this.currentActor = currentActor;
        ObsoleteIndexes.drop(mongo, collection, ObsoleteIndexes.VERSION);
    }

    public String collection() {
        return collection;
    }

    public Versioned<S> create(String id, S state, DomainEvent event) {
        requireVersion(event, 1);
        Actor actor = currentActor.get();
        Document document = new Document("_id", id)
                .append(VERSION, 1L)
                .append(STATE, toDocument(state))
                .append(OUTBOX, List.of(toDocument(OutboxEntry.of(event, actor))));
        try {
            mongo.insert(document, collection);
        } catch (DuplicateKeyException e) {
            throw new StateConflictException("already-exists", aggregateName + " " + id + " already exists");
        }
        afterWrite.written(collection, id);
        return remember(new Versioned<>(id, 1, state), document.get(STATE, Document.class));
    }

    /** Writes the new state and its event only if the stored version is still {@code expectedVersion}. */
    public Versioned<S> update(String id, long expectedVersion, S state, DomainEvent event) {
        long next = expectedVersion + 1;
        requireVersion(event, next);
        Query current = Query.query(Criteria.where("_id").is(id).and(VERSION).is(expectedVersion));
        Actor actor = currentActor.get();
        Document stateDocument = toDocument(state);
        Update change = new Update()
                .set(STATE, stateDocument)
                .set(VERSION, next)
                .push(OUTBOX, toDocument(OutboxEntry.of(event, actor)));
        if (mongo.updateFirst(current, change, collection).getMatchedCount() == 0) {
            recent.invalidate(id);
            Long actual = find(id).map(Versioned::version)
                    .orElseThrow(() -> new NotFoundException(aggregateName, id));
            throw new StaleVersionException(aggregateName, id, expectedVersion, actual);
        }
        afterWrite.written(collection, id);
        return remember(new Versioned<>(id, next, state), stateDocument);
    }

    /**
     * Runs a command on the current state and stores its outcome, refusing with 409 when the client expected another
     * version (If-Match) or when someone else wrote in between.
     */
    public Versioned<S> apply(String id, Long expectedVersion, BiFunction<S, Long, Change<S>> command) {
        Versioned<S> known = recent.getIfPresent(id);
        if (known != null) {
            try {
                return apply(known, expectedVersion, command);
            } catch (DomainException perhapsOutdated) {
                // Refused on the state this store knew: decide again on the stored one, which alone is authoritative.
                recent.invalidate(id);
            }
        }
        return apply(get(id), expectedVersion, command);
    }

    private Versioned<S> apply(Versioned<S> current, Long expectedVersion, BiFunction<S, Long, Change<S>> command) {
        String id = current.id();
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersionException(aggregateName, id, expectedVersion, current.version());
        }
        Change<S> change = command.apply(current.state(), current.version());
        return update(id, current.version(), change.state(), change.event());
    }

    /**
     * Who made each change of the aggregate, oldest first: the actor is written with the change itself (in its
     * event's payload), so the trail is complete for every change stored since audit trails were introduced.
     */
    public List<AuditEntry> auditTrail(String id) {
        Map<Long, AuditEntry> trail = new TreeMap<>();
        Document document = readChanges(id, true);
        for (Document legacy : document.getList(AUDIT, Document.class, List.of())) {
            AuditEntry entry = mongo.getConverter().read(AuditEntry.class, legacy);
            trail.put(entry.version(), entry);
        }
        for (OutboxEntry change : changes(id, document)) {
            trail.put(change.version(), AuditEntry.of(change));
        }
        return List.copyOf(trail.values());
    }

    /**
     * The events of the aggregate's changes as stored (payload with its actor), oldest first: the published ones from
     * the log and those still waiting in the outbox. Changes stored before the log existed are not among them.
     */
    public List<OutboxEntry> changes(String id) {
        return changes(id, readChanges(id, false));
    }

    /**
     * The document's outbox is read BEFORE the log: an event the relay moves in between is then found in both
     * (and counted once), never in neither.
     */
    private Document readChanges(String id, boolean withLegacyAudit) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().include(VERSION).include(OUTBOX);
        if (withLegacyAudit) {
            query.fields().include(AUDIT);
        }
        Document document = mongo.findOne(query, Document.class, collection);
        if (document == null) {
            throw new NotFoundException(aggregateName, id);
        }
        return document;
    }

    private List<OutboxEntry> changes(String id, Document document) {
        Map<Long, OutboxEntry> changes = new TreeMap<>();
        for (Document pending : document.getList(OUTBOX, Document.class, List.of())) {
            OutboxEntry entry = mongo.getConverter().read(OutboxEntry.class, pending);
            changes.put(entry.version(), entry);
        }
        long version = ((Number) document.get(VERSION)).longValue();
        for (OutboxEntry logged : changeLog.read(collection, id, version)) {
            changes.putIfAbsent(logged.version(), logged);
        }
        return List.copyOf(changes.values());
    }

    public Optional<Versioned<S>> find(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().exclude(OUTBOX).exclude(AUDIT);
        return Optional.ofNullable(mongo.findOne(query, Document.class, collection)).map(this::toVersioned);
    }

    public Versioned<S> get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException(aggregateName, id));
    }

    /** Finds aggregates by criteria on their state; field names are prefixed with {@code state.} by the caller. */
    public List<Versioned<S>> find(Criteria criteria, Pageable page, Sort sort) {
        Query query = Query.query(criteria).with(page).with(sort);
        query.fields().exclude(OUTBOX).exclude(AUDIT);
        return mongo.find(query, Document.class, collection).stream().map(this::read).toList();
    }

    public long count(Criteria criteria) {
        return mongo.count(Query.query(criteria), collection);
    }

    /** One aggregate read by id: kept, as a command on it is likely to follow. */
    private Versioned<S> toVersioned(Document document) {
        Versioned<S> versioned = read(document);
        keep(versioned);
        return versioned;
    }

    private Versioned<S> read(Document document) {
        Document state = document.get(STATE, Document.class);
        return new Versioned<>(document.getString("_id"), ((Number) document.get(VERSION)).longValue(),
                mongo.getConverter().read(stateType, state));
    }

    /**
     * Keeps the written state as a read would return it (converted back from the stored form: instants cut to
     * milliseconds, collections copied), so a command that starts from the kept state decides exactly as after a read.
     */
    private Versioned<S> remember(Versioned<S> written, Document storedState) {
        keep(new Versioned<>(written.id(), written.version(), mongo.getConverter().read(stateType, storedState)));
        return written;
    }

    /** A read that raced with a write must not replace the newer state the write kept. */
    private void keep(Versioned<S> state) {
        recent.asMap().merge(state.id(), state, (kept, newer) -> newer.version() >= kept.version() ? newer : kept);
    }

    private Document toDocument(Object value) {
        MongoConverter converter = mongo.getConverter();
        Document document = new Document();
        converter.write(value, document);
        document.remove("_class");
        return document;
    }

    private static void requireVersion(DomainEvent event, long expected) {
        if (event.version() != expected) {
            throw new IllegalArgumentException("Event " + event.getClass().getSimpleName() + " carries version "
                    + event.version() + " but the aggregate's next version is " + expected);
        }
    }
}
