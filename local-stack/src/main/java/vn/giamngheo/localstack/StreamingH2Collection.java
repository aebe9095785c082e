package vn.giamngheo.localstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection, with two differences.
 *
 * <p>A query without a sort and with a batch size reads the store a batch at a time, in key order, as the client asks
 * for the batches ({@link KeyOrderCursor}). mongo-java-server gathers every match of a query into one list before it
 * answers with the first batch, and keeps the rest in memory until the client has read it: a scan of a poverty
 * review's 400,000 households held about a gigabyte in the server's heap, and collecting it cost the server more time
 * than the scan itself. Sorted queries, counts, updates and deletes (no batch size) and queries an index can answer
 * ({@code _id}, {@code _id $in}) go the library's way, unchanged.
 *
 * <p>A query, update or delete that names one {@code _id} next to other conditions — the services' version-checked
 * writes {@code {_id, version}}, their relay's claims {@code {_id, lease.owner}} — finds its document through the
 * {@code _id} index and checks the other conditions on it, as MongoDB does. The library uses an index only when its
 * keys are exactly the query's keys, so such a query scanned the collection unless a unique index on exactly those
 * keys existed; the services used to create one for each, and every write then rewrote those indexes too (the
 * version or the lease changes on every write), in a store that copies each changed page.
 *
 * <p>The collection's data size (what {@code collStats}, {@code dbStats} and {@code validate} report) is counted when
 * asked for, by encoding every document of the collection, not kept up to date: the library kept it by BSON-encoding
 * the whole document before and after every update, and every inserted and removed one, and wrote the new total to
 * the store's meta map each time — a sixth of everything the server allocated while the services wrote (bench row 2),
 * for a figure only those commands read.
 */
final class StreamingH2Collection extends H2Collection {

    private static final String ID = "_id";

    private final MVMap<Object, Document> documents;

    StreamingH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                          MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, collectionName, options, documents, meta, cursors);
        this.documents = documents;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Object id = singleIdBesideOtherConditions(query);
        if (id != null) {
            Document byId = new Document(ID, id);
            for (Index<Object> index : getIndexes()) {
                if (index.isUnique() && index.canHandle(byId)) {
                    return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, limit, batchSize,
                            fieldSelector);
                }
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The {@code _id} of a query that names exactly one, as a plain value, beside other conditions; null otherwise
     * (a query on {@code _id} alone the library answers through the index itself).
     */
    static Object singleIdBesideOtherConditions(Document query) {
        if (query.size() < 2) {
            return null;
        }
        Object id = query.get(ID);
        return id instanceof String || id instanceof Number || id instanceof ObjectId || id instanceof UUID ? id
                : null;
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document projection) {
        boolean unsorted = orderBy == null || orderBy.isEmpty();
        if (!unsorted || batchSize <= 0) {
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, projection);
        }
        KeyOrderCursor cursor = new KeyOrderCursor(cursorRegistry.generateCursorId(), this, query, projection,
                numberToSkip, limit);
        List<Document> firstBatch = cursor.takeDocuments(batchSize);
        if (cursor.isEmpty()) {
            return new QueryResult(firstBatch);
        }
        cursorRegistry.add(cursor);
        return new QueryResult(firstBatch, cursor);
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /**
     * The BSON size of every stored document, counted now (see the class comment); under the collection's lock, as
     * the library's writes change stored documents in place.
     */
    @Override
    protected synchronized int getDataSize() {
        if (documents == null) {
            // The library's constructor asks, only to log it: what was last recorded, rather than reading every
            // document of every collection at each start of the server.
            return super.getDataSize();
        }
        long size = 0;
        for (Document document : documents.values()) {
            size += DocumentType.bsonSize(document);
        }
        return (int) Math.min(size, Integer.MAX_VALUE);
    }

    /** The stored documents from the first key after {@code after} (null: from the first), in key order. */
    Cursor<Object, Document> documentsAfter(Object after) {
        if (documents.isClosed()) {
            // the collection was dropped while a client was reading it: nothing more to read
            return null;
        }
        if (after == null) {
            return documents.cursor(null);
        }
        Object next = documents.higherKey(after);
        return next == null ? null : documents.cursor(next);
    }

    boolean matches(Document document, Document query) {
        return documentMatchesQuery(document, query);
    }

    /**
     * The documents projected as the library projects a query's results (its projection is not public), except that
     * a projection which only leaves out top-level fields copies each document without them: the library copies
     * every document deeply first, which was a quarter of the server's time in a scan of a review's households.
     */
    List<Document> project(List<Document> matched, Document projection) {
        if (projection == null || projection.isEmpty()) {
            return matched;
        }
        // (an empty batch still goes through the library below: it refuses an invalid projection, results or not)
        if (!matched.isEmpty() && leavesOutTopLevelFieldsOnly(projection)) {
            List<Document> projected = new ArrayList<>(matched.size());
            for (Document document : matched) {
                Document copy = new Document(document);
                projection.keySet().forEach(copy::remove);
                projected.add(copy);
            }
            return projected;
        }
        return matchDocumentsFromStream(new Document(), matched.stream(), 0, 0, 0, null, projection)
                .collectDocuments();
    }

    /** {@code {a: 0, b: false}}: no paths, operators or inclusions, which the library's projection handles. */
    static boolean leavesOutTopLevelFieldsOnly(Document projection) {
        for (Map.Entry<String, Object> field : projection.entrySet()) {
            String name = field.getKey();
            Object value = field.getValue();
            boolean excluded = Boolean.FALSE.equals(value)
                    || value instanceof Number number && number.doubleValue() == 0;
            if (!excluded || name.contains(".") || name.startsWith("$")) {
                return false;
            }
        }
        return true;
    }
}
