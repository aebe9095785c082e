package vn.giamngheo.report.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import com.mongodb.client.result.UpdateResult;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventCatalog;
import vn.giamngheo.contracts.EventJson;
import vn.giamngheo.contracts.task.DisseminationSessionRecorded;
import vn.giamngheo.contracts.task.TaskCompleted;
import vn.giamngheo.contracts.task.TaskCreated;
import vn.giamngheo.contracts.task.TaskDeadlineExtended;
import vn.giamngheo.contracts.task.TaskProgressReported;
import vn.giamngheo.report.task.domain.Reach;
import vn.giamngheo.report.task.domain.TaskEntry;
import vn.giamngheo.report.task.domain.TaskRecord;
import vn.giamngheo.report.task.domain.TaskState;
import vn.giamngheo.support.consume.ApplyOutcome;
import vn.giamngheo.support.consume.EventGapException;
import vn.giamngheo.support.consume.IncomingEvent;
import vn.giamngheo.support.consume.VersionedCopies;

/** The task projection's two writes and its reads of now and of the past, on a MongoDB-wire server without Spring. */
class TaskViewsTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    static MongoServer server;
    static MongoClient client;
    static MongoTemplate mongo;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        mongo = new MongoTemplate(client, "task_views_test");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    static Instant on(String day) {
        return LocalDate.parse(day).atTime(10, 0).atZone(VN).toInstant();
    }

    static Instant endOf(String day) {
        return LocalDate.parse(day).plusDays(1).atStartOfDay(VN).toInstant();
    }

    static IncomingEvent incoming(DomainEvent event, long version) {
        return new IncomingEvent(UUID.randomUUID().toString(), EventCatalog.typeOf(event.getClass()), "task-service",
                event.subject(), event.occurredAt(), version, EventJson.mapper().readTree(EventJson.write(event)));
    }

    static IncomingEvent created(String task, String plan, String day) {
        return incoming(new TaskCreated(task, 1, plan, "Hỗ trợ nhà ở", "INVESTMENT", "SXD-14", List.of("H-128"),
                LocalDate.of(2023, 1, 2), LocalDate.of(2023, 6, 30), "ASSIGNED", 0, on(day)), 1);
    }

    static IncomingEvent created(String task, String plan, String day, String due) {
        return incoming(new TaskCreated(task, 1, plan, "Hỗ trợ nhà ở", "INVESTMENT", "SXD-14", List.of("H-128"),
                LocalDate.of(2023, 1, 2), due == null ? null : LocalDate.parse(due), "ASSIGNED", 0, on(day)), 1);
    }

    static IncomingEvent progress(String task, String plan, long v, String day, String status, int percent) {
        return incoming(new TaskProgressReported(task, v, plan, "báo cáo", status, percent, on(day)), v);
    }

    static IncomingEvent extended(String task, String plan, long v, String day, String due) {
        return incoming(new TaskDeadlineExtended(task, v, plan, LocalDate.of(2023, 6, 30), LocalDate.parse(due),
                "mưa lũ", "SXD-14", 1, "IN_PROGRESS", 40, on(day)), v);
    }

    static IncomingEvent completed(String task, String plan, long v, String day) {
        return incoming(new TaskCompleted(task, v, plan, "xong", "DONE", 100, on(day)), v);
    }

    static IncomingEvent session(String task, String plan, long v, String day, String unit, int reached, int total,
                                 String status, int percent) {
        return incoming(new DisseminationSessionRecorded(task, v, plan, (int) v, LocalDate.parse(day), unit, reached,
                total, reached, null, status, percent, on(day)), v);
    }

    static long entriesOf(String task) {
        return mongo.count(Query.query(Criteria.where("taskId").is(task)), TaskViews.HISTORY);
    }

    static TaskRecord only(List<TaskRecord> tasks) {
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    /**
     * Views over a store whose next upsert into the collection dies, as the process would there; armed after the
     * views' own start-up writes (indexes, membership backfill).
     */
    static TaskViews viewsWhoseNextUpsertDies(String collection) {
        AtomicBoolean dies = new AtomicBoolean(false);
        MongoTemplate crashing = new MongoTemplate(client, "task_views_test") {
            @Override
            public UpdateResult upsert(Query query, UpdateDefinition update, String collectionName) {
                if (collection.equals(collectionName) && dies.getAndSet(false)) {
                    throw new IllegalStateException("the process died");
                }
                return super.upsert(query, update, collectionName);
            }
        };
        TaskViews views = new TaskViews(crashing, new VersionedCopies(crashing));
        dies.set(true);
        return views;
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    @Test
    void a_redelivered_event_leaves_one_history_entry() {
        // given
        TaskViews views = new TaskViews(mongo, new VersionedCopies(mongo));
        String task = newId();
        String plan = newId();
        views.apply(created(task, plan, "2023-01-02"));
        IncomingEvent report = progress(task, plan, 2, "2023-03-15", "IN_PROGRESS", 40);
        assertThat(views.apply(report)).isEqualTo(ApplyOutcome.APPLIED);

        // when
        ApplyOutcome again = views.apply(report);
        ApplyOutcome firstAgain = views.apply(created(task, plan, "2023-01-02"));

        // then
        assertThat(again).isEqualTo(ApplyOutcome.DUPLICATE);
        assertThat(firstAgain).isEqualTo(ApplyOutcome.DUPLICATE);
        assertThat(entriesOf(task)).isEqualTo(2);
        assertThat(mongo.findById(task + ":2", Document.class, TaskViews.HISTORY))
                .containsEntry("taskId", task).containsEntry("v", 2L).containsEntry("status", "IN_PROGRESS")
                .containsEntry("percent", 40).containsEntry("type", "task.TaskProgressReported.v1");
    }

    @Test
    void a_history_entry_that_cannot_be_written_leaves_the_view_where_it_was_until_the_redelivery() {
        // given: a store whose next history insert dies, as the process would before the view's update
        AtomicBoolean dies = new AtomicBoolean(false);
        MongoTemplate crashing = new MongoTemplate(client, "task_views_test") {
            @Override
            public <T> T insert(T objectToSave, String collectionName) {
                if (TaskViews.HISTORY.equals(collectionName) && dies.getAndSet(false)) {
                    throw new IllegalStateException("the process died");
                }
                return super.insert(objectToSave, collectionName);
            }
        };
        TaskViews views = new TaskViews(crashing, new VersionedCopies(crashing));
        String task = newId();
        String plan = newId();
        views.apply(created(task, plan, "2023-01-02"));
        IncomingEvent report = progress(task, plan, 2, "2023-03-15", "IN_PROGRESS", 40);
        dies.set(true);
        assertThatThrownBy(() -> views.apply(report)).hasMessage("the process died");
        // the view shows no version whose entry is missing, so the next event cannot skip the lost one
        assertThat(views.find(task).orElseThrow().percentComplete()).isZero();
        assertThatThrownBy(() -> views.apply(progress(task, plan, 3, "2023-05-01", "IN_PROGRESS", 60)))
                .isInstanceOf(EventGapException.class);

        // when: the uncommitted event is delivered again, then the next one
        ApplyOutcome redelivered = views.apply(report);
        ApplyOutcome next = views.apply(progress(task, plan, 3, "2023-05-01", "IN_PROGRESS", 60));

        // then
        assertThat(redelivered).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(next).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(entriesOf(task)).isEqualTo(3);
        TaskState april = only(views.ofPlans(List.of(plan), endOf("2023-04-01"))).stateBefore(endOf("2023-04-01"),
                VN).orElseThrow();
        assertThat(april.percentComplete()).isEqualTo(40);
    }

    @Test
    void an_entry_written_ahead_of_a_gap_is_not_read_until_the_view_reaches_it() {
        // given
        TaskViews views = new TaskViews(mongo, new VersionedCopies(mongo));
        String task = newId();
        String plan = newId();
        views.apply(created(task, plan, "2023-01-02"));
        views.apply(progress(task, plan, 2, "2023-02-15", "IN_PROGRESS", 20));

        // when
        assertThatThrownBy(() -> views.apply(progress(task, plan, 4, "2023-03-15", "IN_PROGRESS", 40)))
                .isInstanceOf(EventGapException.class);

        // then: the entry is written ahead, the view stays at version 2, and reports of the past fold only its versions
        assertThat(entriesOf(task)).isEqualTo(3);
        assertThat(views.find(task).orElseThrow().percentComplete()).isEqualTo(20);
        // (a cutoff between the view's first and last events, so its history is read)
        TaskRecord asOf = only(views.ofPlans(List.of(plan), endOf("2023-01-02")));
        assertThat(asOf.history()).extracting(TaskEntry::version).containsExactly(1L, 2L);
        assertThat(asOf.stateBefore(endOf("2023-01-02"), VN).orElseThrow().percentComplete()).isZero();
        assertThat(asOf.stateBefore(endOf("2023-03-20"), VN).orElseThrow().percentComplete()).isEqualTo(20);

        // and when the gap is filled
        views.apply(progress(task, plan, 3, "2023-03-01", "IN_PROGRESS", 30));
        assertThat(views.apply(progress(task, plan, 4, "2023-03-15", "IN_PROGRESS", 40)))
                .isEqualTo(ApplyOutcome.APPLIED);
        assertThat(entriesOf(task)).isEqualTo(4);
        TaskRecord filled = only(views.ofPlans(List.of(plan), endOf("2023-01-02")));
        assertThat(filled.history()).extracting(TaskEntry::version).containsExactly(1L, 2L, 3L, 4L);
        assertThat(filled.stateBefore(endOf("2023-03-10"), VN).orElseThrow().percentComplete()).isEqualTo(30);
        assertThat(filled.stateBefore(endOf("2023-03-20"), VN).orElseThrow().percentComplete()).isEqualTo(40);
    }

    @Test
    void the_entry_of_an_event_that_was_never_applied_gives_way_to_the_applied_one() {
        // given: a stray version 3 that arrived ahead of a gap (and was parked), leaving its entry
        TaskViews views = new TaskViews(mongo, new VersionedCopies(mongo));
        String task = newId();
        String plan = newId();
        views.apply(created(task, plan, "2023-01-02"));
        assertThatThrownBy(() -> views.apply(progress(task, plan, 3, "2023-03-01", "IN_PROGRESS", 99)))
                .isInstanceOf(EventGapException.class);
        views.apply(progress(task, plan, 2, "2023-02-15", "IN_PROGRESS", 20));

        // when: the real version 3 is applied, then delivered again, and the stray one too
        ApplyOutcome applied = views.apply(progress(task, plan, 3, "2023-03-15", "IN_PROGRESS", 40));
        ApplyOutcome again = views.apply(progress(task, plan, 3, "2023-03-15", "IN_PROGRESS", 40));
        ApplyOutcome stray = views.apply(progress(task, plan, 3, "2023-03-01", "IN_PROGRESS", 99));

        // then: the entry is the applied event's
        assertThat(applied).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(again).isEqualTo(ApplyOutcome.DUPLICATE);
        assertThat(stray).isEqualTo(ApplyOutcome.DUPLICATE);
        assertThat(entriesOf(task)).isEqualTo(3);
        assertThat(mongo.findById(task + ":3", Document.class, TaskViews.HISTORY)).containsEntry("percent", 40);
        TaskRecord asOf = only(views.ofPlans(List.of(plan), endOf("2023-01-02")));
        assertThat(asOf.stateBefore(endOf("2023-03-10"), VN).orElseThrow().percentComplete()).isEqualTo(20);
        assertThat(asOf.stateBefore(endOf("2023-03-20"), VN).orElseThrow().percentComplete()).isEqualTo(40);
    }

    @Test
    void a_view_that_cannot_be_written_shows_nothing_of_its_entry_or_membership_until_the_redelivery() {
        // given: a store whose next write of a view dies, after the entry and the membership were written
        TaskViews views = viewsWhoseNextUpsertDies(TaskViews.COLLECTION);
        String task = newId();
        String plan = newId();
        assertThatThrownBy(() -> views.apply(created(task, plan, "2023-01-02"))).hasMessage("the process died");
        assertThat(membersOf(mongo, plan)).containsExactly(task);
        assertThat(entriesOf(task)).isEqualTo(1);
        assertThat(views.find(task)).isEmpty();
        assertThat(views.ofPlans(List.of(plan))).isEmpty();
        try (Stream<TaskRecord> exported = views.streamOfPlans(List.of(plan), on("2023-01-02"))) {
            assertThat(exported).isEmpty();
        }

        // when: the uncommitted event is delivered again
        ApplyOutcome redelivered = views.apply(created(task, plan, "2023-01-02"));

        // then
        assertThat(redelivered).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(entriesOf(task)).isEqualTo(1);
        assertThat(views.ofPlans(List.of(plan))).extracting(TaskRecord::id).containsExactly(task);
    }

    @Test
    void the_present_facts_on_the_view_are_the_fold_of_the_whole_history() {
        // given: done late, reopened, done again, a dissemination session after completion, another unit reached
        TaskViews views = new TaskViews(mongo, new VersionedCopies(mongo));
        String task = newId();
        String plan = newId();
        List<IncomingEvent> events = List.of(created(task, plan, "2023-01-02"),
                session(task, plan, 2, "2023-02-01", "H-128", 30, 80, "IN_PROGRESS", 10),
                extended(task, plan, 3, "2023-06-20", "2023-09-30"),
                completed(task, plan, 4, "2023-10-05"),
                progress(task, plan, 5, "2023-10-20", "IN_PROGRESS", 90),
                session(task, plan, 6, "2023-11-01", "H.118", 50, 50, "IN_PROGRESS", 95),
                completed(task, plan, 7, "2023-11-03"),
                session(task, plan, 8, "2023-11-10", "H-128", 70, 80, "DONE", 100));

        // when
        events.forEach(views::apply);

        // then
        TaskRecord now = views.find(task).orElseThrow();
        TaskRecord past = only(views.ofPlans(List.of(plan), endOf("2023-11-09")));
        TaskRecord folded = new TaskRecord(past.id(), past.planId(), past.title(), past.kind(), past.priority(),
                past.leadUnitCode(), past.coordinatingUnitCodes(), past.startDate(), past.originalDueDate(), null, 0,
                null, past.history());
        assertThat(past.history()).hasSize(8);
        assertThat(now.current(VN)).isEqualTo(folded.current(VN));
        TaskState state = now.current(VN).orElseThrow();
        assertThat(state.completedOn()).isEqualTo(LocalDate.of(2023, 11, 3));
        assertThat(state.dueDateAtCompletion()).isEqualTo(LocalDate.of(2023, 9, 30));
        assertThat(state.createdAt()).isEqualTo(on("2023-01-02"));
        assertThat(state.dissemination()).containsEntry("H-128", new Reach(70, 80))
                .containsEntry("H.118", new Reach(50, 50));
        assertThat(views.ofUnit("H.118", null)).extracting(TaskRecord::id).contains(task);
        TaskState november = past.stateBefore(endOf("2023-11-09"), VN).orElseThrow();
        assertThat(november.dissemination()).containsEntry("H-128", new Reach(30, 80));
        assertThat(november.completedOn()).isEqualTo(LocalDate.of(2023, 11, 3));
    }

    @Test
    void as_of_reports_fold_the_entries_and_reports_of_now_do_not_need_them() {
        // given
        TaskViews views = new TaskViews(mongo, new VersionedCopies(mongo));
        String task = newId();
        String plan = newId();
        List.of(created(task, plan, "2023-01-02"), progress(task, plan, 2, "2023-03-15", "IN_PROGRESS", 40),
                extended(task, plan, 3, "2023-06-20", "2023-09-30"), completed(task, plan, 4, "2023-10-05"))
                .forEach(views::apply);

        // when
        TaskState april = only(views.ofPlans(List.of(plan), endOf("2023-04-01")))
                .stateBefore(endOf("2023-04-01"), VN).orElseThrow();
        TaskRecord readBeforeCreation = only(views.ofPlans(List.of(plan), endOf("2022-12-31")));
        TaskState beforeCreation = readBeforeCreation.stateBefore(endOf("2022-12-31"), VN).orElse(null);
        mongo.remove(Query.query(Criteria.where("taskId").is(task)), TaskViews.HISTORY);
        TaskState now = only(views.ofPlans(List.of(plan))).current(VN).orElseThrow();
        TaskState endOfYear = only(views.ofPlans(List.of(plan), endOf("2023-12-31")))
                .stateBefore(endOf("2023-12-31"), VN).orElseThrow();

        // then
        assertThat(april.status()).isEqualTo("IN_PROGRESS");
        assertThat(april.percentComplete()).isEqualTo(40);
        assertThat(april.dueDate()).isEqualTo(LocalDate.of(2023, 6, 30));
        assertThat(beforeCreation).isNull();
        // a task created after the cutoff did not exist before it: its history is not even read
        assertThat(readBeforeCreation.historyRead()).isFalse();
        assertThat(now.isDone()).isTrue();
        assertThat(now.completedOn()).isEqualTo(LocalDate.of(2023, 10, 5));
        assertThat(now.delayDays()).isEqualTo(5);
        assertThat(endOfYear).isEqualTo(now);
        assertThatThrownBy(() -> only(views.ofPlans(List.of(plan))).stateBefore(endOf("2023-04-01"), VN))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_view_written_with_an_embedded_history_still_reads_and_merges_the_entries_written_since() {
        // given: a view as the projection wrote it before the history moved out — done on 05/10 after an extension —
        // in a database the service now starts on (which adds the view to its plan's tasks)
        MongoTemplate db = freshDatabase();
        String task = newId();
        String plan = newId();
        List<Document> history = new ArrayList<>(List.of(
                legacyEntry(1, "2023-01-02", "task.TaskCreated.v1", "ASSIGNED", 0).append("dueDate", "2023-06-30"),
                legacyEntry(2, "2023-02-01", "task.DisseminationSessionRecorded.v1", "IN_PROGRESS", 10)
                        .append("unit", "H-128").append("reached", 30).append("total", 80),
                legacyEntry(3, "2023-06-20", "task.TaskDeadlineExtended.v1", "IN_PROGRESS", 40)
                        .append("dueDate", "2023-09-30"),
                legacyEntry(4, "2023-10-05", "task.TaskCompleted.v1", "DONE", 100)));
        db.insert(new Document("_id", task).append("planId", plan).append("status", "DONE")
                .append("percentComplete", 100).append("title", "Hỗ trợ nhà ở").append("leadUnitCode", "SXD-14")
                .append("coordinatingUnitCodes", List.of("H-128")).append("kind", "INVESTMENT")
                .append("priority", "HIGH").append("startDate", "2023-01-02").append("originalDueDate", "2023-06-30")
                .append("dueDate", "2023-09-30").append("history", history).append("lastVersion", 4L),
                TaskViews.COLLECTION);
        TaskViews views = new TaskViews(db, new VersionedCopies(db));

        // when: a session after completion arrives
        ApplyOutcome outcome = views.apply(session(task, plan, 5, "2023-11-10", "H-118", 50, 60, "DONE", 100));

        // then: now from the embedded history and the facts recorded since, the past from both merged by version
        assertThat(outcome).isEqualTo(ApplyOutcome.APPLIED);
        TaskState now = views.find(task).orElseThrow().current(VN).orElseThrow();
        assertThat(now.completedOn()).isEqualTo(LocalDate.of(2023, 10, 5));
        assertThat(now.dueDateAtCompletion()).isEqualTo(LocalDate.of(2023, 9, 30));
        assertThat(now.createdAt()).isEqualTo(on("2023-01-02"));
        assertThat(now.dissemination()).containsEntry("H-128", new Reach(30, 80))
                .containsEntry("H-118", new Reach(50, 60));
        assertThat(views.ofUnit("H-128", null)).extracting(TaskRecord::id).contains(task);
        TaskRecord withPast = only(views.ofPlans(List.of(plan), endOf("2023-11-09")));
        assertThat(withPast.history()).extracting(e -> e.version()).containsExactly(1L, 2L, 3L, 4L, 5L);
        TaskState november = withPast.stateBefore(endOf("2023-11-09"), VN).orElseThrow();
        assertThat(november.dissemination()).containsOnlyKeys("H-128");
        TaskState july = withPast.stateBefore(endOf("2023-07-01"), VN).orElseThrow();
        assertThat(july.dueDate()).isEqualTo(LocalDate.of(2023, 9, 30));
        assertThat(july.percentComplete()).isEqualTo(40);
    }

    static Document legacyEntry(long v, String day, String type, String status, int percent) {
        return new Document("v", v).append("at", Date.from(on(day))).append("type", type).append("status", status)
                .append("percent", percent);
    }

    @Test
    void a_task_view_no_longer_grows_with_its_events() {
        // given
        TaskViews views = new TaskViews(mongo, new VersionedCopies(mongo));
        String task = newId();
        String plan = newId();
        views.apply(created(task, plan, "2023-01-02"));
        for (int v = 2; v <= 11; v++) {
            views.apply(progress(task, plan, v, "2023-03-15", "IN_PROGRESS", v % 100));
        }
        int sizeAfter10 = storedSize(task);

        // when
        for (int v = 12; v <= 201; v++) {
            views.apply(progress(task, plan, v, "2023-03-15", "IN_PROGRESS", v % 100));
        }

        // then
        Document view = mongo.findById(task, Document.class, TaskViews.COLLECTION);
        assertThat(view).doesNotContainKey("history").containsEntry("lastVersion", 201L);
        assertThat(storedSize(task)).isEqualTo(sizeAfter10);
        assertThat(entriesOf(task)).isEqualTo(201);
    }

    static int storedSize(String task) {
        Document view = mongo.findById(task, Document.class, TaskViews.COLLECTION);
        return new RawBsonDocument(view, new DocumentCodec()).getByteBuffer().remaining();
    }

    static List<String> membersOf(MongoTemplate db, String plan) {
        Document membership = db.findById(plan, Document.class, TaskViews.PLAN_TASKS);
        return membership == null ? List.of() : membership.getList("taskIds", String.class);
    }

    static MongoTemplate freshDatabase() {
        return new MongoTemplate(client, "plan_tasks_" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** A view as the projection wrote it before memberships were kept. */
    static Document viewWithoutMembership(String task, String plan, String due) {
        return new Document("_id", task).append("planId", plan).append("status", "ASSIGNED")
                .append("percentComplete", 0).append("title", "Hỗ trợ nhà ở").append("leadUnitCode", "SXD-14")
                .append("kind", "INVESTMENT").append("priority", "NORMAL").append("startDate", "2023-01-02")
                .append("originalDueDate", due).append("dueDate", due).append("createdAt", Date.from(on("2023-01-02")))
                .append("lastEventAt", Date.from(on("2023-01-02"))).append("lastVersion", 1L);
    }

    static boolean backfilled(MongoTemplate db) {
        return db.findById(TaskViews.BACKFILLED, Document.class, TaskViews.PLAN_TASKS) != null;
    }

    @Test
    void a_redelivered_creation_records_the_task_in_its_plan_once() {
        // given
        TaskViews views = new TaskViews(mongo, new VersionedCopies(mongo));
        String plan = newId();
        String first = newId();
        String second = newId();
        views.apply(created(first, plan, "2023-01-02"));
        views.apply(created(second, plan, "2023-01-03"));

        // when
        ApplyOutcome again = views.apply(created(first, plan, "2023-01-02"));
        views.apply(progress(first, plan, 2, "2023-03-15", "IN_PROGRESS", 40));

        // then
        assertThat(again).isEqualTo(ApplyOutcome.DUPLICATE);
        assertThat(membersOf(mongo, plan)).containsExactly(first, second);
        assertThat(views.ofPlans(List.of(plan))).extracting(TaskRecord::id).containsExactly(first, second);
    }

    @Test
    void a_membership_that_cannot_be_written_leaves_no_view_until_the_redelivery() {
        // given: a store whose next membership write dies, as the process would before the view's update
        TaskViews views = viewsWhoseNextUpsertDies(TaskViews.PLAN_TASKS);
        String task = newId();
        String plan = newId();
        assertThatThrownBy(() -> views.apply(created(task, plan, "2023-01-02"))).hasMessage("the process died");
        // no view that the plan's reads would miss
        assertThat(views.find(task)).isEmpty();
        assertThat(views.ofPlans(List.of(plan))).isEmpty();

        // when: the uncommitted event is delivered again
        ApplyOutcome redelivered = views.apply(created(task, plan, "2023-01-02"));

        // then
        assertThat(redelivered).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(membersOf(mongo, plan)).containsExactly(task);
        assertThat(views.ofPlans(List.of(plan))).extracting(TaskRecord::id).containsExactly(task);
        assertThat(entriesOf(task)).isEqualTo(1);
    }

    @Test
    void the_backfill_finds_the_views_written_before_memberships_and_survives_a_crash_in_the_middle() {
        // given: views of two plans without memberships, and a first start that dies after one plan's memberships
        MongoTemplate db = freshDatabase();
        String planA = newId();
        String planB = newId();
        String a1 = newId();
        String a2 = newId();
        String b1 = newId();
        db.insert(viewWithoutMembership(a1, planA, "2023-06-30"), TaskViews.COLLECTION);
        db.insert(viewWithoutMembership(b1, planB, "2023-05-31"), TaskViews.COLLECTION);
        db.insert(viewWithoutMembership(a2, planA, "2023-04-30"), TaskViews.COLLECTION);
        AtomicInteger upserts = new AtomicInteger();
        MongoTemplate crashing = new MongoTemplate(client, db.getDb().getName()) {
            @Override
            public UpdateResult upsert(Query query, UpdateDefinition update, String collectionName) {
                if (TaskViews.PLAN_TASKS.equals(collectionName) && upserts.incrementAndGet() == 2) {
                    throw new IllegalStateException("the process died");
                }
                return super.upsert(query, update, collectionName);
            }
        };
        assertThatThrownBy(() -> new TaskViews(crashing, new VersionedCopies(crashing)))
                .hasMessage("the process died");
        assertThat(backfilled(db)).isFalse();

        // when: the service starts again, and once more
        TaskViews views = new TaskViews(db, new VersionedCopies(db));
        new TaskViews(db, new VersionedCopies(db));

        // then: every view is its plan's member, once
        assertThat(backfilled(db)).isTrue();
        assertThat(membersOf(db, planA)).containsExactlyInAnyOrder(a1, a2);
        assertThat(membersOf(db, planB)).containsExactly(b1);
        assertThat(views.ofPlans(List.of(planA, planB))).extracting(TaskRecord::id)
                .containsExactlyInAnyOrder(a1, a2, b1);
        assertThat(views.streamOfPlans(List.of(planA), null)).extracting(TaskRecord::id).containsExactly(a2, a1);
    }

    @Test
    void a_start_after_the_backfill_finds_plans_by_their_memberships_only() {
        // given: a fresh database, whose first start leaves the marker and nothing else
        MongoTemplate db = freshDatabase();
        new TaskViews(db, new VersionedCopies(db));
        assertThat(db.count(new Query(), TaskViews.PLAN_TASKS)).isEqualTo(1);
        assertThat(backfilled(db)).isTrue();
        String plan = newId();
        String task = newId();
        db.insert(viewWithoutMembership(task, plan, "2023-06-30"), TaskViews.COLLECTION);

        // when: the service starts again
        TaskViews views = new TaskViews(db, new VersionedCopies(db));

        // then: the views are not scanned again, and the reads by plan do not look at the views' plan
        assertThat(membersOf(db, plan)).isEmpty();
        assertThat(views.ofPlans(List.of(plan))).isEmpty();
        assertThat(views.find(task)).isPresent();
    }

    @Test
    void the_reads_by_plan_give_the_tasks_and_the_order_the_query_by_plan_gave() {
        // given: queries of 3 ids, so every read crosses query and batch boundaries; shared due dates, one task
        // without a due date, one whose due date was extended, and tasks of a plan not asked for
        MongoTemplate db = freshDatabase();
        TaskViews views = new TaskViews(db, new VersionedCopies(db), 3);
        List<String> plans = List.of(newId(), newId(), newId());
        List<String> dues = java.util.Arrays.asList("2023-06-30", "2023-03-31", null, "2023-06-30", "2024-01-15");
        for (int i = 0; i < 14; i++) {
            String task = newId();
            String plan = plans.get(i % plans.size());
            views.apply(created(task, plan, "2023-01-02", dues.get(i % dues.size())));
            if (i % 4 == 0) {
                views.apply(progress(task, plan, 2, "2023-03-15", "IN_PROGRESS", 40));
            }
            if (i == 5) {
                views.apply(extended(task, plan, 2, "2023-03-20", "2023-02-01"));
            }
        }
        List<String> asked = List.of(plans.get(0), plans.get(2));
        Query byPlan = Query.query(Criteria.where("planId").in(asked).and("title").exists(true))
                .with(Sort.by("dueDate", "_id"));
        List<String> expected = db.find(byPlan, Document.class, TaskViews.COLLECTION).stream()
                .map(d -> d.getString("_id")).toList();
        assertThat(expected).hasSizeGreaterThan(6);

        // when
        List<TaskRecord> now = views.ofPlans(asked, null);
        List<TaskRecord> march = views.ofPlans(asked, endOf("2023-03-01"));
        List<TaskRecord> streamed;
        try (Stream<TaskRecord> stream = views.streamOfPlans(asked, endOf("2023-03-01"))) {
            streamed = stream.toList();
        }

        // then
        assertThat(now).extracting(TaskRecord::id).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(streamed).extracting(TaskRecord::id).containsExactlyElementsOf(expected);
        assertThat(streamed).containsExactlyInAnyOrderElementsOf(march);
        assertThat(march).allSatisfy(task -> assertThat(task.stateBefore(endOf("2023-03-01"), VN)).isPresent());
    }

    @Test
    void unit_codes_are_kept_as_field_names_whatever_their_characters() {
        for (String unit : List.of("H-128", "H.128", "$x", "a%2Eb", "%", "x%")) {
            assertThat(TaskViews.unitOf(TaskViews.fieldName(unit))).isEqualTo(unit);
            assertThat(TaskViews.fieldName(unit)).doesNotContain(".").doesNotStartWith("$");
        }
    }
}
