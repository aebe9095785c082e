package vn.giamngheo.localstack;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.Cursor;

/**
 * A query's matches read from the store a batch at a time, in key order: each batch goes on from the key after the
 * last one read, on the store as it is then, under the collection's lock like every query. So a document is returned
 * at most once, one there for the whole scan exactly once, and one inserted, changed or removed meanwhile may or may
 * not be seen — what MongoDB promises for a query without a snapshot. The cursor holds a key, the query and one match
 * read ahead (so that it can tell the client whether more will come); a client that never asks for the rest leaves
 * no more than that behind.
 */
final class KeyOrderCursor extends AbstractCursor {

    private final StreamingH2Collection collection;
    private final Document query;
    private final Document projection;
    private int toSkip;
    /** Matches still to return before the query's limit; Long.MAX_VALUE without one. */
    private long remaining;
    private Object lastKey;
    private Document ahead;
    private boolean endReached;

    KeyOrderCursor(long id, StreamingH2Collection collection, Document query, Document projection, int skip,
                   int limit) {
        super(id);
        this.collection = collection;
        this.query = query;
        this.projection = projection;
        this.toSkip = Math.max(0, skip);
        this.remaining = limit > 0 ? limit : Long.MAX_VALUE;
    }

    @Override
    public boolean isEmpty() {
        return ahead == null && endReached;
    }

    @Override
    public List<Document> takeDocuments(int numberToReturn) {
        int wanted = numberToReturn > 0 ? numberToReturn : Integer.MAX_VALUE;
        List<Document> batch = new ArrayList<>(Math.min(wanted, 1024));
        synchronized (collection) {
            if (ahead != null) {
                batch.add(ahead);
                ahead = null;
            }
            try {
                // one more than wanted: the match read ahead tells whether the client gets a cursor to come back with
                readMatches(batch, wanted);
            } catch (RuntimeException e) {
                // the position has moved past matches that will not be returned: the client gets the error, and the
                // cursor ends rather than go on with a gap
                endReached = true;
                throw e;
            }
            if (batch.size() > wanted) {
                ahead = batch.remove(batch.size() - 1);
            }
            return collection.project(batch, projection);
        }
    }

    private void readMatches(List<Document> batch, int wanted) {
        Cursor<Object, Document> documents = endReached ? null : collection.documentsAfter(lastKey);
        if (documents == null) {
            endReached = true;
            return;
        }
        while (batch.size() <= wanted && remaining > 0 && documents.hasNext()) {
            lastKey = documents.next();
            Document document = documents.getValue();
            if (!collection.matches(document, query)) {
                continue;
            }
            if (toSkip > 0) {
                toSkip--;
                continue;
            }
            batch.add(document);
            remaining--;
        }
        if (remaining == 0 || !documents.hasNext()) {
            endReached = true;
        }
    }
}
