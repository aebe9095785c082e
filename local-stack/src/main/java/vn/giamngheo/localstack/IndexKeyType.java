package vn.giamngheo.localstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the MongoDB-wire server's index maps: keys compared as MongoDB compares values, component by
 * component. mongo-java-server's {@link KeyValue} is not {@link Comparable}, so H2's default {@link ObjectDataType}
 * compares two keys by Java-serialising both — on every step of every index lookup's binary search. Profiled at
 * 300 progress updates/s (bench row 3) that was a third of the server's CPU, with much of its garbage.
 *
 * <p>Keys are written and read exactly as {@link ObjectDataType} writes and reads them, so the pages' format is
 * unchanged; only the order differs, which is why {@link ValueOrderedH2Backend} rebuilds the index maps of a store
 * written before once.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();
    private final ObjectDataType format = new ObjectDataType();

    private IndexKeyType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int byValue = VALUES.compare(a.get(i), b.get(i));
            if (byValue != 0) {
                return byValue;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /**
     * An estimate for H2's cache accounting, without serialising the key (which {@link ObjectDataType} would do to
     * measure it).
     */
    @Override
    public int getMemory(KeyValue key) {
        int memory = 48;
        for (Object value : key) {
            memory += estimate(value);
        }
        return memory;
    }

    private static int estimate(Object value) {
        if (value instanceof CharSequence text) {
            return 48 + 2 * text.length();
        }
        if (value instanceof Map<?, ?> map) {
            return 64 + map.size() * 96;
        }
        if (value instanceof Collection<?> list) {
            return 48 + list.size() * 48;
        }
        return 24;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        format.write(buffer, key);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        return (KeyValue) format.read(buffer);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
