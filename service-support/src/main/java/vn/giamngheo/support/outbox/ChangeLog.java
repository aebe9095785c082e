package vn.giamngheo.support.outbox;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The published events of an aggregate collection, one small document each in {@code <collection>_log}:
 * {@code {_id: "<aggregateId>:<version>", aggregateId, version, eventId, type, subject, at, payload}}. The relay moves an event
 * here after the broker acknowledged it and before it removes it from the aggregate's outbox, so at every moment each
 * stored change is in the outbox, in the log or in both; the aggregate document itself stays the size of its state.
 *
 * <p>Keyed by aggregate and version: moving the same event twice (a relay that died between the two writes, two
 * relays) finds it already there. Read by {@code _id $in} over the aggregate's versions, which any MongoDB answers from
 * the {@code _id} index (mongo-java-server, the local stack's server, ignores non-unique indexes).
 */
final class ChangeLog {

    static final String SUFFIX = "_log";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    ChangeLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String collectionOf(String aggregateCollection) {
        return aggregateCollection + SUFFIX;
    }

    /** Stores the acknowledged events of one or more aggregates; those already stored are left as they are. */
    void append(String aggregateCollection, List<Document> entries) {
        if (entries.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collectionOf(aggregateCollection));
        bulk.insert(entries);
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            if (e.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    static Document entry(Object aggregateId, OutboxEntry event) {
        return new Document("_id", aggregateId + ":" + event.version())
                .append("aggregateId", aggregateId)
                .append("version", event.version())
                .append("eventId", event.eventId())
                .append("type", event.type())
                .append("subject", event.subject())
                .append("at", Date.from(event.occurredAt()))
                .append("payload", event.payload());
    }

    /** The logged events of the aggregate with versions 1 to {@code upToVersion}, in no particular order. */
    List<OutboxEntry> read(String aggregateCollection, String aggregateId, long upToVersion) {
        List<String> ids = new ArrayList<>();
        for (long version = 1; version <= upToVersion; version++) {
            ids.add(aggregateId + ":" + version);
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class,
                collectionOf(aggregateCollection)).stream().map(ChangeLog::toEntry).toList();
    }

    private static OutboxEntry toEntry(Document d) {
        return new OutboxEntry(d.getString("eventId"), d.getString("type"), d.getString("subject"),
                ((Number) d.get("version")).longValue(), d.getString("payload"), d.getDate("at").toInstant());
    }
}
