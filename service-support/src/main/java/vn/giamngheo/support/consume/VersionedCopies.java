package vn.giamngheo.support.consume;

import com.mongodb.bulk.BulkWriteResult;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.giamngheo.support.mongo.ObsoleteIndexes;

/**
 * Applies an event to a local copy or projection document (one per aggregate) only if it is the next version, in
 * one conditional single-document update: the state change and the "last applied version" can never disagree, so a
 * redelivery or a replay from the start leaves the same state.
 */
public class VersionedCopies {

    public static final String LAST_VERSION = "lastVersion";

    private final MongoTemplate mongo;
    private final ObsoleteIndexes versionIndex;

    public VersionedCopies(MongoTemplate mongo) {
        this.mongo = mongo;
        this.versionIndex = new ObsoleteIndexes(mongo, ObsoleteIndexes.LAST_VERSION);
    }

    public ApplyOutcome applyNext(String collection, String aggregateId, long version, Update change) {
        versionIndex.dropOnce(collection);
        Query expected = atVersionBefore(aggregateId, version);
        Update update = change.set(LAST_VERSION, version);
        try {
            long matched = version == 1
                    ? upsertFirst(expected, update, collection)
                    : mongo.updateFirst(expected, update, collection).getMatchedCount();
            if (matched == 1) {
                return ApplyOutcome.APPLIED;
            }
        } catch (DuplicateKeyException alreadyThere) {
            // Version 1 arrived again for a copy that exists: fall through to the duplicate check.
        }
        long last = lastVersion(collection, aggregateId);
        if (last >= version) {
            return ApplyOutcome.DUPLICATE;
        }
        throw new EventGapException(collection, aggregateId, last, version);
    }

    /** One event's change to one copy, for {@link #applyAllNext}. */
    public record NextVersion(String aggregateId, long version, Update change) {
    }

    /**
     * Applies the changes of distinct copies in one unordered bulk write, each only if it is the next version, as
     * {@link #applyNext} would one by one. True if every change was applied. False if any was not (a duplicate, a
     * gap, a first version of a copy that exists): which ones the bulk result does not say, so the caller applies
     * them again one at a time, where those already applied come back as {@link ApplyOutcome#DUPLICATE}.
     */
    public boolean applyAllNext(String collection, List<NextVersion> changes) {
        if (changes.isEmpty()) {
            return true;
        }
        versionIndex.dropOnce(collection);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (NextVersion next : changes) {
            Query expected = atVersionBefore(next.aggregateId(), next.version());
            Update update = next.change().set(LAST_VERSION, next.version());
            if (next.version() == 1) {
                bulk.upsert(expected, update);
            } else {
                bulk.updateOne(expected, update);
            }
        }
        try {
            BulkWriteResult result = bulk.execute();
            return result.getMatchedCount() + result.getUpserts().size() == changes.size();
        } catch (BulkOperationException | DuplicateKeyException notAllApplied) {
            return false;
        }
    }

    /** The copy, if it holds the version just before this one. */
    private static Query atVersionBefore(String aggregateId, long version) {
        return Query.query(Criteria.where("_id").is(aggregateId).and(LAST_VERSION).is(version - 1));
    }

    public long lastVersion(String collection, String aggregateId) {
        Query query = Query.query(Criteria.where("_id").is(aggregateId));
        query.fields().include(LAST_VERSION);
        Document document = mongo.findOne(query, Document.class, collection);
        return document == null || document.get(LAST_VERSION) == null ? 0
                : ((Number) document.get(LAST_VERSION)).longValue();
    }

    private long upsertFirst(Query expected, Update update, String collection) {
        var result = mongo.upsert(expected, update, collection);
        return result.getMatchedCount() + (result.getUpsertedId() == null ? 0 : 1);
    }
}
