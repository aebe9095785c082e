package vn.giamngheo.report.poverty.household;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertOneModel;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
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

        /** Households of the batch that were stored already. */
        public long found() {
            return updated + unchanged;
        }
    }

    /** A stored record with its provenance. */
    public record Stored(HouseholdRecord record, String source, String importId, Long line, Long intakeVersion,
                         Instant updatedAt) {
    }

    private static final Bson RECORD_FIELDS = Projections.exclude("source", "importId", "line", "intakeVersion",
            "updatedAt", "fingerprint");

    /** The record and where it came from, for scans that also count the demo households. */
    private static final Bson RECORD_AND_SOURCE_FIELDS = Projections.exclude("importId", "line", "intakeVersion",
            "updatedAt", "fingerprint");

    private static final Bson YEAR_CODE = Indexes.ascending("year", "householdCode");

    private static final int DUPLICATE_KEY = 11000;
    private static final int INDEX_NOT_FOUND = 27;

    private final MongoTemplate mongo;

    public HouseholdStore(MongoTemplate mongo) {
        this.mongo = mongo;
        MongoCollection<Document> collection = collection();
        dropUniqueYearCodeIndex(collection);
        // Not unique: `_id` (year:code) already is, and a second unique index doubles the work of every insert.
        // Real MongoDB serves a review's scans in code order from it; the MongoDB-wire server ignores it.
        collection.createIndex(YEAR_CODE);
        collection.createIndex(Indexes.ascending("householdCode", "year"));
        collection.createIndex(Indexes.ascending("year", "source"));
    }

    /**
     * Databases made by earlier versions hold {year, householdCode} as a unique index; creating the same keys without
     * uniqueness would be refused as a conflicting index, so the old one goes first.
     */
    private static void dropUniqueYearCodeIndex(MongoCollection<Document> collection) {
        for (Document index : collection.listIndexes()) {
            if (YEAR_CODE.toBsonDocument().equals(index.get("key", Document.class).toBsonDocument())
                    && index.getBoolean("unique", false)) {
                try {
                    collection.dropIndex(index.getString("name"));
                } catch (MongoCommandException e) {
                    // another instance starting at the same time dropped it first
                    if (e.getErrorCode() != INDEX_NOT_FOUND) {
                        throw e;
                    }
                }
            }
        }
    }

    public static String id(int year, String householdCode) {
        return year + ":" + householdCode;
    }

    /**
     * Stores a batch: new households are inserted, changed ones updated, identical ones left alone. A household
     * appearing twice in the batch is stored as its last occurrence (callers report in-file duplicates first).
     */
    public BatchOutcome write(List<Incoming> batch, Instant now) {
        return write(batch, now, true);
    }

    /**
     * Stores a batch as {@link #write(List, Instant)} does. With {@code lookUpFirst} false the stored fingerprints
     * are not read first: every household is inserted, and only those the database already holds (refused as
     * duplicate keys) are then looked up and updated or left alone — cheaper while a review is being filled for the
     * first time, correct in every case. {@link BatchOutcome#found()} tells the caller which way suits the next batch.
     */
    public BatchOutcome write(List<Incoming> batch, Instant now, boolean lookUpFirst) {
        if (batch.isEmpty()) {
            return new BatchOutcome(0, 0, 0);
        }
        Map<String, Incoming> byId = new LinkedHashMap<>();
        batch.forEach(in -> byId.put(id(in.record().year(), in.record().householdCode()), in));
        long repeated = batch.size() - byId.size();
        BatchOutcome outcome = lookUpFirst ? lookUpAndWrite(byId, now) : insertFirst(byId, now);
        return new BatchOutcome(outcome.inserted(), outcome.updated(), outcome.unchanged() + repeated);
    }

    private BatchOutcome insertFirst(Map<String, Incoming> byId, Instant now) {
        List<String> ids = new ArrayList<>(byId.size());
        List<WriteModel<Document>> inserts = new ArrayList<>(byId.size());
        byId.forEach((id, in) -> {
            ids.add(id);
            inserts.add(new InsertOneModel<>(document(id, in, in.record().fingerprint(), now)));
        });
        List<Integer> refused = bulkWrite(inserts, true);
        if (refused.isEmpty()) {
            return new BatchOutcome(ids.size(), 0, 0);
        }
        // Already stored (an earlier import of the review, or another writer since): compare and update those.
        BatchOutcome rest = lookUpAndWrite(subset(byId, ids, refused), now, false);
        return new BatchOutcome(ids.size() - refused.size() + rest.inserted(), rest.updated(), rest.unchanged());
    }

    private BatchOutcome lookUpAndWrite(Map<String, Incoming> byId, Instant now) {
        return lookUpAndWrite(byId, now, true);
    }

    /**
     * @param mayRetry whether households another writer inserts between the read and the insert are looked up again
     *                 (once is enough: a stored household stays stored)
     */
    private BatchOutcome lookUpAndWrite(Map<String, Incoming> byId, Instant now, boolean mayRetry) {
        Map<String, String> stored = new HashMap<>();
        collection().find(Filters.in("_id", byId.keySet())).projection(Projections.include("fingerprint"))
                .forEach(d -> stored.put(d.getString("_id"), d.getString("fingerprint")));
        List<String> ids = new ArrayList<>();
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
            ids.add(entry.getKey());
            if (existing == null) {
                inserted++;
                // an insert, not an upsert: the server then writes the index without looking the key up first
                writes.add(new InsertOneModel<>(document(entry.getKey(), in, fingerprint, now)));
            } else {
                updated++;
                writes.add(new UpdateOneModel<>(Filters.eq("_id", entry.getKey()),
                        new Document("$set", fields(in.record(), fingerprint, in.source(), in.importId(), in.line(),
                                now)), new UpdateOptions().upsert(true)));
            }
        }
        List<Integer> refused = bulkWrite(writes, mayRetry);
        if (refused.isEmpty()) {
            return new BatchOutcome(inserted, updated, unchanged);
        }
        BatchOutcome rest = lookUpAndWrite(subset(byId, ids, refused), now, false);
        return new BatchOutcome(inserted - refused.size() + rest.inserted(), updated + rest.updated(),
                unchanged + rest.unchanged());
    }

    private static Map<String, Incoming> subset(Map<String, Incoming> byId, List<String> ids, List<Integer> positions) {
        Map<String, Incoming> subset = new LinkedHashMap<>();
        positions.forEach(position -> subset.put(ids.get(position), byId.get(ids.get(position))));
        return subset;
    }

    /** Writes unordered; returns the positions refused as duplicate keys when those may be refused. */
    private List<Integer> bulkWrite(List<WriteModel<Document>> writes, boolean duplicatesExpected) {
        if (writes.isEmpty()) {
            return List.of();
        }
        try {
            collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return List.of();
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
            if (duplicatesExpected && onlyDuplicates && e.getWriteConcernError() == null) {
                return e.getWriteErrors().stream().map(BulkWriteError::getIndex).sorted().toList();
            }
            throw new IllegalStateException("Bulk write of " + writes.size() + " households failed: "
                    + e.getWriteErrors(), e);
        }
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

    /**
     * Streams one review's households with where each came from ({@link Source}'s name), in no particular order:
     * what a publication needs in one pass, the rates and whether generated demo households are among them.
     */
    public void forEachWithSource(int year, BiConsumer<HouseholdRecord, String> consumer) {
        try (MongoCursor<Document> cursor = collection().find(Filters.eq("year", year))
                .projection(RECORD_AND_SOURCE_FIELDS).batchSize(2000).iterator()) {
            cursor.forEachRemaining(d -> consumer.accept(record(d), d.getString("source")));
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

    private static Document document(String id, Incoming in, String fingerprint, Instant now) {
        Document document = new Document("_id", id);
        document.putAll(fields(in.record(), fingerprint, in.source(), in.importId(), in.line(), now));
        return document;
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
