package vn.giamngheo.task;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import vn.giamngheo.contracts.EventJson;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.contracts.plan.PlanCreated;
import vn.giamngheo.contracts.plan.PlanIssued;
import vn.giamngheo.contracts.unit.UnitRegistered;
import vn.giamngheo.support.testing.HttpApi;
import vn.giamngheo.support.testing.TestCaller;
import vn.giamngheo.support.testing.TestProducer;
import vn.giamngheo.support.testing.TopicProbe;
import vn.giamngheo.task.task.TaskStore;

/**
 * What every task-service scenario shares: the service on a random port, called as the province administrator unless
 * a scenario acts as someone else ({@link #as}), a producer that publishes plan.events as the plan-service would, and
 * Sơn La's units. All scenario classes declare the same configuration, so Spring starts one
 * context for all of them. The overdue check runs every second here, with the real clock: scenarios that need
 * another "today" run their own detector over the same database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "giamngheo.task.overdue.check-interval=PT1S", "giamngheo.task.overdue.initial-delay=PT1S"})
public abstract class TaskServiceScenarios {

    public static final Duration SETTLE = Duration.ofSeconds(30);
    public static final LocalDate SINCE_2004 = LocalDate.of(2004, 1, 1);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected TaskStore store;

    /** The API as the province administrator (ADMIN), who may do everything. */
    protected HttpApi api;
    /** The API as the public: no token. */
    protected HttpApi anonymous;
    protected TestProducer planService;

    @BeforeEach
    void connect() {
        anonymous = new HttpApi("http://localhost:" + port);
        api = anonymous.as(TestCaller.ADMIN);
        planService = new TestProducer(bootstrapServers, "/giamngheo/plan-service");
        // Version 1 of each unit: a redelivery to a context that already has them is skipped as a duplicate.
        agency("BDT-14", "Ban Dân tộc tỉnh Sơn La", "Ethnic Affairs Committee of Sơn La");
        agency("SLDTBXH-14", "Sở Lao động – Thương binh và Xã hội", "Department of Labour, Invalids and Social Affairs");
        agency("SYT-14", "Sở Y tế", "Department of Health");
        agency("SXD-14", "Sở Xây dựng", "Department of Construction");
        agency("STTTT-14", "Sở Thông tin và Truyền thông", "Department of Information and Communications");
        agency("SNNPTNT-14", "Sở Nông nghiệp và Phát triển nông thôn", "Department of Agriculture");
    }

    @AfterEach
    void disconnect() {
        planService.close();
    }

    /** The API as {@code caller}, e.g. {@code as(TestCaller.officerOf("SXD-14"))}. */
    protected HttpApi as(TestCaller caller) {
        return anonymous.as(caller);
    }

    protected void agency(String code, String nameVi, String nameEn) {
        planService.publish(Topics.PLAN_EVENTS, new UnitRegistered(code, 1, "AGENCY", nameVi, nameEn, "UBND-14",
                SINCE_2004, null, List.of(), Instant.now()));
    }

    /** A unit with a code of its own, so a scenario can change or retire it without touching the others. */
    protected String uniqueUnit(String kind, String nameVi, LocalDate validFrom, LocalDate validTo) {
        String code = "U-" + UUID.randomUUID().toString().substring(0, 8);
        planService.publish(Topics.PLAN_EVENTS, new UnitRegistered(code, 1, kind, nameVi, nameVi, "T-14", validFrom,
                validTo, List.of(), Instant.now()));
        return code;
    }

    public static PlanCreated planCreated(String planId) {
        return new PlanCreated(planId, 1, "61/KH-UBND-" + planId.substring(0, 8), "Kế hoạch 61/KH-UBND",
                "PROGRAM_PLAN", "UBND-14", null, LocalDate.of(2022, 3, 3), LocalDate.of(2025, 12, 31), "DRAFT",
                Instant.now());
    }

    /** A plan the task-service learns of from plan.events, already issued (ban hành). */
    protected String issuedPlan() {
        String planId = UUID.randomUUID().toString();
        planService.publish(Topics.PLAN_EVENTS, planCreated(planId));
        planService.publish(Topics.PLAN_EVENTS, new PlanIssued(planId, 2, LocalDate.of(2022, 3, 3), "ISSUED",
                Instant.now()));
        return planId;
    }

    /** Creates a task, waiting for its plan and units to arrive from plan.events; returns the 201 response. */
    protected HttpApi.Response created(String taskJson) {
        return await().atMost(SETTLE).until(() -> api.post("/api/v1/tasks", taskJson), r -> r.status() == 201);
    }

    /** Creates a task under an issued plan (so it is ASSIGNED) and returns its id. */
    protected String assignedTask(String planId, String kind, String lead, LocalDate start, LocalDate due) {
        HttpApi.Response created = created(taskJson(planId, kind, lead, start, due));
        await().atMost(SETTLE).until(() -> api.get("/api/v1/tasks/" + created.text("id")).text("status"),
                "ASSIGNED"::equals);
        return created.text("id");
    }

    public static String taskJson(String planId, String kind, String lead, LocalDate start, LocalDate due) {
        return """
                {"planId":"%s","title":"Nhiệm vụ thực hiện Kế hoạch 61/KH-UBND","kind":"%s","leadUnitCode":"%s",
                 "coordinatingUnitCodes":["BDT-14"],"startDate":"%s","dueDate":"%s"}"""
                .formatted(planId, kind, lead, start, due);
    }

    /**
     * All of the task's events, in topic order, once the relay has published everything the task wrote: its outbox
     * is empty and the probe has read the event of the task's current version (a task's events share one partition,
     * so everything before it has been read too).
     */
    protected List<ConsumerRecord<String, byte[]>> publishedEventsOf(String taskId) {
        return publishedEventsOf(List.of(taskId)).get(taskId);
    }

    /** {@link #publishedEventsOf(String)} for several tasks, read with one probe. */
    protected Map<String, List<ConsumerRecord<String, byte[]>>> publishedEventsOf(Collection<String> taskIds) {
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.TASK_EVENTS)) {
            await().atMost(SETTLE).until(() -> {
                List<ConsumerRecord<String, byte[]>> seen = probe.records();
                return taskIds.stream().allMatch(id -> {
                    long current = store.get(id).version();
                    return outboxEmpty(id) && seen.stream().anyMatch(r -> id.equals(r.key())
                            && EventJson.parse(r.value()).get("version").asLong() == current);
                });
            });
            List<ConsumerRecord<String, byte[]>> all = probe.records();
            Map<String, List<ConsumerRecord<String, byte[]>>> byTask = new LinkedHashMap<>();
            taskIds.forEach(id -> byTask.put(id, all.stream().filter(r -> id.equals(r.key())).toList()));
            return byTask;
        }
    }

    protected boolean outboxEmpty(String taskId) {
        return mongo.count(Query.query(Criteria.where("_id").is(taskId).and("outbox.0").exists(true)),
                TaskStore.COLLECTION) == 0;
    }
}
