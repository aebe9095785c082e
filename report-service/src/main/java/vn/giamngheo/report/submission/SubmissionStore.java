package vn.giamngheo.report.submission;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.submission.domain.Submission;
import vn.giamngheo.report.submission.domain.SubmissionStatus;
import vn.giamngheo.support.outbox.AggregateStore;
import vn.giamngheo.support.outbox.AggregateStores;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.web.PageResponse;

/**
 * Periodic report submissions ({@code submissions}): aggregate documents with their outbox, drained onto
 * report.events.
 */
@Component
public class SubmissionStore {

    public static final String COLLECTION = "submissions";

    private final AggregateStore<Submission> aggregates;

    public SubmissionStore(AggregateStores stores, MongoTemplate mongo) {
        this.aggregates = stores.forCollection(COLLECTION, Submission.class, "Submission");
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.unitCode", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.period", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.values.planId", Sort.Direction.ASC));
    }

    AggregateStore<Submission> aggregates() {
        return aggregates;
    }

    public Optional<Versioned<Submission>> find(String id) {
        return aggregates.find(id);
    }

    /**
     * What a list of submissions may be narrowed to; all optional. {@code ownDraftsOnlyOf} leaves out the drafts of
     * every other unit (what an officer of that unit may see).
     */
    public record Filter(String unitCode, String period, SubmissionStatus status, Boolean late,
                         String ownDraftsOnlyOf) {
    }

    public PageResponse<Versioned<Submission>> search(Filter filter, int page, int size) {
        List<Criteria> parts = new ArrayList<>();
        if (filter.unitCode() != null) {
            parts.add(Criteria.where("state.unitCode").is(filter.unitCode()));
        }
        if (filter.period() != null) {
            parts.add(Criteria.where("state.period").is(filter.period()));
        }
        if (filter.status() != null) {
            parts.add(Criteria.where("state.status").is(filter.status().name()));
        }
        if (filter.late() != null) {
            parts.add(Criteria.where("state.late").is(filter.late()));
        }
        if (filter.ownDraftsOnlyOf() != null) {
            parts.add(new Criteria().orOperator(Criteria.where("state.status").ne(SubmissionStatus.DRAFT.name()),
                    Criteria.where("state.unitCode").is(filter.ownDraftsOnlyOf())));
        }
        Criteria criteria = parts.isEmpty() ? new Criteria()
                : new Criteria().andOperator(parts.toArray(Criteria[]::new));
        List<Versioned<Submission>> items = aggregates.find(criteria, PageRequest.of(page, size),
                Sort.by(Sort.Direction.DESC, "state.periodEnd").and(Sort.by("state.unitCode")));
        return new PageResponse<>(items, page, size, aggregates.count(criteria));
    }

    /** The submissions of a period, every status. */
    public List<Versioned<Submission>> ofPeriod(String period) {
        return aggregates.find(Criteria.where("state.period").is(period), Pageable.unpaged(),
                Sort.by("state.unitCode"));
    }

    /** Approved submissions with at least one value for one of the plans: the source of actuals. */
    public List<Submission> approvedFor(Collection<String> planIds) {
        return aggregates.find(Criteria.where("state.status").is(SubmissionStatus.APPROVED.name())
                        .and("state.values.planId").in(planIds), Pageable.unpaged(), Sort.by("state.periodEnd"))
                .stream().map(Versioned::state).toList();
    }
}
