package vn.giamngheo.support.mongo;

import com.mongodb.MongoCommandException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexOperations;

/**
 * Indexes the services made only so that the local stack's MongoDB-wire server would find a document by id when a
 * query named the id beside another condition: {@code {_id, version}} for the version-checked writes,
 * {@code {_id, lastVersion}} for the projections, {@code {_id, lease.owner}} for the outbox relay's claims. That
 * server now looks such a document up by its id itself, as MongoDB always did, and each of those indexes changed on
 * every write. Dropped where an earlier version made them; a collection without them costs one index listing.
 */
public final class ObsoleteIndexes {

    public static final String VERSION = "_id_version";
    public static final String LAST_VERSION = "_id_lastVersion";
    public static final String LEASE_OWNER = "_id_lease_owner";

    private static final int INDEX_NOT_FOUND = 27;

    private final MongoTemplate mongo;
    private final String name;
    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    /** One obsolete index, dropped from each collection the first time the collection is named. */
    public ObsoleteIndexes(MongoTemplate mongo, String name) {
        this.mongo = mongo;
        this.name = name;
    }

    /** Drops the index from the collection the first time; the callers wait until it is gone, then write. */
    public void dropOnce(String collection) {
        if (checked.contains(collection)) {
            return;
        }
        synchronized (this) {
            if (!checked.contains(collection)) {
                drop(mongo, collection, name);
                checked.add(collection);
            }
        }
    }

    /** Drops the index if the collection has it; another instance dropping it at the same time is no failure. */
    public static void drop(MongoTemplate mongo, String collection, String name) {
        IndexOperations indexes = mongo.indexOps(collection);
        if (indexes.getIndexInfo().stream().anyMatch(index -> name.equals(index.getName()))) {
            try {
                indexes.dropIndex(name);
            } catch (DataAccessException e) {
                if (!droppedMeanwhile(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean droppedMeanwhile(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof MongoCommandException command && command.getErrorCode() == INDEX_NOT_FOUND) {
                return true;
            }
        }
        return false;
    }
}
