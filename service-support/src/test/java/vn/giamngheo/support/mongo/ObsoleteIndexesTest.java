package vn.giamngheo.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Update;
import vn.giamngheo.support.consume.VersionedCopies;
import vn.giamngheo.support.testing.InMemoryMongoServer;

class ObsoleteIndexesTest {

    static final InMemoryMongoServer SERVER = new InMemoryMongoServer();
    static final MongoTemplate mongo = SERVER.template("obsolete");

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    static List<String> indexesOf(String collection) {
        return mongo.indexOps(collection).getIndexInfo().stream().map(IndexInfo::getName).toList();
    }

    @Test
    void a_projection_written_by_an_earlier_version_loses_its_version_index_and_keeps_its_documents() {
        // given: copies as an earlier version left them, with the index it made for the wire server
        mongo.insert(new Document("_id", "t-1").append("lastVersion", 1L).append("status", "ASSIGNED"), "copies");
        mongo.indexOps("copies").createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("lastVersion", Sort.Direction.ASC).unique().named(ObsoleteIndexes.LAST_VERSION));
        VersionedCopies copies = new VersionedCopies(mongo);

        // when: the next event is applied
        copies.applyNext("copies", "t-1", 2, new Update().set("status", "IN_PROGRESS"));

        // then
        assertThat(indexesOf("copies")).doesNotContain(ObsoleteIndexes.LAST_VERSION).contains("_id_");
        assertThat(mongo.findById("t-1", Document.class, "copies")).containsEntry("lastVersion", 2L)
                .containsEntry("status", "IN_PROGRESS");
    }

    @Test
    void a_collection_without_the_index_is_left_as_it_is() {
        // given
        mongo.insert(new Document("_id", "a"), "plain");
        List<String> before = indexesOf("plain");

        // when
        ObsoleteIndexes.drop(mongo, "plain", ObsoleteIndexes.VERSION);

        // then
        assertThat(indexesOf("plain")).isEqualTo(before);
    }
}
