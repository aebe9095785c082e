package vn.giamngheo.bench;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.EventJson;

/**
 * Not a baseline: a prototype of the change the bench recommends for the report-service's task projection, measured
 * on the same records so the recommendation comes with a figure. Per poll, the events of each task are folded into
 * ONE version-checked update ({_id, lastVersion: first - 1} → last state, lastVersion = last, all history entries
 * pushed at once; the first version upserts), and all of a poll's updates go to MongoDB in ONE unordered bulk write,
 * instead of one round trip per event. An update that matches nothing (a gap or a duplicate) would go back to the
 * one-event path; here such updates are only counted.
 */
final class BatchedProjection {

    private final MongoCollection<Document> views;
    private long refused;

    BatchedProjection(MongoCollection<Document> views) {
        this.views = views;
        views.createIndex(Indexes.ascending("_id", "lastVersion"), new IndexOptions().unique(true));
    }

    long refused() {
        return refused;
    }

    void apply(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<JsonNode>> byTask = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            byTask.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(EventJson.parse(record.value()));
        }
        List<WriteModel<Document>> writes = new ArrayList<>(byTask.size());
        for (Map.Entry<String, List<JsonNode>> task : byTask.entrySet()) {
            List<JsonNode> events = task.getValue();
            JsonNode lastEvent = events.get(events.size() - 1);
            long first = events.get(0).get("version").asLong();
            List<Document> history = new ArrayList<>(events.size());
            for (JsonNode event : events) {
                history.add(new Document("v", event.get("version").asLong())
                        .append("status", event.get("status").asString())
                        .append("percent", event.get("percentComplete").asInt()));
            }
            Document set = new Document("planId", lastEvent.get("planId").asString())
                    .append("status", lastEvent.get("status").asString())
                    .append("percentComplete", lastEvent.get("percentComplete").asInt())
                    .append("lastVersion", lastEvent.get("version").asLong());
            Document update = new Document("$set", set)
                    .append("$push", new Document("history", new Document("$each", history)));
            writes.add(new UpdateOneModel<>(new Document("_id", task.getKey()).append("lastVersion", first - 1),
                    update, new UpdateOptions().upsert(first == 1)));
        }
        BulkWriteResult result;
        try {
            result = views.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException duplicates) {
            result = duplicates.getWriteResult();
        }
        refused += writes.size() - result.getMatchedCount() - result.getUpserts().size();
    }
}
