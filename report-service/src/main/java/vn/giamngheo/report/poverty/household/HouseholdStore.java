package vn.giamngheo.report.poverty.household;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.poverty.domain.AreaType;
import vn.giamngheo.report.poverty.domain.HouseholdRecord;

/**
 * The households of all reviews, one document per (review year, household code) with the id {@code <year>:<code>}.
 * Writes are idempotent: a record whose fingerprint is already stored is not written again, so importing the same
 * file twice changes nothing. Large imports go through unordered bulk writes of one batch at a time.
 */
@Component
public class HouseholdStore {

    public static final String COLLECTION = "poverty_households";

    /** Where a record came from. */
    public enum Source { CSV, XLSX, KAFKA, DEMO }

    /** A validated record to store, with where it came from. */
    public record Incoming(HouseholdRecord record, Source source, String importId, long line) {
    }

    /** What a batch write did. */
    public record BatchOutcome(long inserted, long updated, long unchanged) {
    }

    /** A stored record with its provenance. */
    public record Stored(HouseholdRecord record, String source, String importId, Long line, Long intakeVersion,
                         Instant updatedAt) {
    }

    private static final Bson RECORD_FIELDS = Projections.exclude("source", "importId", "line", "intakeVersion",
            "updatedAt", "fingerprint");

    private final MongoTemplate mongo;

    public HouseholdStore(MongoTemplate mongo) {
        this.mongo = mongo;
        MongoCollection<Document> collection = collection();
        collection.createIndex(Indexes.ascending("year", "householdCode"), new IndexOptions().unique(true));
        collection.createIndex(Indexes.ascending("householdCode", "year"));
        collection.createIndex(Indexes.ascending("year", "source"));
    }

    public static String id(int year, String householdCode) {
        return year + ":" + householdCode;
    }

    /**
     * Stores a batch: new households are inserted, changed ones updated, identical ones left alone. A household
     * appearing twice in the batch is stored as its last occurrence (callers report in-file duplicates first).
     */
    public BatchOutcome write(List<Incoming> batch, Instant now) {
        if (batch.isEmpty()) {
            return new BatchOutcome(0, 0, 0);
        }
        Map<String, Incoming> byId = new java.util.LinkedHashMap<>();
        batch.forEach(in -> byId.put(id(in.record().year(), in.record().householdCode()), in));
        Map<String, String> stored = new HashMap<>();
        collection().find(Filters.in("_id", byId.keySet())).projection(Projections.include("fingerprint"))
                .forEach(d -> stored.put(d.getString("_id"), d.getString("fingerprint")));
        List<WriteModel<Document>> writes = new ArrayList<>();
        long inserted = 0;
        long updated = 0;
        long unchanged = 0;
        for (Map.Entry<String, Incoming> entry : byId.entrySet()) {
            Incoming in = entry.getValue();
            String fingerprint = in.record().fingerprint();
            String existing = stored.get(entry.getKey());
            if (fingerprint.equals(existing)) {
                unchanged++;
                continue;
            }
            if (existing == null) {
                inserted++;
            } else {
                updated++;
            }
            writes.add(new UpdateOneModel<>(Filters.eq("_id", entry.getKey()),
                    new Document("$set", fields(in.record(), fingerprint, in.source(), in.importId(), in.line(), now)),
                    new UpdateOptions().upsert(true)));
        }
        unchanged += batch.size() - byId.size();
        if (!writes.isEmpty()) {
            try {
                collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                throw new IllegalStateException("Bulk write of " + writes.size() + " households failed: "
                        + e.getWriteErrors(), e);
            }
        }
        return new BatchOutcome(inserted, updated, unchanged);
    }

    /**
     * Applies a record from census.households unless a record of the same or a later sender version was applied
     * already (a redelivery or an older correction). Returns false when skipped.
     */
    public boolean applyIntake(HouseholdRecord record, long version, Instant now) {
        String id = id(record.year(), record.householdCode());
        Bson notNewer = Filters.and(Filters.eq("_id", id), Filters.or(Filters.exists("intakeVersion", false),
                Filters.lt("intakeVersion", version)));
        Document set = fields(record, record.fingerprint(), Source.KAFKA, null, 0, now).append("intakeVersion",
                version);
        try {
            var result = collection().updateOne(notNewer, new Document("$set", set), new UpdateOptions().upsert(true));
            return result.getMatchedCount() + (result.getUpsertedId() == null ? 0 : 1) > 0;
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCode() == 11000) {
                return false;
            }
            throw e;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public Optional<Stored> find(int year, String householdCode) {
        Document document = collection().find(Filters.eq("_id", id(year, householdCode))).first();
        return Optional.ofNullable(document).map(HouseholdStore::stored);
    }

    /** Every review's record of one household, oldest first. */
    public List<Stored> history(String householdCode) {
        List<Stored> history = new ArrayList<>();
        collection().find(Filters.eq("householdCode", householdCode)).sort(Sorts.ascending("year"))
                .forEach(d -> history.add(stored(d)));
        return history;
    }

    public long countFrom(int year, Source source) {
        return collection().countDocuments(Filters.and(Filters.eq("year", year), Filters.eq("source", source.name())));
    }

    public long count(int year) {
        return collection().countDocuments(Filters.eq("year", year));
    }

    /** Streams one review's households in no particular order, without holding them in memory. */
    public void forEach(int year, Consumer<HouseholdRecord> consumer) {
        try (MongoCursor<Document> cursor = collection().find(Filters.eq("year", year)).projection(RECORD_FIELDS)
                .batchSize(2000).iterator()) {
            cursor.forEachRemaining(d -> consumer.accept(record(d)));
        }
    }

    /** A cursor over one review's households in household-code order; the caller closes it. */
    public MongoCursor<Document> cursor(int year) {
        return collection().find(Filters.eq("year", year)).sort(Sorts.ascending("householdCode"))
                .projection(RECORD_FIELDS).batchSize(2000).iterator();
    }

    public static HouseholdRecord record(Document d) {
        String floorArea = d.getString("floorAreaM2");
        return new HouseholdRecord(d.getInteger("year"), d.getString("householdCode"), d.getString("communeCode"),
                AreaType.valueOf(d.getString("areaType")), d.getString("ethnicGroup"), d.getInteger("members"),
                ((Number) d.get("monthlyIncomePerCapita")).longValue(), d.getInteger("dependants"),
                floorArea == null ? null : new BigDecimal(floorArea), d.getList("deprived", String.class));
    }

    private static Stored stored(Document d) {
        Date updatedAt = d.getDate("updatedAt");
        Number line = (Number) d.get("line");
        Number intake = (Number) d.get("intakeVersion");
        return new Stored(record(d), d.getString("source"), d.getString("importId"),
                line == null || line.longValue() == 0 ? null : line.longValue(),
                intake == null ? null : intake.longValue(), updatedAt == null ? null : updatedAt.toInstant());
    }

    private static Document fields(HouseholdRecord r, String fingerprint, Source source, String importId, long line,
                                   Instant now) {
        return new Document("year", r.year())
                .append("householdCode", r.householdCode())
                .append("communeCode", r.communeCode())
                .append("areaType", r.areaType().name())
                .append("ethnicGroup", r.ethnicGroup())
                .append("members", r.members())
                .append("monthlyIncomePerCapita", r.monthlyIncomePerCapita())
                .append("dependants", r.dependants())
                // text, so the answer is kept exactly as given on every MongoDB server
                .append("floorAreaM2", r.floorAreaM2() == null ? null : r.floorAreaM2().toPlainString())
                .append("deprived", r.deprived())
                .append("fingerprint", fingerprint)
                .append("source", source.name())
                .append("importId", importId)
                .append("line", line)
                .append("updatedAt", Date.from(now));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
