package vn.giamngheo.report.poverty.imports;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.report.poverty.domain.RowError;
import vn.giamngheo.support.domain.NotFoundException;
import vn.giamngheo.support.web.PageResponse;

/**
 * Import jobs ({@code poverty_imports}) and the rejected rows of each ({@code poverty_import_errors}, all of them,
 * however many). A job's document is updated after every batch, which is how an uploader follows a long import.
 */
@Component
public class ImportJobs {

    public static final String COLLECTION = "poverty_imports";
    public static final String ERRORS = "poverty_import_errors";
    static final int FIRST_ERRORS = 20;

    private final MongoTemplate mongo;

    public ImportJobs(MongoTemplate mongo) {
        this.mongo = mongo;
        errors().createIndex(Indexes.ascending("importId", "line"));
        jobs().createIndex(Indexes.ascending("state"));
    }

    public void create(String id, int year, String source, String fileName, Instant now) {
        create(id, year, source, fileName, null, now);
    }

    /**
     * A new job; {@code owner} is the service instance that runs it, which keeps the job's heartbeat fresh while it
     * waits or runs.
     */
    public void create(String id, int year, String source, String fileName, String owner, Instant now) {
        create(id, year, source, fileName, owner, null, now);
    }

    /** A new job, with who submitted it (an admin, a department's system), for the record. */
    public void create(String id, int year, String source, String fileName, String owner, Actor submittedBy,
                       Instant now) {
        Document by = submittedBy == null ? null : new Document("subject", submittedBy.subject())
                .append("name", submittedBy.name()).append("unit", submittedBy.unit())
                .append("kind", submittedBy.kind().name());
        jobs().insertOne(new Document("_id", id).append("year", year).append("source", source).append("owner", owner)
                .append("submittedBy", by)
                .append("heartbeatAt", Date.from(now))
                .append("fileName", fileName).append("state", ImportStatus.QUEUED).append("rowsRead", 0L)
                .append("inserted", 0L).append("updated", 0L).append("unchanged", 0L).append("rejected", 0L)
                .append("errorCount", 0L).append("percent", 0).append("ignoredColumns", List.of())
                .append("startedAt", Date.from(now)));
    }

    public void started(String id, List<String> ignoredColumns) {
        jobs().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", ImportStatus.RUNNING),
                Updates.set("ignoredColumns", ignoredColumns)));
    }

    /** Progress after a batch: the running totals, and the batch's rejected rows. */
    public void progress(String id, ImportCounts counts, Integer percent, List<RowError> newErrors) {
        if (!newErrors.isEmpty()) {
            List<Document> documents = new ArrayList<>(newErrors.size());
            for (RowError e : newErrors) {
                documents.add(new Document("importId", id).append("line", e.line())
                        .append("householdCode", e.householdCode()).append("field", e.field())
                        .append("message", e.message()));
            }
            errors().insertMany(documents);
        }
        jobs().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("rowsRead", counts.rowsRead()),
                Updates.set("heartbeatAt", new Date()),
                Updates.set("inserted", counts.inserted()), Updates.set("updated", counts.updated()),
                Updates.set("unchanged", counts.unchanged()), Updates.set("rejected", counts.rejected()),
                Updates.set("errorCount", counts.errors()), Updates.set("percent", percent)));
    }

    public void completed(String id, Instant now) {
        jobs().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", ImportStatus.COMPLETED),
                Updates.set("percent", 100), Updates.set("finishedAt", Date.from(now))));
    }

    public void failed(String id, String reason, Instant now) {
        jobs().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", ImportStatus.FAILED),
                Updates.set("failure", reason), Updates.set("finishedAt", Date.from(now))));
    }

    /** The instance that owns these jobs is alive: refreshes the heartbeat of its waiting and running jobs. */
    public void heartbeat(String owner, Instant now) {
        jobs().updateMany(Filters.and(Filters.eq("owner", owner),
                Filters.in("state", ImportStatus.QUEUED, ImportStatus.RUNNING)), Updates.set("heartbeatAt",
                Date.from(now)));
    }

    /**
     * Jobs whose instance stopped (no heartbeat since {@code staleBefore}) will never finish: say so instead of
     * RUNNING forever. Jobs of live instances, on this or another node, keep their heartbeat fresh and are untouched.
     */
    public long failInterrupted(Instant staleBefore, Instant now) {
        return jobs().updateMany(Filters.and(Filters.in("state", ImportStatus.QUEUED, ImportStatus.RUNNING),
                        Filters.lt("heartbeatAt", Date.from(staleBefore))),
                Updates.combine(Updates.set("state", ImportStatus.FAILED),
                        Updates.set("failure", "Interrupted: the service instance running it stopped; upload the "
                                + "file again (importing the same file twice changes nothing)"),
                        Updates.set("finishedAt", Date.from(now)))).getModifiedCount();
    }

    public boolean running(int year) {
        return jobs().countDocuments(Filters.and(Filters.eq("year", year),
                Filters.in("state", ImportStatus.QUEUED, ImportStatus.RUNNING))) > 0;
    }

    public ImportStatus get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("Import", id));
    }

    public Optional<ImportStatus> find(String id) {
        Document d = jobs().find(Filters.eq("_id", id)).first();
        if (d == null) {
            return Optional.empty();
        }
        long inserted = number(d, "inserted");
        long updated = number(d, "updated");
        long unchanged = number(d, "unchanged");
        Date finished = d.getDate("finishedAt");
        return Optional.of(new ImportStatus(id, d.getInteger("year"), d.getString("source"), d.getString("fileName"),
                d.getString("state"), number(d, "rowsRead"), inserted + updated + unchanged, inserted, updated,
                unchanged, number(d, "rejected"), number(d, "errorCount"), d.getInteger("percent"),
                d.getList("ignoredColumns", String.class), d.getString("failure"), errors(id, 0, FIRST_ERRORS),
                d.getDate("startedAt").toInstant(), finished == null ? null : finished.toInstant(),
                actor(d.get("submittedBy", Document.class))));
    }

    public PageResponse<RowError> errors(String id, int page, int size, boolean checkExists) {
        if (checkExists) {
            get(id);
        }
        long total = errors().countDocuments(Filters.eq("importId", id));
        return new PageResponse<>(errors(id, page * size, size), page, size, total);
    }

    private List<RowError> errors(String id, int skip, int limit) {
        List<RowError> list = new ArrayList<>();
        errors().find(Filters.eq("importId", id)).sort(Sorts.ascending("line")).skip(skip).limit(limit)
                .forEach(e -> list.add(new RowError(number(e, "line"), e.getString("householdCode"),
                        e.getString("field"), e.getString("message"))));
        return list;
    }

    private static Actor actor(Document d) {
        return d == null ? null : new Actor(d.getString("subject"), d.getString("name"), d.getString("unit"),
                Actor.Kind.valueOf(d.getString("kind")));
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private MongoCollection<Document> jobs() {
        return mongo.getCollection(COLLECTION);
    }

    private MongoCollection<Document> errors() {
        return mongo.getCollection(ERRORS);
    }
}
