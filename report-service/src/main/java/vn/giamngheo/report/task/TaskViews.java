package vn.giamngheo.report.task;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.task.DisseminationSessionRecorded;
import vn.giamngheo.contracts.task.TaskCreated;
import vn.giamngheo.report.task.domain.TaskEntry;
import vn.giamngheo.report.task.domain.TaskRecord;
import vn.giamngheo.support.consume.ApplyOutcome;
import vn.giamngheo.support.consume.IncomingEvent;
import vn.giamngheo.support.consume.VersionedCopies;

/**
 * One document per task, kept from task.events: the facts progress reports and scorecards aggregate. Every task event
 * carries the task's status and percentage after the change, so each event simply sets them; the same update pushes
 * the event's entry onto the task's {@code history} (time, status, percentage, due date, dissemination reach). As the
 * push happens in the version-checked update, a redelivered event can never add a second entry, and reports "as of"
 * a past date fold the history up to that date.
 */
@Component
public class TaskViews {

    public static final String COLLECTION = "task_views";

    private final MongoTemplate mongo;
    private final VersionedCopies copies;

    public TaskViews(MongoTemplate mongo, VersionedCopies copies) {
        this.mongo = mongo;
        this.copies = copies;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("planId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("leadUnitCode", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("coordinatingUnitCodes", Sort.Direction.ASC));
    }

    public ApplyOutcome apply(IncomingEvent event) {
        JsonNode data = event.data();
        DomainEvent payload = event.payload();
        String status = data.get("status").asString();
        int percent = data.get("percentComplete").asInt();
        Document entry = new Document("v", event.version()).append("at", Date.from(payload.occurredAt()))
                .append("type", event.type()).append("status", status).append("percent", percent);
        Update update = new Update()
                .set("planId", data.get("planId").asString())
                .set("status", status)
                .set("percentComplete", percent)
                .set("updatedAt", event.time());
        if (payload instanceof TaskCreated created) {
            update.set("title", created.title()).set("leadUnitCode", created.leadUnitCode())
                    .set("coordinatingUnitCodes", created.coordinatingUnitCodes())
                    .set("objectiveId", created.objectiveId()).set("kind", created.kind())
                    .set("priority", created.priority() == null ? "NORMAL" : created.priority())
                    .set("startDate", text(created.startDate())).set("originalDueDate", text(created.dueDate()));
        }
        // TaskCreated, TaskDeadlineExtended and TaskOverdue carry the due date in force after the change.
        if (data.hasNonNull("dueDate")) {
            update.set("dueDate", data.get("dueDate").asString());
            entry.append("dueDate", data.get("dueDate").asString());
        }
        if (payload instanceof DisseminationSessionRecorded session) {
            entry.append("unit", session.unitCode()).append("reached", session.unitOfficialsReached())
                    .append("total", session.officialsTotal());
        }
        update.push("history", entry);
        return copies.applyNext(COLLECTION, event.subject(), event.version(), update);
    }

    public Optional<TaskRecord> find(String taskId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(taskId)
                .and("title").exists(true)), Document.class, COLLECTION)).map(TaskViews::toRecord);
    }

    public List<TaskRecord> ofPlans(Collection<String> planIds) {
        return mongo.find(Query.query(Criteria.where("planId").in(planIds).and("title").exists(true)),
                Document.class, COLLECTION).stream().map(TaskViews::toRecord).toList();
    }

    /** The plan's tasks ordered by due date, read lazily for exports of any size. */
    public Stream<TaskRecord> streamOfPlans(Collection<String> planIds) {
        Query query = Query.query(Criteria.where("planId").in(planIds).and("title").exists(true))
                .with(Sort.by("dueDate", "_id"));
        return mongo.stream(query, Document.class, COLLECTION).map(TaskViews::toRecord);
    }

    /** Tasks the unit leads or coordinates. */
    public List<TaskRecord> ofUnit(String unitCode) {
        Criteria criteria = new Criteria().orOperator(Criteria.where("leadUnitCode").is(unitCode),
                Criteria.where("coordinatingUnitCodes").is(unitCode), Criteria.where("history.unit").is(unitCode));
        return mongo.find(Query.query(criteria), Document.class, COLLECTION).stream()
                .filter(d -> d.getString("title") != null).map(TaskViews::toRecord).toList();
    }

    /** Every task the service knows. */
    public List<TaskRecord> all() {
        return mongo.find(Query.query(Criteria.where("title").exists(true)), Document.class, COLLECTION).stream()
                .map(TaskViews::toRecord).toList();
    }

    static TaskRecord toRecord(Document d) {
        List<TaskEntry> history = d.getList("history", Document.class, List.of()).stream()
                .map(h -> new TaskEntry(((Number) h.get("v")).longValue(), h.getDate("at").toInstant(),
                        h.getString("type"), h.getString("status"), h.getInteger("percent", 0),
                        date(h.getString("dueDate")), h.getString("unit"), h.getInteger("reached"),
                        h.getInteger("total"))).toList();
        return new TaskRecord(d.getString("_id"), d.getString("planId"), d.getString("title"), d.getString("kind"),
                d.getString("priority"), d.getString("leadUnitCode"),
                d.getList("coordinatingUnitCodes", String.class, List.of()), date(d.getString("startDate")),
                date(d.getString("originalDueDate")), d.getString("status"), d.getInteger("percentComplete", 0),
                date(d.getString("dueDate")), history);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
