package vn.giamngheo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

/** How the MongoDB-wire server's store writes a document into a page and reads it back. */
class DocumentTypeTest {

    static Document readBack(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        buffer.putInt(7); // what the page wrote before the document
        DocumentType.INSTANCE.write(buffer, document);
        buffer.putInt(8); // and after it
        ByteBuffer page = buffer.getBuffer();
        page.flip();
        assertThat(page.getInt()).isEqualTo(7);
        Document read = DocumentType.INSTANCE.read(page);
        assertThat(page.getInt()).as("the next value starts where the document ended").isEqualTo(8);
        return read;
    }

    @Test
    void a_document_with_every_kind_of_value_a_client_sends_reads_back_equal() {
        // given
        Document document = new Document("_id", new ObjectId()).append("text", "Mường La — hộ nghèo")
                .append("int", 7).append("long", 1L << 40).append("double", -2.5).append("flag", false)
                .append("nothing", null).append("at", Instant.ofEpochMilli(1_700_000_000_123L))
                .append("decimal", new Decimal128(new BigDecimal("12.50"))).append("uuid", UUID.randomUUID())
                .append("nested", new Document("list", List.of(1, "two", new Document("three", 3.0))));

        // when / then
        assertThat(readBack(document)).isEqualTo(document);
    }

    @Test
    void a_document_with_a_time_finer_than_a_millisecond_reads_back_to_the_nanosecond() {
        // given: what $currentDate makes on the server (clients send milliseconds)
        Document document = new Document("_id", "t").append("seen", List.of(new Document("at",
                Instant.ofEpochSecond(1_700_000_000L, 123_456_789))));

        // when / then
        assertThat(readBack(document)).isEqualTo(document);
    }

    @Test
    void a_document_the_codec_cannot_encode_is_kept_as_before() {
        // given: a value of a type no client can send (the codec refuses java.util.Date)
        Document document = new Document("_id", "legacy").append("at", new Date(1_700_000_000_000L));

        // when / then
        assertThat(readBack(document)).isEqualTo(document);
    }

    @Test
    void documents_written_one_after_another_small_large_and_small_again_read_back_equal() {
        // given: a document larger than the encoding buffer a thread keeps, between two small ones
        Document small = new Document("_id", "a").append("title", "Kế hoạch 61/KH-UBND");
        Document large = new Document("_id", "b").append("payload", "x".repeat(2 << 20));
        Document other = new Document("_id", "c").append("n", 3);

        // when / then
        assertThat(readBack(small)).isEqualTo(small);
        assertThat(readBack(large)).isEqualTo(large);
        assertThat(readBack(other)).isEqualTo(other);
        assertThat(readBack(small)).isEqualTo(small);
    }
}
