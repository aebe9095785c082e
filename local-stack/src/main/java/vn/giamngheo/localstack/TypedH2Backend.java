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
 * <p>A store written before is converted once and marked: each index map rebuilt in the new order and format, each
 * collection's documents rewritten as BSON. A map is converted into a new map under a temporary name, which replaces
 * the old one only when complete, and is marked in the same commit; H2 may commit in between (its automatic commits
 * also follow the memory of unsaved changes), so a start after a crash first settles what a conversion left: a
 * temporary map beside its original is incomplete and dropped (the original is converted again), one whose original is
 * gone is complete and takes its place.
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
    private static final String CONVERTING = ".giamngheo-converting";

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
        settleInterruptedConversions(store, marker);
        if (!INDEX_ORDER.equals(marker.get(INDEX_ORDER_KEY))) {
            convertEach(store, marker, indexMaps(store), INDEX_ORDER_KEY, INDEX_ORDER);
        }
        if (!DOCUMENT_FORMAT.equals(marker.get(DOCUMENT_FORMAT_KEY))) {
            convertEach(store, marker, documentMaps(store), DOCUMENT_FORMAT_KEY, DOCUMENT_FORMAT);
        }
        indexMaps(store).forEach(name -> openTyped(store, name));
        documentMaps(store).forEach(name -> openTyped(store, name));
        return store;
    }

    /**
     * Converts each map not marked as converted yet, marking it in the commit that puts the converted map in its place
     * (a converted map cannot be read the old way), then marks the store.
     */
    private static void convertEach(MVStore store, MVMap<String, String> marker, List<String> maps, String key,
                                    String value) {
        for (String name : maps) {
            String mapKey = key + ":" + name;
            if (!value.equals(marker.get(mapKey))) {
                MVMap<Object, Object> old = store.openMap(name);
                MVMap<Object, Object> converted = openTyped(store, name + CONVERTING);
                old.forEach((key1, value1) -> {
                    if (converted.putIfAbsent(key1, value1) != null) {
                        throw new IllegalStateException("Converting " + name + ": two entries for the key " + key1);
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

    private static void settleInterruptedConversions(MVStore store, MVMap<String, String> marker) {
        for (String leftover : store.getMapNames().stream().filter(name -> name.endsWith(CONVERTING)).toList()) {
            String original = leftover.substring(0, leftover.length() - CONVERTING.length());
            MVMap<Object, Object> converted = openTyped(store, leftover);
            if (store.hasMap(original)) {
                store.removeMap(converted);
            } else {
                store.renameMap(converted, original);
                marker.put((isIndexMap(original) ? INDEX_ORDER_KEY + ":" : DOCUMENT_FORMAT_KEY + ":") + original,
                        isIndexMap(original) ? INDEX_ORDER : DOCUMENT_FORMAT);
            }
            store.commit();
        }
    }

    /** The maps of mongo-java-server's indexes: "<database>.<collection>._index_<name>". */
    private static List<String> indexMaps(MVStore store) {
        return store.getMapNames().stream().filter(TypedH2Backend::isIndexMap).toList();
    }

    /** The maps of mongo-java-server's collections: "databases.<database>.<collection>". */
    private static List<String> documentMaps(MVStore store) {
        return store.getMapNames().stream()
                .filter(name -> name.startsWith(DOCUMENT_MAP) && !name.endsWith(CONVERTING)).toList();
    }

    private static boolean isIndexMap(String name) {
        return name.contains(INDEX_MAP) && !name.startsWith(DOCUMENT_MAP) && !name.startsWith(META_MAP)
                && !name.endsWith(CONVERTING);
    }

    /** An index map (by its name) with {@link IndexKeyType}, any other with {@link DocumentType} values. */
    @SuppressWarnings("unchecked")
    private static <K, V> MVMap<K, V> openTyped(MVStore store, String name) {
        String base = name.endsWith(CONVERTING) ? name.substring(0, name.length() - CONVERTING.length()) : name;
        MVMap<?, ?> map = isIndexMap(base)
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

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            openTyped(getMvStore(), DOCUMENT_MAP + getFullCollectionNamespace(collectionName));
            return super.openOrCreateCollection(collectionName, options);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            openTyped(getMvStore(), getFullCollectionNamespace(collectionName) + INDEX_MAP + indexName);
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }
}
