package vn.giamngheo.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.giamngheo.support.mongo.ObsoleteIndexes;

/**
 * Publishes the events waiting in aggregate documents, in order, and removes each from its document only after the
 * broker acknowledged it (at-least-once; consumers drop duplicates by version) and it was copied to the collection's
 * {@link ChangeLog}, where the aggregate's audit trail and logs are read from.
 *
 * <p>The store tells the relay which document it wrote ({@link #nudge(String, String)}); the relay reads those by id,
 * a batch at a time, publishes their events and removes the acknowledged ones with one bulk write. It searches the
 * collections for pending events when idle for a poll interval and, while busy, every ten — and at once on start,
 * after the documents it was told about failed to publish, and after a search that gave way to them with more to find:
 * for events no nudge named (another instance's, a crashed relay's, those left while Kafka was down). A search first
 * claims what it found
 * with a time-limited lease, so several instances searching at once do not all publish the same backlog; the
 * documents this instance was told about it publishes unclaimed: claiming and freeing them would cost two more writes
 * per event, and what the lease would prevent — another instance's search publishing the same event at the same time
 * — only adds a duplicate, which consumers drop by version. Per-aggregate order holds either way: each relay sends
 * an aggregate's next event only after the broker acknowledged the one before it, so no event reaches the topic before
 * an earlier version of its aggregate has. While Kafka is down the sends fail, the events stay in their documents, and
 * the relay backs off and tries again; writes through the API go on. The search is a whole-collection scan (nothing
 * indexes "has an outbox"), so the poll interval is seconds, not milliseconds.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(200);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final Producer<String, byte[]> producer;
    private final RelaySettings settings;
    private final CloudEventRecords records;
    private final ChangeLog changeLog;
    private final String owner = UUID.randomUUID().toString();
    private final Semaphore wakeUp = new Semaphore(0);
    private final Counter published;
    private final Counter failures;
    /** Documents written since the relay last looked, per collection, in the order they were written. */
    private final Map<String, Set<String>> written = new LinkedHashMap<>();
    private final ObsoleteIndexes leaseIndex;
    private final AtomicBoolean searchRequested = new AtomicBoolean();
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(MongoTemplate mongo, Producer<String, byte[]> producer, RelaySettings settings,
                       MeterRegistry meters) {
        this.mongo = mongo;
        this.leaseIndex = new ObsoleteIndexes(mongo, ObsoleteIndexes.LEASE_OWNER);
        this.producer = producer;
        this.settings = settings;
        this.records = new CloudEventRecords(settings.source());
        this.changeLog = new ChangeLog(mongo);
        this.published = meters.counter("giamngheo.outbox.published", "topic", settings.topic());
        this.failures = meters.counter("giamngheo.outbox.publish.failures", "topic", settings.topic());
    }

    /** Asks the relay to look for new events now instead of at the next poll. */
    public void nudge() {
        searchRequested.set(true);
        wakeUp.release();
    }

    /**
     * Asks the relay to publish the new events of one document now. It reads that document by its id, without
     * searching the collection; anything a nudge misses (another instance's writes, a crashed relay's claims) is
     * found by the regular search ({@link #publishPending()}).
     */
    public void nudge(String collection, String id) {
        if (settings.collections().contains(collection)) {
            synchronized (written) {
                written.computeIfAbsent(collection, c -> new LinkedHashSet<>()).add(id);
            }
        }
        wakeUp.release();
    }

    /**
     * One pass over all collections: claims and publishes until nothing is pending — or, while documents this relay
     * was told about are waiting, until a batch that claimed something, after which it asks for another search right
     * after them. Returns how many events were published; throws if the broker did not acknowledge (the
     * unacknowledged events stay pending). Documents this relay was told about and has not published yet are left to
     * its loop, which publishes them next — also those it was told about while the search ran. Why it gives way: a
     * search of a large backlog would otherwise drain batch after batch, or keep finding the writes made during its
     * own long scan, while fresh writes wait; the early stop bounds their wait to one batch per round, and the next
     * query leaves out what was skipped, so it progresses. (It was made for a 19 s stall of the bench's row 3 that
     * turned out to be the report-service's alert check — bench README, row 3 — and is kept for the bound.)
     */
    public int publishPending() {
        int total = 0;
        for (String collection : settings.collections()) {
            leaseIndex.dropOnce(collection);
            int found;
            boolean claimedSome;
            do {
                Date now = new Date();
                List<Document> candidates = pendingAndFree(collection, queued(collection), now);
                found = candidates.size();
                Set<String> toldMeanwhile = new HashSet<>(queued(collection));
                List<Object> free = new ArrayList<>();
                List<Document> claimed = new ArrayList<>();
                for (Document candidate : candidates) {
                    if (toldMeanwhile.contains(candidate.get("_id"))) {
                        continue;
                    }
                    if (candidate.get("lease") == null) {
                        free.add(candidate.get("_id"));
                    } else {
                        // A claim that expired because its relay died: taken over by the expiry itself, which is rare.
                        Document document = claim(collection, Criteria.where("_id").is(candidate.get("_id"))
                                .and("lease.until").lt(now), now);
                        if (document != null) {
                            claimed.add(document);
                        }
                    }
                }
                claimed.addAll(claimAll(collection, free, now));
                claimedSome = !claimed.isEmpty();
                total += publish(collection, claimed, true);
            } while (found == settings.batchSize() && (!claimedSome || !hasWritten()));
            if (found == settings.batchSize()) {
                searchRequested.set(true);
            }
        }
        return total;
    }

    /** Publishes the documents named by {@link #nudge(String, String)} since the last call; returns the count. */
    int publishWritten() {
        Map<String, Set<String>> ids;
        synchronized (written) {
            if (written.isEmpty()) {
                return 0;
            }
            ids = new LinkedHashMap<>(written);
            written.clear();
        }
        int total = 0;
        for (Map.Entry<String, Set<String>> entry : ids.entrySet()) {
            String collection = entry.getKey();
            leaseIndex.dropOnce(collection);
            List<Object> batch = new ArrayList<>();
            for (String id : entry.getValue()) {
                batch.add(id);
                if (batch.size() == settings.batchSize()) {
                    total += publish(collection, withEvents(collection, batch), false);
                    batch = new ArrayList<>();
                }
            }
            total += publish(collection, withEvents(collection, batch), false);
        }
        return total;
    }

    private boolean hasWritten() {
        synchronized (written) {
            return !written.isEmpty();
        }
    }

    /** The documents of the collection this relay was told about and has not published yet. */
    private List<String> queued(String collection) {
        synchronized (written) {
            return List.copyOf(written.getOrDefault(collection, Set.of()));
        }
    }

    /**
     * The search for pending events: one pass over the collection (there is no index for "has an outbox"). Documents
     * this relay was told about are left out: the next {@link #publishWritten()} publishes them without claiming
     * them. Found by profiling the command path: under load the search kept finding documents written a moment
     * earlier and claimed, read back and released them (two more writes each, under the collection's lock on the
     * MongoDB-wire server), only for the told-about path to find their outboxes empty.
     */
    private List<Document> pendingAndFree(String collection, List<String> queued, Date now) {
        Criteria pending = Criteria.where(AggregateStore.OUTBOX + ".0").exists(true);
        if (!queued.isEmpty()) {
            pending = pending.and("_id").nin(queued);
        }
        Query pendingAndFree = Query.query(pending
                .orOperator(Criteria.where("lease").exists(false), Criteria.where("lease.until").lt(now)))
                .limit(settings.batchSize());
        pendingAndFree.fields().include("_id").include("lease");
        return mongo.find(pendingAndFree, Document.class, collection);
    }

    private Document claim(String collection, Criteria stillFree, Date now) {
        Query query = Query.query(stillFree);
        query.fields().include(AggregateStore.OUTBOX);
        Update claim = Update.update("lease", new Document("owner", owner)
                .append("until", Date.from(now.toInstant().plus(settings.lease()))));
        return mongo.findAndModify(query, claim, FindAndModifyOptions.options().returnNew(true), Document.class,
                collection);
    }

    /**
     * Claims those of the documents nobody holds, all in one bulk write, and reads back the ones this relay now
     * holds: two round trips for a whole batch instead of one per document.
     */
    private List<Document> claimAll(String collection, List<Object> ids, Date now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Update claim = Update.update("lease", new Document("owner", owner)
                .append("until", Date.from(now.toInstant().plus(settings.lease()))));
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (Object id : ids) {
            bulk.updateOne(Query.query(Criteria.where("_id").is(id).and("lease.owner").is(null)), claim);
        }
        bulk.execute();
        Query held = Query.query(Criteria.where("_id").in(ids));
        held.fields().include(AggregateStore.OUTBOX).include("lease");
        List<Document> mine = new ArrayList<>();
        for (Document document : mongo.find(held, Document.class, collection)) {
            Document lease = document.get("lease", Document.class);
            if (lease != null && owner.equals(lease.getString("owner"))) {
                mine.add(document);
            }
        }
        return mine;
    }

    /** The outboxes of those of the documents that have events to publish. */
    private List<Document> withEvents(String collection, List<Object> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Query pending = Query.query(Criteria.where("_id").in(ids));
        pending.fields().include(AggregateStore.OUTBOX);
        return mongo.find(pending, Document.class, collection).stream()
                .filter(document -> !document.getList(AggregateStore.OUTBOX, Document.class, List.of()).isEmpty())
                .toList();
    }

    /**
     * Publishes the claimed documents' events with at most ONE event per aggregate in flight: an aggregate's next event
     * is sent only once the broker acknowledged the one before it. With all of them in flight at once, a send that
     * failed while the broker died could be followed by a later event of the same aggregate that succeeded (after a
     * failed batch the idempotent producer re-sequences the partition instead of failing what follows), and the
     * aggregate's events reached the topic out of version order: consumers then parked the early one as a gap. The
     * fault suite caught it (CrashFaultTest, broker SIGKILL). Different aggregates still travel side by side, one
     * "layer" of events at a time; a document with a single pending event — the usual case — costs nothing extra.
     */
    private int publish(String collection, List<Document> claimed, boolean leased) {
        List<List<OutboxEntry>> pending = claimed.stream().map(this::entries).toList();
        List<List<String>> acknowledgedPerDocument = new ArrayList<>();
        claimed.forEach(document -> acknowledgedPerDocument.add(new ArrayList<>()));
        RuntimeException failure = null;
        for (int position = 0; failure == null; position++) {
            Map<Integer, Future<RecordMetadata>> layer = new LinkedHashMap<>();
            for (int i = 0; i < claimed.size() && failure == null; i++) {
                if (position < pending.get(i).size()) {
                    try {
                        layer.put(i, producer.send(records.toRecord(settings.topic(), pending.get(i).get(position))));
                    } catch (KafkaException e) {
                        failure = e;
                    }
                }
            }
            if (layer.isEmpty()) {
                break;
            }
            if (failure == null) {
                try {
                    // The layer is complete: send it now rather than after linger.ms.
                    producer.flush();
                } catch (InterruptException e) {
                    failure = new IllegalStateException("Interrupted while publishing", e);
                }
            }
            for (Map.Entry<Integer, Future<RecordMetadata>> sent : layer.entrySet()) {
                OutboxEntry entry = pending.get(sent.getKey()).get(position);
                try {
                    // Bounded by the producer's delivery.timeout.ms, which is shorter than the lease.
                    sent.getValue().get();
                    acknowledgedPerDocument.get(sent.getKey()).add(entry.eventId());
                } catch (ExecutionException e) {
                    failure = new IllegalStateException("Kafka did not acknowledge event " + entry.eventId() + " of "
                            + collection + "/" + claimed.get(sent.getKey()).get("_id") + ": " + e.getCause(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("Interrupted while publishing", e);
                }
            }
        }
        int count = acknowledgedPerDocument.stream().mapToInt(List::size).sum();
        List<Document> logged = new ArrayList<>(count);
        for (int i = 0; i < claimed.size(); i++) {
            Object aggregateId = claimed.get(i).get("_id");
            for (OutboxEntry entry : pending.get(i)) {
                if (acknowledgedPerDocument.get(i).contains(entry.eventId())) {
                    logged.add(ChangeLog.entry(aggregateId, entry));
                }
            }
        }
        try {
            changeLog.append(collection, logged);
        } catch (RuntimeException logNotWritten) {
            // Nothing is removed from the outboxes: the events are published again later and logged then.
            if (failure != null) {
                logNotWritten.addSuppressed(failure);
            }
            throw logNotWritten;
        }
        releaseAll(collection, claimed, acknowledgedPerDocument, leased);
        published.increment(count);
        if (failure != null) {
            throw failure;
        }
        return count;
    }

    /**
     * Removes the acknowledged events, in one bulk write; for leased documents also frees the claims, except where
     * another relay took a claim over meanwhile.
     */
    private void releaseAll(String collection, List<Document> published, List<List<String>> acknowledged,
                            boolean leased) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        int writes = 0;
        for (int i = 0; i < published.size(); i++) {
            Update update = leased ? new Update().unset("lease") : new Update();
            if (!acknowledged.get(i).isEmpty()) {
                update.pull(AggregateStore.OUTBOX, new Document("eventId", new Document("$in", acknowledged.get(i))));
            } else if (!leased) {
                continue;
            }
            Criteria document = Criteria.where("_id").is(published.get(i).get("_id"));
            bulk.updateOne(Query.query(leased ? document.and("lease.owner").is(owner) : document), update);
            writes++;
        }
        if (writes > 0) {
            bulk.execute();
        }
    }

    private List<OutboxEntry> entries(Document document) {
        List<Document> outbox = document.getList(AggregateStore.OUTBOX, Document.class, List.of());
        return outbox.stream().map(d -> mongo.getConverter().read(OutboxEntry.class, d)).toList();
    }

    /**
     * Publishes the documents it was told about as they are written; searches the collections when it was not told
     * of anything for a poll interval, and while busy at least every ten poll intervals, for what no nudge named — and
     * at once when asked ({@code searchRequested}: on start, after the told-about documents failed to publish, after
     * a search that gave way to them with more to find).
     */
    private void loop() {
        Duration backOff = firstBackOff();
        long searchEvery = settings.pollInterval().toNanos();
        long lastSearch = System.nanoTime() - searchEvery;
        while (running) {
            try {
                int count = publishWrittenOrSearchNext();
                long sinceSearch = System.nanoTime() - lastSearch;
                if (searchRequested.getAndSet(false) || (count == 0 && sinceSearch >= searchEvery)
                        || sinceSearch >= 10 * searchEvery) {
                    count += publishPending();
                    lastSearch = System.nanoTime();
                }
                backOff = firstBackOff();
                if (count == 0 && !hasWritten()) {
                    wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // The events stay pending in their documents; this loop is the retry.
                failures.increment();
                log.warn("Outbox relay for {} could not publish, retrying in {}: {}", settings.topic(), backOff,
                        e.getMessage());
                sleepQuietly(backOff);
                backOff = backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff.multipliedBy(2);
            }
        }
    }

    /**
     * A failed publication of documents the relay was told about drops them from its queue; the next round searches
     * for them at once rather than at the next regular search, which is rare (a whole-collection scan). A failed
     * search asks for no search of its own: what it claimed keeps its lease until it expires, so a document that
     * always fails (say, a record the broker refuses) is retried once a lease, not in every round.
     */
    private int publishWrittenOrSearchNext() {
        try {
            return publishWritten();
        } catch (RuntimeException e) {
            searchRequested.set(true);
            throw e;
        }
    }

    /** A failed publication is retried soon, however rarely the relay searches. */
    private Duration firstBackOff() {
        return settings.pollInterval().compareTo(FIRST_BACK_OFF) < 0 ? settings.pollInterval() : FIRST_BACK_OFF;
    }

    private void sleepQuietly(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        // What a crashed predecessor left is found at once, even if the first writes keep the relay busy.
        searchRequested.set(true);
        thread = new Thread(this::loop, "outbox-relay-" + settings.topic());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
