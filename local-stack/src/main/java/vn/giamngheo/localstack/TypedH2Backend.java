package vn.giamngheo.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with typed maps: index keys compared as MongoDB values ({@link IndexKeyType}) and
 * documents stored as BSON ({@link DocumentType}), where H2's default type Java-serialises both (and compares keys by
 * serialising them). mongo-java-server opens its maps by name with H2's default types; H2 hands back a map that is
 * already open under that name, so each map is opened here first with its type: the existing ones before the backend
 * reads the store, a new one just before the backend creates it.
 *
 * <p>A store written before is converted once and marked: index maps rebuilt in the new key order, documents rewritten
 * as BSON, one map per commit with automatic commits off, so that a crash never leaves a map half converted and the
 * next start goes on where it stopped. A collection's rewrite holds its documents in memory until its commit.
 */
final class TypedH2Backend extends H2Backend {

    static final String MARKER_MAP = "giamngheo.local-stack";
    static final String INDEX_ORDER_KEY = "index-key-order";
    static final String INDEX_ORDER = "mongo-value-order-bson-1";
    static final String DOCUMENT_FORMAT_KEY = "document-format";
    static final String DOCUMENT_FORMAT = "bson-1";
    private static final String INDEX_MAP = "._index_";
    /** The prefixes of a collection's document map and of its metadata map (mongo-java-server's H2Database). */
    private static final String DOCUMENT_MAP = "databases.";
    private static final String META_MAP = "meta.";
    private static final String REWRITE_SUFFIX = ".giamngheo-rewrite";

    TypedH2Backend(MVStore store) {
        super(prepare(store));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** Converts a store written before, then opens every index and document map with its type. */
    static MVStore prepare(MVStore store) {
        MVMap<String, String> marker = store.openMap(MARKER_MAP);
        boolean indexesOld = !INDEX_ORDER.equals(marker.get(INDEX_ORDER_KEY));
        boolean documentsOld = !DOCUMENT_FORMAT.equals(marker.get(DOCUMENT_FORMAT_KEY));
        if (indexesOld || documentsOld) {
            int autoCommitDelay = store.getAutoCommitDelay();
            store.setAutoCommitDelay(0);
            try {
                if (indexesOld) {
                    convertEach(store, marker, indexMaps(store), INDEX_ORDER_KEY, INDEX_ORDER,
                            TypedH2Backend::rebuildIndex);
                }
                if (documentsOld) {
                    convertEach(store, marker, documentMaps(store), DOCUMENT_FORMAT_KEY, DOCUMENT_FORMAT,
                            TypedH2Backend::rewriteDocuments);
                }
            } finally {
                store.setAutoCommitDelay(autoCommitDelay);
            }
        }
        indexMaps(store).forEach(name -> openIndex(store, name));
        documentMaps(store).forEach(name -> openDocuments(store, name));
        return store;
    }

    /**
     * Converts each map not marked as converted yet, marking it in the commit that converts it (a converted map cannot
     * be read the old way any more), then marks the store.
     */
    private static void convertEach(MVStore store, MVMap<String, String> marker, List<String> maps, String key,
                                    String value, BiConsumer<MVStore, String> convert) {
        for (String name : maps) {
            String mapKey = key + ":" + name;
            if (!value.equals(marker.get(mapKey))) {
                convert.accept(store, name);
                marker.put(mapKey, value);
                store.commit();
            }
        }
        marker.put(key, value);
        store.commit();
    }

    /** The maps of mongo-java-server's indexes: "<database>.<collection>._index_<name>". */
    private static List<String> indexMaps(MVStore store) {
        return store.getMapNames().stream().filter(name -> name.contains(INDEX_MAP)
                && !name.startsWith(DOCUMENT_MAP) && !name.startsWith(META_MAP)).toList();
    }

    /** The maps of mongo-java-server's collections: "databases.<database>.<collection>". */
    private static List<String> documentMaps(MVStore store) {
        return store.getMapNames().stream().filter(name -> name.startsWith(DOCUMENT_MAP)).toList();
    }

    private static void rebuildIndex(MVStore store, String name) {
        MVMap<Object, Object> old = store.openMap(name);
        List<Map.Entry<Object, Object>> entries = new ArrayList<>();
        old.forEach((key, position) -> entries.add(Map.entry(key, position)));
        store.removeMap(old);
        MVMap<KeyValue, Object> rebuilt = openIndex(store, name);
        entries.forEach(entry -> rebuilt.put((KeyValue) entry.getKey(), entry.getValue()));
    }

    /** Streams a collection's documents into a BSON map, which then takes the collection map's name. */
    private static void rewriteDocuments(MVStore store, String name) {
        MVMap<Object, Object> old = store.openMap(name);
        MVMap<Object, Document> rewritten = openDocuments(store, name + REWRITE_SUFFIX);
        old.forEach((position, document) -> rewritten.put(position, (Document) document));
        store.removeMap(old);
        store.renameMap(rewritten, name);
    }

    private static MVMap<KeyValue, Object> openIndex(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
    }

    private static MVMap<Object, Document> openDocuments(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Document>().valueType(DocumentType.INSTANCE));
    }

    /** Opens a new collection's or index's map with its type before mongo-java-server opens it by name. */
    private static final class Database extends H2Database {

        // Null while the superclass constructor opens the existing collections, whose maps prepare() opened already.
        private final MVStore store;

        Database(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
            this.store = store;
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            if (store != null) {
                openDocuments(store, DOCUMENT_MAP + getFullCollectionNamespace(collectionName));
            }
            return super.openOrCreateCollection(collectionName, options);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            if (store != null) {
                openIndex(store, getFullCollectionNamespace(collectionName) + INDEX_MAP + indexName);
            }
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }
}
