package vn.giamngheo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

/** How the MongoDB-wire server's index maps order, write and read their keys. */
class IndexKeyTypeTest {

    static KeyValue readBack(KeyValue key) {
        WriteBuffer buffer = new WriteBuffer();
        IndexKeyType.INSTANCE.write(buffer, key);
        buffer.putInt(9);
        ByteBuffer page = buffer.getBuffer();
        page.flip();
        KeyValue read = IndexKeyType.INSTANCE.read(page);
        assertThat(page.getInt()).as("the next value starts where the key ended").isEqualTo(9);
        return read;
    }

    @Test
    void keys_are_ordered_by_their_values_not_by_their_serialised_bytes() {
        // given: a string serialises with its length first, so as bytes "b" would come before "aa"
        // when / then
        assertThat(IndexKeyType.INSTANCE.compare(new KeyValue("aa"), new KeyValue("b"))).isNegative();
        assertThat(IndexKeyType.INSTANCE.compare(new KeyValue("TASK-1", 2.0), new KeyValue("TASK-1", 10.0)))
                .isNegative();
        assertThat(IndexKeyType.INSTANCE.compare(new KeyValue("TASK-1", 2.0), new KeyValue("TASK-1", 2.0)))
                .isZero();
    }

    @Test
    void numbers_are_compared_exactly_a_whole_number_and_its_double_being_one_key() {
        // given: a long beyond int, which a double with a fraction must not equal
        KeyValue whole = new KeyValue(3_000_000_000L);
        KeyValue fraction = new KeyValue(3_000_000_000.5);

        // when / then
        assertThat(IndexKeyType.INSTANCE.compare(whole, fraction)).isNegative();
        assertThat(IndexKeyType.INSTANCE.compare(fraction, whole)).isPositive();
        assertThat(IndexKeyType.INSTANCE.compare(new KeyValue(3L), new KeyValue(3.0))).isZero();
        assertThat(IndexKeyType.INSTANCE.compare(new KeyValue(7), new KeyValue(7L))).isZero();
        assertThat(IndexKeyType.INSTANCE.compare(new KeyValue(Double.NaN), new KeyValue(1L)))
                .isEqualTo(-IndexKeyType.INSTANCE.compare(new KeyValue(1L), new KeyValue(Double.NaN)));
    }

    @Test
    void keys_of_plain_values_and_of_any_other_kind_read_back_equal() {
        // given: plain values (written as BSON) and values only Java serialisation keeps exactly
        List<KeyValue> keys = List.of(new KeyValue("TASK-0001", 3.0), new KeyValue(new ObjectId(), 7L),
                new KeyValue(true, null, 42), new KeyValue(Instant.ofEpochMilli(1_700_000_000_123L)),
                new KeyValue(new Document("plan", "KH-61")), new KeyValue(List.of("a", "b")),
                new KeyValue(Instant.ofEpochSecond(1_700_000_000L, 123_456_789)));

        // when / then
        keys.forEach(key -> assertThat(readBack(key)).as("%s", key).isEqualTo(key));
    }

    @Test
    void a_key_of_more_values_than_single_digit_names_and_keys_written_one_after_another_read_back_equal() {
        // given: twelve values (fields "0" to "11") and keys of fewer values written with the same thread's buffer
        KeyValue wide = new KeyValue("a", 1, 2L, 3.5, true, null, "g", "h", "i", "j", "k", "l");
        List<KeyValue> keys = List.of(wide, new KeyValue("KH-61"), wide, new KeyValue(1L, "x"));

        // when
        WriteBuffer buffer = new WriteBuffer();
        keys.forEach(key -> IndexKeyType.INSTANCE.write(buffer, key));
        ByteBuffer page = buffer.getBuffer();
        page.flip();

        // then: each reads back as written, in order, nothing of one key left in the next
        for (KeyValue key : keys) {
            assertThat(IndexKeyType.INSTANCE.read(page)).isEqualTo(key);
        }
        assertThat(page.hasRemaining()).isFalse();

        // and: the bytes are those of the document {"0": …, "11": …} that keys were written as before
        Document before = new Document();
        for (int i = 0; i < wide.size(); i++) {
            before.put(Integer.toString(i), wide.get(i));
        }
        io.netty.buffer.ByteBuf expected = io.netty.buffer.Unpooled.buffer();
        de.bwaldvogel.mongo.wire.bson.BsonEncoder.encodeDocument(before, expected);
        WriteBuffer written = new WriteBuffer();
        IndexKeyType.INSTANCE.write(written, wide);
        ByteBuffer bytes = written.getBuffer();
        bytes.flip();
        assertThat(bytes.get()).isEqualTo(DocumentType.BSON);
        assertThat(bytes.slice()).isEqualTo(expected.nioBuffer());
    }
}
