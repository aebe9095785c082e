package vn.giamngheo.localstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with its index maps keyed by {@link IndexKeyType} (keys compared as values instead
 * of as serialised bytes). mongo-java-server opens an index map by name with H2's default key type; H2 hands back a
 * map that is already open under that name, so each index map is opened here first with the key type: the existing
 * ones before the backend reads the store, a new one just before the backend creates it.
 *
 * <p>A store written before (its index pages ordered by serialised bytes) has its index maps rebuilt once, in one
 * commit, and is marked; a store is never read with the wrong order.
 */
final class ValueOrderedH2Backend extends H2Backend {

    static final String MARKER_MAP = "giamngheo.local-stack";
    static final String ORDER_KEY = "index-key-order";
    static final String ORDER = "mongo-value-order-1";
    private static final String INDEX_MAP = "._index_";

    ValueOrderedH2Backend(MVStore store) {
        super(prepare(store));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** Rebuilds the index maps of a store written in the old order, then opens every index map with the key type. */
    static MVStore prepare(MVStore store) {
        MVMap<String, String> marker = store.openMap(MARKER_MAP);
        if (!ORDER.equals(marker.get(ORDER_KEY))) {
            rebuildIndexMaps(store);
            marker.put(ORDER_KEY, ORDER);
            store.commit();
        }
        store.getMapNames().stream().filter(ValueOrderedH2Backend::isIndexMap).forEach(name -> open(store, name));
        return store;
    }

    /**
     * Copies every index map's entries into a map of the new order under the same name. Automatic commits are off
     * meanwhile, so a crash leaves the old maps and no marker (and the next start rebuilds again), never a half.
     */
    private static void rebuildIndexMaps(MVStore store) {
        int autoCommitDelay = store.getAutoCommitDelay();
        store.setAutoCommitDelay(0);
        try {
            for (String name : store.getMapNames().stream().filter(ValueOrderedH2Backend::isIndexMap).toList()) {
                MVMap<Object, Object> old = store.openMap(name);
                List<Map.Entry<Object, Object>> entries = new ArrayList<>();
                old.forEach((key, position) -> entries.add(Map.entry(key, position)));
                store.removeMap(old);
                MVMap<KeyValue, Object> rebuilt = open(store, name);
                entries.forEach(entry -> rebuilt.put((KeyValue) entry.getKey(), entry.getValue()));
            }
        } finally {
            store.setAutoCommitDelay(autoCommitDelay);
        }
    }

    private static boolean isIndexMap(String name) {
        return name.contains(INDEX_MAP);
    }

    private static MVMap<KeyValue, Object> open(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
    }

    /** Opens a new index's map with the key type before mongo-java-server opens it by name. */
    private static final class Database extends H2Database {

        // Null while the superclass constructor opens the existing indexes, which prepare() opened already.
        private final MVStore store;

        Database(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
            this.store = store;
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            if (store != null) {
                open(store, getFullCollectionNamespace(collectionName) + INDEX_MAP + indexName);
            }
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }
}
