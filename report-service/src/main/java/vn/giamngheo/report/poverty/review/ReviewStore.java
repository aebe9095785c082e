package vn.giamngheo.report.poverty.review;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.poverty.domain.PovertyReview;
import vn.giamngheo.support.outbox.AggregateStore;
import vn.giamngheo.support.outbox.AggregateStores;
import vn.giamngheo.support.outbox.AuditEntry;
import vn.giamngheo.support.outbox.Versioned;

/** The reviews ({@code poverty_reviews}): aggregate documents with their outbox, drained onto report.events. */
@Component
public class ReviewStore {

    public static final String COLLECTION = "poverty_reviews";

    private final AggregateStore<PovertyReview> aggregates;

    public ReviewStore(AggregateStores stores, MongoTemplate mongo) {
        this.aggregates = stores.forCollection(COLLECTION, PovertyReview.class, "Poverty review");
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.year", Sort.Direction.ASC));
    }

    AggregateStore<PovertyReview> aggregates() {
        return aggregates;
    }

    public java.util.Optional<Versioned<PovertyReview>> find(String id) {
        return aggregates.find(id);
    }

    public Versioned<PovertyReview> get(String id) {
        return aggregates.get(id);
    }

    /** Who opened, published and reopened the review, oldest first. */
    public List<AuditEntry> auditTrail(String id) {
        return aggregates.auditTrail(id);
    }

    /** The province's reviews, oldest first. */
    public List<Versioned<PovertyReview>> all(String provinceCode) {
        return aggregates.find(Criteria.where("state.provinceCode").is(provinceCode), Pageable.unpaged(),
                Sort.by("state.year"));
    }
}
