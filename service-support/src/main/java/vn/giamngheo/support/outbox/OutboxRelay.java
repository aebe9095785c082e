package vn.giamngheo.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the events waiting in aggregate documents, in order, and removes each from its document only after the
 * broker acknowledged it (at-least-once; consumers drop duplicates by version).
 *
 * <p>A relay first claims a document with a time-limited lease, so with several instances of a service only one
 * publishes a given aggregate's events at a time and per-aggregate order holds. While Kafka is down the sends fail,
 * the events stay in their documents, and the relay backs off and tries again; writes through the API go on.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final Producer<String, byte[]> producer;
    private final RelaySettings settings;
    private final CloudEventRecords records;
    private final String owner = UUID.randomUUID().toString();
    private final Semaphore wakeUp = new Semaphore(0);
    private final Counter published;
    private final Counter failures;
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(MongoTemplate mongo, Producer<String, byte[]> producer, RelaySettings settings,
                       MeterRegistry meters) {
        this.mongo = mongo;
        this.producer = producer;
        this.settings = settings;
        this.records = new CloudEventRecords(settings.source());
        this.published = meters.counter("giamngheo.outbox.published", "topic", settings.topic());
        this.failures = meters.counter("giamngheo.outbox.publish.failures", "topic", settings.topic());
    }

    /** Asks the relay to look for new events now instead of at the next poll. */
    public void nudge() {
        wakeUp.release();
    }

    /**
     * One pass over all collections: claims and publishes until nothing is pending. Returns how many events were
     * published; throws if the broker did not acknowledge (the unacknowledged events stay pending).
     */
    public int publishPending() {
        int total = 0;
        for (String collection : settings.collections()) {
            List<Document> claimed;
            do {
                claimed = claimBatch(collection);
                total += publish(collection, claimed);
            } while (claimed.size() == settings.batchSize());
        }
        return total;
    }

    private List<Document> claimBatch(String collection) {
        List<Document> claimed = new ArrayList<>();
        for (int i = 0; i < settings.batchSize(); i++) {
            Date now = new Date();
            Query pendingAndFree = Query.query(Criteria.where(AggregateStore.OUTBOX + ".0").exists(true)
                    .orOperator(Criteria.where("lease").exists(false), Criteria.where("lease.until").lt(now)));
            pendingAndFree.fields().include(AggregateStore.OUTBOX);
            Update claim = Update.update("lease", new Document("owner", owner)
                    .append("until", Date.from(now.toInstant().plus(settings.lease()))));
            Document document = mongo.findAndModify(pendingAndFree, claim,
                    FindAndModifyOptions.options().returnNew(true), Document.class, collection);
            if (document == null) {
                break;
            }
            claimed.add(document);
        }
        return claimed;
    }

    private int publish(String collection, List<Document> claimed) {
        List<List<Future<RecordMetadata>>> sends = new ArrayList<>();
        RuntimeException failure = null;
        for (Document document : claimed) {
            List<Future<RecordMetadata>> futures = new ArrayList<>();
            sends.add(futures);
            for (OutboxEntry entry : failure == null ? entries(document) : List.<OutboxEntry>of()) {
                try {
                    futures.add(producer.send(records.toRecord(settings.topic(), entry)));
                } catch (KafkaException e) {
                    failure = e;
                    break;
                }
            }
        }
        int count = 0;
        for (int i = 0; i < claimed.size(); i++) {
            Document document = claimed.get(i);
            List<OutboxEntry> entries = entries(document);
            List<String> acknowledged = new ArrayList<>();
            for (int j = 0; j < sends.get(i).size(); j++) {
                try {
                    // Bounded by the producer's delivery.timeout.ms, which is shorter than the lease.
                    sends.get(i).get(j).get();
                    acknowledged.add(entries.get(j).eventId());
                } catch (ExecutionException e) {
                    failure = new IllegalStateException("Kafka did not acknowledge event "
                            + entries.get(j).eventId() + " of " + collection + "/" + document.get("_id"), e);
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("Interrupted while publishing", e);
                    break;
                }
            }
            release(collection, document.get("_id"), acknowledged);
            count += acknowledged.size();
        }
        published.increment(count);
        if (failure != null) {
            throw failure;
        }
        return count;
    }

    /** Removes the acknowledged events and frees the claim, unless another relay took the claim over meanwhile. */
    private void release(String collection, Object id, List<String> acknowledged) {
        Update update = new Update().unset("lease");
        if (!acknowledged.isEmpty()) {
            update.pull(AggregateStore.OUTBOX, new Document("eventId", new Document("$in", acknowledged)));
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("lease.owner").is(owner)), update,
                collection);
    }

    private List<OutboxEntry> entries(Document document) {
        List<Document> outbox = document.getList(AggregateStore.OUTBOX, Document.class, List.of());
        return outbox.stream().map(d -> mongo.getConverter().read(OutboxEntry.class, d)).toList();
    }

    private void loop() {
        Duration backOff = settings.pollInterval();
        while (running) {
            try {
                int count = publishPending();
                backOff = settings.pollInterval();
                if (count == 0) {
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
