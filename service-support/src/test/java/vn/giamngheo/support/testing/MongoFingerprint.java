package vn.giamngheo.support.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What a service has stored, compact enough to compare before and after a refused request: per collection, every
 * document's id with its version (or its whole content when it has none). The relay's {@code _log} collections are
 * left out: the relay fills them on its own whenever it publishes, and each of their entries is a change of an
 * aggregate whose version is listed here.
 */
public final class MongoFingerprint {

    private MongoFingerprint() {
    }

    public static Map<String, List<String>> of(MongoTemplate mongo) {
        Map<String, List<String>> fingerprint = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            if (collection.endsWith("_log")) {
                continue;
            }
            List<String> documents = new ArrayList<>();
            for (Document document : mongo.findAll(Document.class, collection)) {
                Object version = document.get("version");
                documents.add(document.get("_id") + "@" + (version != null ? version : document.toJson().hashCode()));
            }
            documents.sort(String::compareTo);
            fingerprint.put(collection, documents);
        }
        return fingerprint;
    }
}
