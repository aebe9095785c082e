package vn.giamngheo.plan.funding;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;

import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import vn.giamngheo.plan.funding.domain.Allocation;
import vn.giamngheo.plan.funding.domain.AllocationStatus;
import vn.giamngheo.plan.funding.domain.FundingSource;
import vn.giamngheo.plan.plan.domain.Program;
import vn.giamngheo.support.outbox.AggregateStore;
import vn.giamngheo.support.outbox.AggregateStores;
import vn.giamngheo.support.outbox.AuditEntry;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.web.PageResponse;

/** The allocations collection: one aggregate document per allocation, and the sums the API reports. */
@Component
public class AllocationStore {

    public static final String COLLECTION = "allocations";

    private final AggregateStore<Allocation> aggregates;
    private final MongoTemplate mongo;

    public AllocationStore(AggregateStores stores, MongoTemplate mongo) {
        this.aggregates = stores.forCollection(COLLECTION, Allocation.class, "Allocation");
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.naturalKey", Sort.Direction.ASC).unique());
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.planId", Sort.Direction.ASC)
                .on("state.year", Sort.Direction.ASC));
    }

    AggregateStore<Allocation> aggregates() {
        return aggregates;
    }

    public Versioned<Allocation> get(String id) {
        return aggregates.get(id);
    }

    /** Who made each change of the allocation, oldest first. */
    public List<AuditEntry> auditTrail(String id) {
        return aggregates.auditTrail(id);
    }

    public PageResponse<Versioned<Allocation>> search(AllocationFilter filter, int page, int size) {
        Criteria criteria = criteria(filter);
        if (filter.status() != null) {
            criteria.and("state.status").is(filter.status().name());
        }
        List<Versioned<Allocation>> items = aggregates.find(criteria, PageRequest.of(page, size),
                Sort.by("state.year", "state.unitCode", "state.source", "_id"));
        return new PageResponse<>(items, page, size, aggregates.count(criteria));
    }

    /** Sums of the active allocations matching the filter, by source and program (the caller folds them further). */
    public List<Sum> sums(AllocationFilter filter) {
        Criteria criteria = criteria(filter).and("state.status").is(AllocationStatus.ACTIVE.name());
        Aggregation aggregation = newAggregation(match(criteria),
                group("state.source", "state.program").sum("state.allocatedAmount").as("allocated")
                        .sum("state.disbursedAmount").as("disbursed").count().as("count"));
        return mongo.aggregate(aggregation, COLLECTION, Document.class).getMappedResults().stream()
                .map(AllocationStore::sum).toList();
    }

    private static Sum sum(Document row) {
        Object id = row.get("_id");
        Document key = id instanceof Document document ? document : row;
        return new Sum(FundingSource.valueOf(key.getString("source")), Program.valueOf(key.getString("program")),
                ((Number) row.get("allocated")).longValue(), ((Number) row.get("disbursed")).longValue(),
                ((Number) row.get("count")).longValue());
    }

    private static Criteria criteria(AllocationFilter filter) {
        Criteria criteria = new Criteria();
        if (filter.planId() != null) {
            criteria.and("state.planId").is(filter.planId());
        }
        if (filter.objectiveCode() != null) {
            criteria.and("state.objectiveCode").is(filter.objectiveCode());
        }
        if (filter.unitCode() != null) {
            criteria.and("state.unitCode").is(filter.unitCode());
        }
        if (filter.source() != null) {
            criteria.and("state.source").is(filter.source().name());
        }
        if (filter.program() != null) {
            criteria.and("state.program").is(filter.program().name());
        }
        if (filter.year() != null) {
            criteria.and("state.year").is(filter.year());
        }
        return criteria;
    }

    /** Filters of allocation lists and totals; all optional. */
    public record AllocationFilter(String planId, String objectiveCode, String unitCode, FundingSource source,
                                   Program program, Integer year, AllocationStatus status) {
    }

    /** The active allocations of one source and program: how many, allocated and disbursed VND. */
    public record Sum(FundingSource source, Program program, long allocated, long disbursed, long count) {
    }
}
