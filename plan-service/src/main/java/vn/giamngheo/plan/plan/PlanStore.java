package vn.giamngheo.plan.plan;

import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import vn.giamngheo.plan.plan.domain.Plan;
import vn.giamngheo.plan.plan.domain.PlanKind;
import vn.giamngheo.plan.plan.domain.PlanStatus;
import vn.giamngheo.support.outbox.AggregateStore;
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
    }

    AggregateStore<Plan> aggregates() {
        return aggregates;
    }

    public Versioned<Plan> get(String id) {
        return aggregates.get(id);
    }

    public PageResponse<Versioned<Plan>> search(PlanFilter filter, int page, int size) {
        Criteria criteria = new Criteria();
        if (filter.code() != null) {
            criteria.and("state.code").is(filter.code());
        }
        if (filter.status() != null) {
            criteria.and("state.status").is(filter.status().name());
        }
        if (filter.kind() != null) {
            criteria.and("state.kind").is(filter.kind().name());
        }
        if (filter.issuingUnitCode() != null) {
            criteria.and("state.issuingUnitCode").is(filter.issuingUnitCode());
        }
        if (filter.parentPlanId() != null) {
            criteria.and("state.parentPlanId").is(filter.parentPlanId());
        }
        List<Versioned<Plan>> items = aggregates.find(criteria, PageRequest.of(page, size),
                Sort.by("state.periodStart", "state.code"));
        return new PageResponse<>(items, page, size, aggregates.count(criteria));
    }

    /** Exact-match filters of the plan list; all optional. */
    public record PlanFilter(String code, PlanStatus status, PlanKind kind, String issuingUnitCode,
                             String parentPlanId) {
    }
}
