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
import java.nio.file.Path;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with typed maps: index keys compared as MongoDB values ({@link IndexKeyType}) and
 * documents stored as BSON ({@link DocumentType}), where H2's default type Java-serialises both (and compares keys by
 * serialising them). mongo-java-server opens its maps by name with H2's default types; H2 hands back a map that is
 * already open under that name, so each map is opened here first with its type: the existing ones before the backend
 * reads the store, a new one just before the backend creates it.
 *
 * <p>A store written before is converted once ({@link #convert}) and marked: each index map rebuilt in the new order
 * and format, each collection's documents rewritten as BSON, each into a new map that then takes the old one's name,
 * marked in the commit that does so. The conversion opens the file with H2's automatic commits disabled (neither
 * timed nor on memory), so its own commits are the only ones: a crash leaves every map either converted and marked or
 * as it was, and the next start goes on with those not converted yet.
 */
final class TypedH2Backend extends H2Backend {

    static final String MARKER_MAP = "giamngheo-local-stack";
    static final String INDEX_ORDER_KEY = "index-key-order";
    static final String INDEX_ORDER = "mongo-value-order-bson-1";
    static final String DOCUMENT_FORMAT_KEY = "document-format";
    static final String DOCUMENT_FORMAT = "bson-1";
    private static final String INDEX_MAP = "._index_";
    /** The prefixes of a collection's document map and of its metadata map (mongo-java-server's H2Database). */
    private static final String DOCUMENT_MAP = "databases.";
    private static final String META_MAP = "meta.";
    /** A map being converted, until it takes its original's name (in the commit that marks it). */
    private static final String CONVERTING = ".giamngheo-converting";

    /** The backend on a store {@link #convert converted} (or new): every index and document map opened typed. */
    TypedH2Backend(MVStore store) {
        super(openTyped(store));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * Converts the store in the file if it was written before (or marks a new one), on its own opening of the file
     * with automatic commits disabled; closed again before the server opens the file.
     */
    static void convert(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        try {
            MVMap<String, String> marker = store.openMap(MARKER_MAP);
            if (!INDEX_ORDER.equals(marker.get(INDEX_ORDER_KEY))) {
                convertEach(store, marker, indexMaps(store), INDEX_ORDER_KEY, INDEX_ORDER);
            }
            if (!DOCUMENT_FORMAT.equals(marker.get(DOCUMENT_FORMAT_KEY))) {
                convertEach(store, marker, documentMaps(store), DOCUMENT_FORMAT_KEY, DOCUMENT_FORMAT);
            }
        } finally {
            store.close();
        }
    }

    private static MVStore openTyped(MVStore store) {
        MVMap<String, String> marker = store.openMap(MARKER_MAP);
        if (!INDEX_ORDER.equals(marker.get(INDEX_ORDER_KEY))
                || !DOCUMENT_FORMAT.equals(marker.get(DOCUMENT_FORMAT_KEY))) {
            throw new IllegalStateException("The H2 store was not converted to typed maps: TypedH2Backend.convert it"
                    + " first");
        }
        indexMaps(store).forEach(name -> openTyped(store, name));
        documentMaps(store).forEach(name -> openTyped(store, name));
        return store;
    }

    /**
     * Converts each map not marked as converted yet, one commit each (a converted map cannot be read the old way),
     * then marks the store.
     */
    private static void convertEach(MVStore store, MVMap<String, String> marker, List<String> maps, String key,
                                    String value) {
        for (String name : maps) {
            String mapKey = key + ":" + name;
            if (!value.equals(marker.get(mapKey))) {
                MVMap<Object, Object> old = store.openMap(name);
                MVMap<Object, Object> converted = openTyped(store, name + CONVERTING, isIndexMap(name));
                old.forEach((entryKey, entryValue) -> {
                    if (converted.putIfAbsent(entryKey, entryValue) != null) {
                        throw new IllegalStateException("Converting " + name + ": two entries for " + entryKey);
                    }
                });
                store.removeMap(old);
                store.renameMap(converted, name);
                marker.put(mapKey, value);
                store.commit();
            }
        }
        marker.put(key, value);
        store.commit();
    }

    /** The maps of mongo-java-server's indexes: "<database>.<collection>._index_<name>". */
    private static List<String> indexMaps(MVStore store) {
        return store.getMapNames().stream().filter(TypedH2Backend::isIndexMap).toList();
    }

    /** The maps of mongo-java-server's collections: "databases.<database>.<collection>". */
    private static List<String> documentMaps(MVStore store) {
        return store.getMapNames().stream().filter(name -> name.startsWith(DOCUMENT_MAP)).toList();
    }

    private static boolean isIndexMap(String name) {
        return name.contains(INDEX_MAP) && !name.startsWith(DOCUMENT_MAP) && !name.startsWith(META_MAP);
    }

    /** An index map (by its name) with {@link IndexKeyType}, any other with {@link DocumentType} values. */
    private static <K, V> MVMap<K, V> openTyped(MVStore store, String name) {
        return openTyped(store, name, isIndexMap(name));
    }

    @SuppressWarnings("unchecked")
    private static <K, V> MVMap<K, V> openTyped(MVStore store, String name, boolean index) {
        MVMap<?, ?> map = index
                ? store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE))
                : store.openMap(name, new MVMap.Builder<Object, Document>().valueType(DocumentType.INSTANCE));
        return (MVMap<K, V>) map;
    }

    /**
     * Opens a new collection's or index's map with its type before mongo-java-server opens it by name — also while
     * its constructor opens the database's existing collections and, for a new database, creates its first ones.
     * An inner class: its reference to the backend is set before the superclass constructor runs, its own fields only
     * after.
     */
    private final class Database extends H2Database {

        Database(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
        }

        /** As mongo-java-server's H2 database opens a collection, with its documents typed and streamed. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = openTyped(getMvStore(), DOCUMENT_MAP + namespace);
            MVMap<String, Object> meta = getMvStore().openMap(META_MAP + namespace);
            return new StreamingH2Collection(this, collectionName, options, documents, meta, getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            openTyped(getMvStore(), getFullCollectionNamespace(collectionName) + INDEX_MAP + indexName);
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }
}
