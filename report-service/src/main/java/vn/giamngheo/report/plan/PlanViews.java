package vn.giamngheo.report.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.plan.PlanCreated;
import vn.giamngheo.contracts.plan.PlanDetailsChanged;
import vn.giamngheo.contracts.plan.PlanIssued;
import vn.giamngheo.contracts.plan.PlanRevised;
import vn.giamngheo.report.plan.domain.IndicatorDef;
import vn.giamngheo.report.plan.domain.ObjectiveDef;
import vn.giamngheo.report.plan.domain.PlanRecord;
import vn.giamngheo.report.plan.domain.PlanStructure;
import vn.giamngheo.report.plan.domain.TargetDef;
import vn.giamngheo.support.consume.ApplyOutcome;
import vn.giamngheo.support.consume.IncomingEvent;
import vn.giamngheo.support.consume.VersionedCopies;

/**
 * The report-service's copy of plans (one document per plan), kept from plan.events: header, hierarchy, objectives,
 * indicators with baselines and targets, and the history of the plan's status with the time of each step.
 *
 * <p>Every event is applied with one version-checked single-document update. Structure events (an objective or
 * indicator added, changed, removed, targets set) are folded onto the structure read from the document: the update
 * is conditioned on the version that was read, so a concurrent or repeated apply of the same event cannot mix states.
 * Decimal values are kept as text, so baselines and targets stay exact.
 */
@Component
public class PlanViews {

    public static final String COLLECTION = "plan_views";
    /** The plan-service's default program, for PlanCreated events written before the field existed. */
    static final String DEFAULT_PROGRAM = "SUSTAINABLE_POVERTY_REDUCTION";

    private final MongoTemplate mongo;
    private final VersionedCopies copies;

    public PlanViews(MongoTemplate mongo, VersionedCopies copies) {
        this.mongo = mongo;
        this.copies = copies;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("parentPlanId", Sort.Direction.ASC));
    }

    public ApplyOutcome apply(IncomingEvent event) {
        DomainEvent payload = event.payload();
        String status = event.data().get("status").asString();
        Update update = new Update().set("status", status)
                .push("history", new Document("v", event.version()).append("at", Date.from(payload.occurredAt()))
                        .append("status", status));
        if (payload instanceof PlanCreated created) {
            update.set("code", created.code()).set("title", created.title()).set("kind", created.kind())
                    .set("program", created.program() == null ? DEFAULT_PROGRAM : created.program())
                    .set("issuingUnitCode", created.issuingUnitCode()).set("parentPlanId", created.parentPlanId())
                    .set("periodStart", text(created.periodStart())).set("periodEnd", text(created.periodEnd()));
            structure(update, PlanStructure.EMPTY);
        } else if (payload instanceof PlanDetailsChanged changed) {
            update.set("title", changed.title()).set("program", changed.program())
                    .set("issuingUnitCode", changed.issuingUnitCode()).set("parentPlanId", changed.parentPlanId())
                    .set("periodStart", text(changed.periodStart())).set("periodEnd", text(changed.periodEnd()));
        } else if (payload instanceof PlanIssued issued) {
            update.set("issuedOn", text(issued.issuedOn()));
        }
        if (payload instanceof PlanRevised revised) {
            update.set("title", revised.title()).set("program", revised.program())
                    .set("periodStart", text(revised.periodStart())).set("periodEnd", text(revised.periodEnd()));
            structure(update, PlanStructure.of(revised.objectives()));
        } else if (PlanStructure.changesStructure(payload)) {
            structure(update, currentStructure(event.subject()).apply(payload));
        }
        return copies.applyNext(COLLECTION, event.subject(), event.version(), update);
    }

    public Optional<PlanRecord> find(String planId) {
        Document d = mongo.findOne(Query.query(Criteria.where("_id").is(planId)), Document.class, COLLECTION);
        return Optional.ofNullable(d).filter(v -> v.getString("code") != null).map(PlanViews::toRecord);
    }

    /** Every plan, by code. */
    public List<PlanRecord> all() {
        Query query = new Query(Criteria.where("code").exists(true)).with(Sort.by("code"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(PlanViews::toRecord).toList();
    }

    /** The plan and every plan below it (its plans, their plans …), the plan first, then breadth first. */
    public List<PlanRecord> withDescendants(PlanRecord root) {
        List<PlanRecord> result = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        Deque<PlanRecord> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            PlanRecord plan = queue.removeFirst();
            if (seen.putIfAbsent(plan.id(), true) != null) {
                continue; // a cycle in parent links never loops forever
            }
            result.add(plan);
            queue.addAll(children(plan.id()));
        }
        return result;
    }

    public List<PlanRecord> children(String planId) {
        Query query = Query.query(Criteria.where("parentPlanId").is(planId).and("code").exists(true))
                .with(Sort.by("code"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(PlanViews::toRecord).toList();
    }

    private PlanStructure currentStructure(String planId) {
        Query query = Query.query(Criteria.where("_id").is(planId));
        query.fields().include("objectives", "indicators");
        Document d = mongo.findOne(query, Document.class, COLLECTION);
        return d == null ? PlanStructure.EMPTY : structureOf(d);
    }

    private static void structure(Update update, PlanStructure structure) {
        update.set("objectives", structure.objectives().stream().map(o -> new Document("code", o.code())
                .append("nameVi", o.nameVi()).append("nameEn", o.nameEn())).toList());
        update.set("indicators", structure.indicators().stream().map(i -> new Document("code", i.code())
                .append("objectiveCode", i.objectiveCode()).append("nameVi", i.nameVi()).append("nameEn", i.nameEn())
                .append("unitOfMeasure", i.unitOfMeasure()).append("direction", i.direction())
                .append("baselineYear", i.baselineYear()).append("baselineValue", decimal(i.baselineValue()))
                .append("measurementLevel", i.measurementLevel())
                .append("targets", i.targets().stream().map(t -> new Document("year", t.year())
                        .append("areaCode", t.areaCode()).append("value", decimal(t.value()))).toList())).toList());
    }

    static PlanRecord toRecord(Document d) {
        List<PlanRecord.StatusEntry> history = d.getList("history", Document.class, List.of()).stream()
                .map(h -> new PlanRecord.StatusEntry(((Number) h.get("v")).longValue(), h.getDate("at").toInstant(),
                        h.getString("status"))).toList();
        return new PlanRecord(d.getString("_id"), d.getString("code"), d.getString("title"), d.getString("kind"),
                d.getString("program"), d.getString("issuingUnitCode"), d.getString("parentPlanId"),
                date(d.getString("periodStart")), date(d.getString("periodEnd")), d.getString("status"),
                date(d.getString("issuedOn")), structureOf(d), history);
    }

    private static PlanStructure structureOf(Document d) {
        List<ObjectiveDef> objectives = d.getList("objectives", Document.class, List.of()).stream()
                .map(o -> new ObjectiveDef(o.getString("code"), o.getString("nameVi"), o.getString("nameEn")))
                .toList();
        List<IndicatorDef> indicators = d.getList("indicators", Document.class, List.of()).stream()
                .map(i -> new IndicatorDef(i.getString("code"), i.getString("objectiveCode"), i.getString("nameVi"),
                        i.getString("nameEn"), i.getString("unitOfMeasure"), i.getString("direction"),
                        i.getInteger("baselineYear", 0), decimal(i.getString("baselineValue")),
                        i.getString("measurementLevel"),
                        i.getList("targets", Document.class, List.of()).stream()
                                .map(t -> new TargetDef(t.getInteger("year"), t.getString("areaCode"),
                                        decimal(t.getString("value")))).toList()))
                .toList();
        return new PlanStructure(objectives, indicators);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
