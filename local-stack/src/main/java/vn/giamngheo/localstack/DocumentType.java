package vn.giamngheo.localstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the MongoDB-wire server's collection maps: each document stored as BSON, with
 * mongo-java-server's own codec (the one that answers clients). H2's default type Java-serialises every document — a
 * new object stream with its class descriptors each time: about 130 µs to write and read back a poverty household
 * against 2 µs as BSON (measured on this machine).
 *
 * <p>A document the codec cannot encode (a value of a type no client could have sent) or holding a time finer than a
 * millisecond (which BSON would truncate) is Java-serialised as before, behind its own tag, so a page can always be
 * written and every document reads back equal.
 */
final class DocumentType extends BasicDataType<Document> {

    static final DocumentType INSTANCE = new DocumentType();

    /** The tags before each stored value (documents here, keys in {@link IndexKeyType}). */
    static final byte BSON = 1;
    static final byte JAVA_SERIALISED = 2;

    private static final int INITIAL_SCRATCH = 4096;
    private static final int MAX_KEPT_SCRATCH = 1 << 20;
    private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(INITIAL_SCRATCH));

    private final ObjectDataType javaSerialisation = new ObjectDataType();

    private DocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return StoredSize.of(document);
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        // BSON keeps milliseconds: a finer time would read back unequal to itself (and to its index keys).
        if (!hasTimeFinerThanMillis(document)) {
            try {
                writeBson(buffer, document);
                return;
            } catch (RuntimeException notEncodable) {
                // A value of a type the codec does not know: kept Java-serialised, below. Nothing was written yet.
            }
        }
        buffer.put(JAVA_SERIALISED);
        javaSerialisation.write(buffer, document);
    }

    /** A time no client sends (they send milliseconds) but the server can make, e.g. for {@code $currentDate}. */
    static boolean hasTimeFinerThanMillis(Object value) {
        if (value instanceof Instant instant) {
            return instant.getNano() % 1_000_000 != 0;
        }
        if (value instanceof Map<?, ?> map) {
            for (Object element : map.values()) {
                if (hasTimeFinerThanMillis(element)) {
                    return true;
                }
            }
        } else if (value instanceof Collection<?> values) {
            for (Object element : values) {
                if (hasTimeFinerThanMillis(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Document read(ByteBuffer buffer) {
        byte format = buffer.get();
        return switch (format) {
            case BSON -> readBson(buffer);
            case JAVA_SERIALISED -> (Document) javaSerialisation.read(buffer);
            default -> throw new IllegalStateException("Unknown document format " + format + " in the H2 store");
        };
    }

    /**
     * Writes a document tagged as BSON; encoded first, so nothing is written if the codec refuses it. Takes any map of
     * field names to values ({@link IndexKeyType} passes a key's values without copying them into a document).
     */
    static void writeBson(WriteBuffer buffer, Map<String, ?> document) {
        ByteBuf bson = encoded(document);
        buffer.put(BSON);
        buffer.put(bson.nioBuffer());
    }

    /** The size of the document as BSON; a document the codec refuses counts as its estimated memory. */
    static int bsonSize(Document document) {
        try {
            return encoded(document).readableBytes();
        } catch (RuntimeException notEncodable) {
            return StoredSize.of(document);
        }
    }

    /**
     * The document encoded into this thread's scratch buffer, valid until the thread's next call. The store writes a
     * changed page whole, every document and key in it, so a buffer per value was much of the server's garbage.
     */
    private static ByteBuf encoded(Map<String, ?> document) {
        ByteBuf bson = SCRATCH.get().clear();
        try {
            BsonEncoder.encodeDocument(document, bson);
            return bson;
        } finally {
            if (bson.capacity() > MAX_KEPT_SCRATCH) {
                // So that one large document does not pin a multi-megabyte array on a long-lived store or network
                // thread; the caller still holds this buffer, so what it returned stays valid.
                SCRATCH.set(Unpooled.buffer(INITIAL_SCRATCH));
            }
        }
    }

    /** Reads a BSON document (its tag already read) and leaves the buffer just after it. */
    static Document readBson(ByteBuffer buffer) {
        // A BSON document starts with its own length, a little-endian int32.
        int length = Integer.reverseBytes(buffer.getInt(buffer.position()));
        ByteBuffer bson = buffer.slice();
        bson.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
