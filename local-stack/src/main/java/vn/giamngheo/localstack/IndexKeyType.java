package vn.giamngheo.localstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the MongoDB-wire server's index maps: keys compared as MongoDB compares values, component by
 * component. mongo-java-server's {@link KeyValue} is not {@link Comparable}, so H2's default {@link ObjectDataType}
 * compares two keys by Java-serialising both — on every step of every index lookup's binary search. Profiled at
 * 300 progress updates/s (bench row 3) that was a third of the server's CPU, with much of its garbage.
 *
 * <p>Keys are written as BSON where their values allow (see {@link #write}); the order and the format both differ from
 * H2's default type, which is why {@link TypedH2Backend} rebuilds the index maps of a store written before once.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();
    private final ObjectDataType javaSerialisation = new ObjectDataType();

    private IndexKeyType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int byValue = compareValues(a.get(i), b.get(i));
            if (byValue != 0) {
                return byValue;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /**
     * Numbers exactly (mongo-java-server's comparator compares a long with a double as longs, so 3000000000 and
     * 3000000000.5 would be one key and the order inconsistent), anything else as mongo-java-server sorts values.
     */
    private static int compareValues(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            return compareNumbers((Number) a, (Number) b);
        }
        return VALUES.compare(a, b);
    }

    private static boolean isNumber(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Double;
    }

    private static int compareNumbers(Number a, Number b) {
        boolean aWhole = !(a instanceof Double);
        boolean bWhole = !(b instanceof Double);
        if (aWhole && bWhole) {
            return Long.compare(a.longValue(), b.longValue());
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        if (!aWhole && !bWhole || !Double.isFinite(x) || !Double.isFinite(y)) {
            // -0.0 equals 0.0 here as it equals a whole 0 below; NaN is above everything, as in Double.compare.
            return x == y ? 0 : Double.compare(x, y);
        }
        BigDecimal exactA = aWhole ? BigDecimal.valueOf(a.longValue()) : new BigDecimal(x);
        BigDecimal exactB = bWhole ? BigDecimal.valueOf(b.longValue()) : new BigDecimal(y);
        return exactA.compareTo(exactB);
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = 48;
        for (Object value : key) {
            memory += StoredSize.of(value);
        }
        return memory;
    }

    /**
     * Keys of plain values are written as a BSON document of their values ({"0": …, "1": …}); others (embedded
     * documents, lists, dates finer than a millisecond) Java-serialised as by H2's default type, behind their tag.
     */
    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        if (isPlain(key)) {
            DocumentType.writeBson(buffer, new Fields(key));
        } else {
            buffer.put(DocumentType.JAVA_SERIALISED);
            javaSerialisation.write(buffer, key);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        byte format = buffer.get();
        if (format == DocumentType.BSON) {
            return new KeyValue(DocumentType.readBson(buffer).values());
        }
        if (format != DocumentType.JAVA_SERIALISED) {
            throw new IllegalStateException("Unknown index key format " + format + " in the H2 store");
        }
        return (KeyValue) javaSerialisation.read(buffer);
    }

    /** Values that read back from BSON as the same Java value. */
    private static boolean isPlain(KeyValue key) {
        for (Object value : key) {
            boolean plain = value == null || value instanceof String || value instanceof Double
                    || value instanceof Long || value instanceof Integer || value instanceof Boolean
                    || value instanceof ObjectId
                    || value instanceof Instant && !DocumentType.hasTimeFinerThanMillis(value);
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    /**
     * A key's values as the fields {"0": …, "1": …} of a BSON document, without copying them into one: the store
     * writes a changed index page whole, every key in it, and a document per key was a sixth of everything the
     * MongoDB-wire server allocated while the services wrote (bench row 2).
     */
    static final class Fields extends AbstractMap<String, Object> {

        /** The field names of keys of up to ten values, made once: "0", then "0", "1", and so on. */
        private static final List<Set<String>> NAMES = IntStream.rangeClosed(0, 10).mapToObj(Fields::names).toList();

        private final KeyValue key;

        Fields(KeyValue key) {
            this.key = key;
        }

        @Override
        public Set<String> keySet() {
            return key.size() < NAMES.size() ? NAMES.get(key.size()) : names(key.size());
        }

        @Override
        public Object get(Object name) {
            return keySet().contains(name) ? key.get(Integer.parseInt((String) name)) : null;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Set<Entry<String, Object>> entries = new LinkedHashSet<>();
            for (String name : keySet()) {
                entries.add(new SimpleImmutableEntry<>(name, get(name)));
            }
            return entries;
        }

        private static Set<String> names(int count) {
            Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < count; i++) {
                names.add(Integer.toString(i));
            }
            return Collections.unmodifiableSet(names);
        }
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
