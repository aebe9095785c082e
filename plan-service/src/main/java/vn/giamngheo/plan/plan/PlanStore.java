package vn.giamngheo.plan.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.giamngheo.plan.plan.domain.Plan;
import vn.giamngheo.plan.plan.domain.PlanKind;
import vn.giamngheo.plan.plan.domain.PlanStatus;
import vn.giamngheo.plan.plan.domain.Program;
import vn.giamngheo.plan.text.SearchText;
import vn.giamngheo.support.outbox.AggregateStore;
import vn.giamngheo.support.outbox.AuditEntry;
import vn.giamngheo.support.outbox.AggregateStores;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.web.PageResponse;

/** The plans collection: aggregate documents with their outbox, and the queries of the API. */
@Component
public class PlanStore {

    public static final String COLLECTION = "plans";

    private final AggregateStore<Plan> aggregates;

    public PlanStore(AggregateStores stores, MongoTemplate mongo) {
        this.aggregates = stores.forCollection(COLLECTION, Plan.class, "Plan");
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.code", Sort.Direction.ASC).unique());
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.status", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.issuingUnitCode", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.parentPlanId", Sort.Direction.ASC));
        backfillSearchText(mongo);
    }

    AggregateStore<Plan> aggregates() {
        return aggregates;
    }

    public Versioned<Plan> get(String id) {
        return aggregates.get(id);
    }

    /** Who made each change of the plan, oldest first. */
    public List<AuditEntry> auditTrail(String id) {
        return aggregates.auditTrail(id);
    }

    public PageResponse<Versioned<Plan>> search(PlanFilter filter, int page, int size) {
        Criteria criteria = new Criteria();
        List<Criteria> all = new ArrayList<>();
        if (filter.code() != null) {
            criteria.and("state.code").is(filter.code());
        }
        if (filter.status() != null) {
            criteria.and("state.status").is(filter.status().name());
        }
        if (filter.kind() != null) {
            criteria.and("state.kind").is(filter.kind().name());
        }
        if (filter.program() != null) {
            // Plans stored before programs existed have none and belong to the sustainable poverty reduction one.
            all.add(filter.program() == Program.SUSTAINABLE_POVERTY_REDUCTION
                    ? new Criteria().orOperator(Criteria.where("state.program").is(filter.program().name()),
                            Criteria.where("state.program").is(null))
                    : Criteria.where("state.program").is(filter.program().name()));
        }
        if (filter.issuingUnitCode() != null) {
            criteria.and("state.issuingUnitCode").is(filter.issuingUnitCode());
        }
        if (filter.parentPlanId() != null) {
            criteria.and("state.parentPlanId").is(filter.parentPlanId());
        }
        if (filter.overlapsTo() != null) {
            all.add(Criteria.where("state.periodStart").lte(filter.overlapsTo()));
        }
        if (filter.overlapsFrom() != null) {
            all.add(Criteria.where("state.periodEnd").gte(filter.overlapsFrom()));
        }
        if (filter.publishedOnly()) {
            all.add(Criteria.where("state.status").ne(PlanStatus.DRAFT.name()));
        }
        for (String word : SearchText.queryPatterns(filter.text())) {
            all.add(Criteria.where("state.searchText").regex(word));
        }
        if (!all.isEmpty()) {
            criteria.andOperator(all);
        }
        List<Versioned<Plan>> items = aggregates.find(criteria, PageRequest.of(page, size),
                Sort.by("state.periodStart", "state.code"));
        return new PageResponse<>(items, page, size, aggregates.count(criteria));
    }

    /**
     * Plans stored before the search field existed get it once, so text search finds them too. The field is derived
     * from the code and title, so no event is due: nothing a consumer knows about changed.
     */
    private static void backfillSearchText(MongoTemplate mongo) {
        Query missing = Query.query(Criteria.where("state.searchText").exists(false));
        missing.fields().include("state.code").include("state.title");
        for (Document document : mongo.find(missing, Document.class, COLLECTION)) {
            Document state = document.get("state", Document.class);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(document.get("_id"))),
                    Update.update("state.searchText", SearchText.of(state.getString("code"),
                            state.getString("title"))), COLLECTION);
        }
    }

    /**
     * Filters of the plan list; all optional. A plan matches the period filter when its period overlaps
     * [overlapsFrom, overlapsTo]; {@code text} matches code and title with or without diacritics;
     * {@code publishedOnly} leaves drafts out (the public's view).
     */
    public record PlanFilter(String code, PlanStatus status, PlanKind kind, Program program, String issuingUnitCode,
                             String parentPlanId, LocalDate overlapsFrom, LocalDate overlapsTo, String text,
                             boolean publishedOnly) {

        public PlanFilter withoutDrafts() {
            return new PlanFilter(code, status, kind, program, issuingUnitCode, parentPlanId, overlapsFrom,
                    overlapsTo, text, true);
        }
    }
}
