package vn.giamngheo.report.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
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
import vn.giamngheo.report.task.domain.Reach;
import vn.giamngheo.report.task.domain.TaskEntry;
import vn.giamngheo.report.task.domain.TaskRecord;
import vn.giamngheo.report.task.domain.TaskState;
import vn.giamngheo.support.consume.ApplyOutcome;
import vn.giamngheo.support.consume.IncomingEvent;
import vn.giamngheo.support.consume.VersionedCopies;

/**
 * One document per task in {@code task_views}, kept from task.events: the task's present facts, constant in size.
 * Every task event carries the task's status and percentage after the change, so each event simply sets them; the
 * same version-checked update keeps current what reports of "now" would otherwise fold from the history: the
 * creation time, the completion time with the due date in force then, each unit's latest dissemination reach, the
 * units reached, and the latest time of any event.
 *
 * <p>The history lives in {@code task_history}, one small document per event, id {@code taskId:version}, inserted
 * before the view's version-checked update: an entry depends on its event alone, and readers fetch the entries of
 * versions 1 to the view's own, so an entry written ahead of its view (the update then failed, or found a gap) is
 * never read until the view reaches it, while a view never shows a version whose entry is missing. The insert of an
 * entry already there (a redelivery) is refused by the unique id and changes nothing, unless this delivery is the one
 * that applied the version: then the entry there came from an event that was never applied, and is replaced. Reports
 * "as of" a past day read the entries of the tasks changed since by id (mongo-java-server uses only unique
 * indexes, and {@code _id $in} is one), and fold them up to that day. Views written before the history moved out
 * still carry a {@code history} array: it is read and merged with the entries written since, by version.
 *
 * <p>A plan's tasks are found through {@code plan_tasks}, one document per plan, {@code {_id: planId, taskIds}}: the
 * reads by plan look up the plans' memberships and then the views by {@code _id $in}, the only kind of query by which
 * the local stack's MongoDB-wire server (mongo-java-server) uses an index; by {@code planId} it would deserialise
 * every view of the province under the collection's lock the projection also needs. A task's plan never changes (no
 * task event names another one), so the membership is added once, for {@code TaskCreated}, before the view's update
 * like the history entry (a membership whose view is not written yet is skipped by readers, which keep views with a
 * title only). Views written before memberships were kept get theirs from a one-time backfill at start-up.
 */
@Component
public class TaskViews {

    public static final String COLLECTION = "task_views";
    public static final String HISTORY = "task_history";
    public static final String PLAN_TASKS = "plan_tasks";
    /**
     * The document of {@code plan_tasks} that says the memberships of the views written before it existed were added;
     * written only once the backfill completed. Plan ids are UUIDs, so it cannot be taken for a plan.
     */
    static final String BACKFILLED = "#backfilled";

    /**
     * Ids per query of views, memberships or history entries: bounds a query's size whatever the plans and histories.
     * Small, because on the local stack's store a query holds its collection's lock until it has read every document,
     * and the projection's writes wait behind it: the alert check reading thousands of views 5,000 at a time held
     * the projection up for seconds (bench README, row 3). A few more round trips cost a report nothing.
     */
    static final int IDS_PER_QUERY = 500;
    /** Tasks whose histories a streamed export reads together. */
    static final int TASKS_PER_BATCH = 200;

    private final MongoTemplate mongo;
    private final VersionedCopies copies;
    private final int idsPerQuery;

    @Autowired
    public TaskViews(MongoTemplate mongo, VersionedCopies copies) {
        this(mongo, copies, IDS_PER_QUERY);
    }

    /** With smaller queries, so tests can cross their boundaries with few tasks. */
    TaskViews(MongoTemplate mongo, VersionedCopies copies, int idsPerQuery) {
        this.mongo = mongo;
        this.copies = copies;
        this.idsPerQuery = idsPerQuery;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("planId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("leadUnitCode", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("coordinatingUnitCodes", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("disseminationUnits", Sort.Direction.ASC));
        backfillMemberships();
    }

    /**
     * Adds the memberships of the views written before {@code plan_tasks} existed: one scan of the views, grouped by
     * plan, then one {@code $addToSet} upsert per plan, and the marker last. A crash before the marker runs it all
     * again at the next start, which changes nothing for the memberships already added. Once the marker is there a
     * start reads one document by id; a fresh database scans an empty collection.
     */
    private void backfillMemberships() {
        if (mongo.exists(Query.query(Criteria.where("_id").is(BACKFILLED)), PLAN_TASKS)) {
            return;
        }
        Map<String, List<String>> byPlan = new HashMap<>();
        Query views = new Query();
        views.fields().include("planId");
        try (Stream<Document> documents = mongo.stream(views, Document.class, COLLECTION)) {
            documents.filter(d -> d.getString("planId") != null).forEach(d -> byPlan
                    .computeIfAbsent(d.getString("planId"), k -> new ArrayList<>()).add(d.getString("_id")));
        }
        byPlan.forEach((planId, taskIds) -> addMembers(planId, taskIds));
        mongo.upsert(Query.query(Criteria.where("_id").is(BACKFILLED)), new Update().set("completedAt", new Date()),
                PLAN_TASKS);
    }

    public ApplyOutcome apply(IncomingEvent event) {
        EventChange change = changeOf(event);
        // Entry and membership first: a view never shows a version whose entry or membership a failure left out.
        if (change.joinsPlan() != null) {
            addMembers(change.joinsPlan(), List.of(event.subject()));
        }
        boolean recorded = record(change.entry());
        ApplyOutcome outcome = copies.applyNext(COLLECTION, event.subject(), event.version(), change.update());
        if (outcome == ApplyOutcome.APPLIED && !recorded) {
            // The entry there came from another event of this version that was never applied (one parked on the
            // dead-letter topic after a gap, say): the applied event's own entry replaces it.
            mongo.save(change.entry(), HISTORY);
        }
        return outcome;
    }

    /**
     * Applies events of distinct tasks with one bulk write per collection instead of one round trip per event and
     * collection, in the same order of writes as {@link #apply}: the memberships, then the entries, then the views.
     * True if every event was applied as its task's next version. False as soon as anything is not as expected — an
     * entry already there (a redelivery), a view not at the version before (a duplicate or a gap), a membership two
     * consumers upserted at once —: the caller then applies the events one by one with {@link #apply}, which tells
     * the cases apart, repeats nothing already applied and names the event that cannot be.
     */
    public boolean applyAll(List<IncomingEvent> eventsOfDistinctTasks) {
        List<EventChange> changes = eventsOfDistinctTasks.stream().map(this::changeOf).toList();
        Map<String, List<String>> joining = new LinkedHashMap<>();
        changes.stream().filter(c -> c.joinsPlan() != null).forEach(c -> joining
                .computeIfAbsent(c.joinsPlan(), k -> new ArrayList<>()).add(c.event().subject()));
        try {
            if (!joining.isEmpty()) {
                BulkOperations memberships = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PLAN_TASKS);
                joining.forEach((planId, taskIds) -> memberships.upsert(Query.query(Criteria.where("_id").is(planId)),
                        joined(taskIds)));
                memberships.execute();
            }
            BulkOperations entries = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, HISTORY);
            changes.forEach(c -> entries.insert(c.entry()));
            entries.execute();
        } catch (BulkOperationException | DuplicateKeyException notAsExpected) {
            return false;
        }
        return copies.applyAllNext(COLLECTION, changes.stream().map(c -> new VersionedCopies.NextVersion(
                c.event().subject(), c.event().version(), c.update())).toList());
    }

    /** What one event writes: its history entry, the view's update, and the plan it joins (TaskCreated only). */
    private record EventChange(IncomingEvent event, Document entry, Update update, String joinsPlan) {
    }

    private EventChange changeOf(IncomingEvent event) {
        JsonNode data = event.data();
        DomainEvent payload = event.payload();
        String status = data.get("status").asString();
        int percent = data.get("percentComplete").asInt();
        Date at = Date.from(payload.occurredAt());
        Document entry = new Document("_id", historyId(event.subject(), event.version()))
                .append("taskId", event.subject()).append("v", event.version()).append("at", at)
                .append("type", event.type()).append("status", status).append("percent", percent);
        Update update = new Update()
                .set("planId", data.get("planId").asString())
                .set("status", status)
                .set("percentComplete", percent)
                .set("updatedAt", event.time())
                .max("lastEventAt", at);
        if (event.version() == 1) {
            update.set("createdAt", at);
        }
        String joinsPlan = null;
        if (payload instanceof TaskCreated created) {
            update.set("title", created.title()).set("leadUnitCode", created.leadUnitCode())
                    .set("coordinatingUnitCodes", created.coordinatingUnitCodes())
                    .set("objectiveId", created.objectiveId()).set("kind", created.kind())
                    .set("priority", created.priority() == null ? "NORMAL" : created.priority())
                    .set("startDate", text(created.startDate())).set("originalDueDate", text(created.dueDate()));
            joinsPlan = created.planId();
        }
        // TaskCreated, TaskDeadlineExtended and TaskOverdue carry the due date in force after the change.
        String dueDate = data.hasNonNull("dueDate") ? data.get("dueDate").asString() : null;
        if (dueDate != null) {
            update.set("dueDate", dueDate);
            entry.append("dueDate", dueDate);
        }
        if (TaskState.DONE.equals(status)) {
            completion(event, at, dueDate, update);
        } else {
            update.unset("completedAt").unset("dueDateAtCompletion");
        }
        if (payload instanceof DisseminationSessionRecorded session) {
            entry.append("unit", session.unitCode()).append("reached", session.unitOfficialsReached())
                    .append("total", session.officialsTotal());
            update.set("reach." + fieldName(session.unitCode()), new Document("reached",
                    session.unitOfficialsReached()).append("total", session.officialsTotal()))
                    .addToSet("disseminationUnits", session.unitCode());
        }
        return new EventChange(event, entry, update, joinsPlan);
    }

    private static Update joined(List<String> taskIds) {
        return new Update().addToSet("taskIds").each(taskIds.toArray());
    }

    /**
     * Adds tasks to the plan's membership; adding one already there changes nothing. Only the upsert's {@code _id} is
     * queried, which the wire server finds by its index. Two first upserts of one plan at the same time can both try
     * the insert (real MongoDB retries that itself on an {@code _id} equality, older servers do not): the loser's
     * tasks are then added to the document the other inserted.
     */
    private void addMembers(String planId, List<String> taskIds) {
        Query plan = Query.query(Criteria.where("_id").is(planId));
        Update add = joined(taskIds);
        try {
            mongo.upsert(plan, add, PLAN_TASKS);
        } catch (DuplicateKeyException insertedMeanwhile) {
            mongo.updateFirst(plan, add, PLAN_TASKS);
        }
    }

    /**
     * Becoming DONE records when, with the due date in force; staying DONE keeps the first time. Whether the task was
     * already DONE is read from the view: the update is applied only on the version read just before it (the events
     * of a task are applied one at a time), and only DONE events need the read.
     */
    private void completion(IncomingEvent event, Date at, String dueDate, Update update) {
        Document before = null;
        if (event.version() > 1) {
            Query query = Query.query(Criteria.where("_id").is(event.subject()));
            query.fields().include("status").include("dueDate");
            before = mongo.findOne(query, Document.class, COLLECTION);
        }
        if (before == null || !TaskState.DONE.equals(before.getString("status"))) {
            update.set("completedAt", at).set("dueDateAtCompletion",
                    dueDate != null || before == null ? dueDate : before.getString("dueDate"));
        }
    }

    /**
     * Inserts the event's entry; false if one of its version is there already (an earlier delivery's, which the
     * unique id refuses to duplicate).
     */
    private boolean record(Document entry) {
        try {
            mongo.insert(entry, HISTORY);
            return true;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    /** The task's present facts (no history). */
    public Optional<TaskRecord> find(String taskId) {
        // by _id alone, the wire server's indexed lookup; with the title in the query it would scan the views
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(taskId)), Document.class,
                COLLECTION)).filter(TaskViews::isTask).map(d -> toView(d).task());
    }

    /** The plans' tasks with their present facts: enough for their state now. */
    public List<TaskRecord> ofPlans(Collection<String> planIds) {
        return ofPlans(planIds, null);
    }

    /**
     * The plans' tasks, able to tell their state before {@code cutoff} (null: now, no history read) — before that
     * cutoff, or one at which the same tasks need no history: ask with the cutoff they were read with. In the order of
     * the plans given, each plan's tasks in the order they were created (the query by plan had no order either).
     */
    public List<TaskRecord> ofPlans(Collection<String> planIds, Instant cutoff) {
        Set<String> plans = Set.copyOf(planIds);
        return withPast(viewsInOrder(taskIdsOf(planIds), d -> isTaskOf(d, plans)), cutoff);
    }

    /**
     * The plans' tasks ordered by due date (none first), then id, as a query sorted by both would give them, read in
     * batches for exports of any size; see {@link #ofPlans}. The order is taken from the views' due dates first, then
     * the views are read a batch at a time in that order.
     */
    public Stream<TaskRecord> streamOfPlans(Collection<String> planIds, Instant cutoff) {
        Set<String> plans = Set.copyOf(planIds);
        List<Document> keys = new ArrayList<>();
        forEachById(COLLECTION, taskIdsOf(planIds), new String[] {"planId", "title", "dueDate"}, d -> {
            if (isTaskOf(d, plans)) {
                keys.add(d);
            }
        });
        keys.sort(Comparator.comparing((Document d) -> d.getString("dueDate"),
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(d -> d.getString("_id")));
        List<String> ordered = keys.stream().map(d -> d.getString("_id")).toList();
        Iterator<List<View>> batches = batches(ordered);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(batches, Spliterator.ORDERED), false)
                .flatMap(batch -> withPast(batch, cutoff).stream());
    }

    /** The tasks of the plans, as their memberships list them, each once. */
    private List<String> taskIdsOf(Collection<String> planIds) {
        Set<String> taskIds = new LinkedHashSet<>();
        List<String> plans = new ArrayList<>(planIds);
        Map<String, List<String>> byPlan = new HashMap<>();
        forEachById(PLAN_TASKS, plans, null,
                d -> byPlan.put(d.getString("_id"), d.getList("taskIds", String.class, List.of())));
        plans.forEach(plan -> taskIds.addAll(byPlan.getOrDefault(plan, List.of())));
        return new ArrayList<>(taskIds);
    }

    /**
     * The documents of the ids, by {@code _id $in} only (the wire server's one indexed lookup), in queries of bounded
     * size; {@code fields}: null for all.
     */
    private void forEachById(String collection, List<String> ids, String[] fields, Consumer<Document> action) {
        for (int from = 0; from < ids.size(); from += idsPerQuery) {
            Query query = Query.query(Criteria.where("_id").in(ids.subList(from,
                    Math.min(ids.size(), from + idsPerQuery))));
            if (fields != null) {
                query.fields().include(fields);
            }
            mongo.find(query, Document.class, collection).forEach(action);
        }
    }

    /** The views of the ids that {@code keep} accepts, in the ids' order. */
    private List<View> viewsInOrder(List<String> ids, Predicate<Document> keep) {
        Map<String, Document> byId = new HashMap<>();
        forEachById(COLLECTION, ids, null, d -> byId.put(d.getString("_id"), d));
        List<View> views = new ArrayList<>(byId.size());
        for (String id : ids) {
            Document d = byId.get(id);
            if (d != null && keep.test(d)) {
                views.add(toView(d));
            }
        }
        return views;
    }

    /** A view made by a TaskCreated (the only one that sets the title) of one of the plans. */
    private static boolean isTaskOf(Document d, Set<String> planIds) {
        return isTask(d) && planIds.contains(d.getString("planId"));
    }

    /** What {@code title: {$exists: true}} selected (fields are included only when present, so this holds). */
    private static boolean isTask(Document d) {
        return d.containsKey("title");
    }

    /** Tasks the unit leads or coordinates, or whose sessions reached its officials; see {@link #ofPlans}. */
    public List<TaskRecord> ofUnit(String unitCode, Instant cutoff) {
        Criteria criteria = new Criteria().orOperator(Criteria.where("leadUnitCode").is(unitCode),
                Criteria.where("coordinatingUnitCodes").is(unitCode),
                Criteria.where("disseminationUnits").is(unitCode),
                // views written before the history moved to task_history
                Criteria.where("history.unit").is(unitCode));
        return withPast(mongo.find(Query.query(criteria), Document.class, COLLECTION).stream()
                .filter(d -> d.getString("title") != null).map(TaskViews::toView).toList(), cutoff);
    }

    /** Every task the service knows; see {@link #ofPlans}. */
    public List<TaskRecord> all(Instant cutoff) {
        return withPast(mongo.find(Query.query(Criteria.where("title").exists(true)), Document.class, COLLECTION)
                .stream().map(TaskViews::toView).toList(), cutoff);
    }

    /** A view as read, with the version its history goes up to. */
    record View(TaskRecord task, long lastVersion) {
    }

    /**
     * The tasks with their histories where the state before {@code cutoff} can differ from the present one: those
     * created before it with an event at or after it ({@link TaskRecord#needsHistoryFor}). Their entries are read by
     * id, 1 to the view's last version, except the versions a view written before the change still carries itself.
     */
    private List<TaskRecord> withPast(List<View> views, Instant cutoff) {
        List<String> ids = new ArrayList<>();
        for (View view : views) {
            if (view.task().needsHistoryFor(cutoff)) {
                Set<Long> embedded = new HashSet<>();
                view.task().history().forEach(e -> embedded.add(e.version()));
                for (long v = 1; v <= view.lastVersion(); v++) {
                    if (!embedded.contains(v)) {
                        ids.add(historyId(view.task().id(), v));
                    }
                }
            }
        }
        Map<String, List<TaskEntry>> entries = entriesOf(ids);
        List<TaskRecord> result = new ArrayList<>(views.size());
        for (View view : views) {
            TaskRecord task = view.task();
            if (!task.needsHistoryFor(cutoff)) {
                result.add(task);
                continue;
            }
            Map<Long, TaskEntry> byVersion = new TreeMap<>();
            task.history().forEach(e -> byVersion.put(e.version(), e));
            entries.getOrDefault(task.id(), List.of()).forEach(e -> byVersion.putIfAbsent(e.version(), e));
            result.add(task.withHistory(new ArrayList<>(byVersion.values())));
        }
        return result;
    }

    private Map<String, List<TaskEntry>> entriesOf(List<String> ids) {
        Map<String, List<TaskEntry>> byTask = new HashMap<>();
        forEachById(HISTORY, ids, null,
                d -> byTask.computeIfAbsent(d.getString("taskId"), k -> new ArrayList<>()).add(entry(d)));
        return byTask;
    }

    /** The views of the ids, a batch at a time (never more than a query takes), in the ids' order. */
    private Iterator<List<View>> batches(List<String> ids) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < ids.size();
            }

            @Override
            public List<View> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int size = Math.min(TASKS_PER_BATCH, idsPerQuery);
                List<String> batch = ids.subList(next, Math.min(ids.size(), next + size));
                next += batch.size();
                return viewsInOrder(batch, d -> true);
            }
        };
    }

    static String historyId(String taskId, long version) {
        return taskId + ":" + version;
    }

    /**
     * The present facts of a view. One written before the history moved out has no creation or completion fields
     * (unless an event since set them) and carries its entries up to then: those facts are folded from them, and the
     * reach recorded since overrides theirs.
     */
    static View toView(Document d) {
        List<TaskEntry> embedded = d.getList("history", Document.class, List.of()).stream().map(TaskViews::entry)
                .toList();
        LocalDate originalDueDate = date(d.getString("originalDueDate"));
        TaskRecord.Fold legacy = TaskRecord.Fold.of(embedded.stream()
                        .sorted(Comparator.comparingLong(TaskEntry::version)).toList(), originalDueDate, null)
                .orElse(null);
        String status = d.getString("status");
        Instant createdAt = instant(d, "createdAt");
        if (createdAt == null && legacy != null) {
            createdAt = legacy.createdAt();
        }
        Instant lastEventAt = instant(d, "lastEventAt");
        for (TaskEntry e : embedded) {
            lastEventAt = lastEventAt == null || e.at().isAfter(lastEventAt) ? e.at() : lastEventAt;
        }
        Instant completedAt = null;
        LocalDate dueAtCompletion = null;
        if (TaskState.DONE.equals(status)) {
            if (d.containsKey("completedAt")) {
                completedAt = instant(d, "completedAt");
                dueAtCompletion = date(d.getString("dueDateAtCompletion"));
            } else if (legacy != null) {
                // DONE since before the history moved out, every event since DONE as well
                completedAt = legacy.completedAt();
                dueAtCompletion = legacy.dueAtCompletion();
            }
        }
        Map<String, Reach> reach = new HashMap<>(legacy == null ? Map.of() : legacy.reach());
        Document recorded = d.get("reach", Document.class);
        if (recorded != null) {
            recorded.forEach((key, value) -> {
                Document r = (Document) value;
                reach.put(unitOf(key), new Reach(r.getInteger("reached"), r.getInteger("total")));
            });
        }
        Object version = d.get(VersionedCopies.LAST_VERSION);
        TaskRecord task = new TaskRecord(d.getString("_id"), d.getString("planId"), d.getString("title"),
                d.getString("kind"), d.getString("priority"), d.getString("leadUnitCode"),
                d.getList("coordinatingUnitCodes", String.class, List.of()), date(d.getString("startDate")),
                originalDueDate, status, d.getInteger("percentComplete", 0), date(d.getString("dueDate")), createdAt,
                completedAt, dueAtCompletion, reach, lastEventAt, embedded, false);
        return new View(task, version == null ? 0 : ((Number) version).longValue());
    }

    private static TaskEntry entry(Document h) {
        return new TaskEntry(((Number) h.get("v")).longValue(), h.getDate("at").toInstant(), h.getString("type"),
                h.getString("status"), h.getInteger("percent", 0), date(h.getString("dueDate")), h.getString("unit"),
                h.getInteger("reached"), h.getInteger("total"));
    }

    /**
     * A unit code as a field name of the reach map: codes are free text up to 32 characters, and a '.' would be read
     * as a path and a leading '$' as an operator, so '%', '.' and '$' are percent-encoded.
     */
    static String fieldName(String unitCode) {
        StringBuilder name = new StringBuilder(unitCode.length());
        for (char c : unitCode.toCharArray()) {
            switch (c) {
                case '%' -> name.append("%25");
                case '.' -> name.append("%2E");
                case '$' -> name.append("%24");
                default -> name.append(c);
            }
        }
        return name.toString();
    }

    static String unitOf(String fieldName) {
        StringBuilder unit = new StringBuilder(fieldName.length());
        for (int i = 0; i < fieldName.length(); i++) {
            char c = fieldName.charAt(i);
            if (c == '%' && i + 2 < fieldName.length()) {
                unit.append((char) Integer.parseInt(fieldName.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                unit.append(c);
            }
        }
        return unit.toString();
    }

    private static Instant instant(Document d, String field) {
        Date value = d.getDate(field);
        return value == null ? null : value.toInstant();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
