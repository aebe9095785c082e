package vn.giamngheo.localstack;

import java.util.Collection;
import java.util.Map;

/**
 * A cheap estimate of a stored value's memory, for H2's cache accounting: H2's default type measures a value it does
 * not know by Java-serialising it.
 */
final class StoredSize {

    private StoredSize() {
    }

    static int of(Object value) {
        if (value instanceof CharSequence text) {
            return 40 + 2 * text.length();
        }
        if (value instanceof Map<?, ?> map) {
            int size = 48 + 32 * map.size();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += of(entry.getKey()) + of(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            int size = 40 + 8 * values.size();
            for (Object element : values) {
                size += of(element);
            }
            return size;
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        return 24;
    }
}
