package vn.giamngheo.report.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.feedback.domain.Feedback;
import vn.giamngheo.report.feedback.domain.FeedbackStatus;
import vn.giamngheo.report.progress.domain.ProgressFigures;
import vn.giamngheo.support.outbox.AggregateStore;
import vn.giamngheo.support.outbox.AggregateStores;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.web.PageResponse;

/**
 * Feedback aggregates ({@code feedback}) with their outbox, drained onto report.events, and the summaries reports
 * show: counted with an aggregation over the feedback documents when asked, never kept as counters.
 */
@Component
public class FeedbackStore {

    public static final String COLLECTION = "feedback";

    private final MongoTemplate mongo;
    private final AggregateStore<Feedback> aggregates;

    public FeedbackStore(AggregateStores stores, MongoTemplate mongo) {
        this.mongo = mongo;
        this.aggregates = stores.forCollection(COLLECTION, Feedback.class, "Feedback");
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.planId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.taskId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.communeCode", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.leadUnitCode", Sort.Direction.ASC));
    }

    /** A reading store on another database (replays, tests): summaries only, no writes. */
    public static FeedbackStore readingFrom(MongoTemplate mongo) {
        return new FeedbackStore(new AggregateStores(mongo, () -> { }), mongo);
    }

    AggregateStore<Feedback> aggregates() {
        return aggregates;
    }

    /** What a list of feedback may be narrowed to. */
    public record Filter(String taskId, String planId, String communeCode, String unitCode, FeedbackStatus status) {
    }

    public PageResponse<Versioned<Feedback>> search(Filter filter, int page, int size) {
        Criteria criteria = criteria(filter);
        List<Versioned<Feedback>> items = aggregates.find(criteria, PageRequest.of(page, size),
                Sort.by(Sort.Direction.DESC, "state.receivedAt"));
        return new PageResponse<>(items, page, size, aggregates.count(criteria));
    }

    public FeedbackSummary summary(Filter filter) {
        return summarize(criteria(filter));
    }

    /** Feedback on the tasks of the given plans received before {@code cutoff} (null = all). */
    public FeedbackSummary forPlans(Collection<String> planIds, Instant cutoff) {
        Criteria criteria = Criteria.where("state.planId").in(planIds);
        if (cutoff != null) {
            criteria = criteria.and("state.receivedAt").lt(cutoff);
        }
        return summarize(criteria);
    }

    /**
     * Feedback that concerns a unit — on tasks it leads, or about its commune — received in [from, cutoff).
     */
    public FeedbackSummary forUnit(String unitCode, Instant from, Instant cutoff) {
        Criteria criteria = new Criteria().andOperator(
                new Criteria().orOperator(Criteria.where("state.leadUnitCode").is(unitCode),
                        Criteria.where("state.communeCode").is(unitCode)),
                Criteria.where("state.receivedAt").gte(from).lt(cutoff));
        return summarize(criteria);
    }

    private static Criteria criteria(Filter filter) {
        List<Criteria> parts = new ArrayList<>();
        if (filter.taskId() != null) {
            parts.add(Criteria.where("state.taskId").is(filter.taskId()));
        }
        if (filter.planId() != null) {
            parts.add(Criteria.where("state.planId").is(filter.planId()));
        }
        if (filter.communeCode() != null) {
            parts.add(Criteria.where("state.communeCode").is(filter.communeCode()));
        }
        if (filter.unitCode() != null) {
            parts.add(new Criteria().orOperator(Criteria.where("state.leadUnitCode").is(filter.unitCode()),
                    Criteria.where("state.communeCode").is(filter.unitCode())));
        }
        if (filter.status() != null) {
            parts.add(Criteria.where("state.status").is(filter.status().name()));
        }
        return parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts.toArray(Criteria[]::new));
    }

    private FeedbackSummary summarize(Criteria criteria) {
        Aggregation aggregation = Aggregation.newAggregation(Aggregation.match(criteria),
                Aggregation.group("state.status", "state.rating").count().as("count"));
        Map<Integer, Long> ratings = new LinkedHashMap<>();
        for (int r = 1; r <= 5; r++) {
            ratings.put(r, 0L);
        }
        long count = 0;
        long ratingSum = 0;
        long answered = 0;
        for (Document group : mongo.aggregate(aggregation, COLLECTION, Document.class).getMappedResults()) {
            Document id = group.get("_id", Document.class);
            long n = ((Number) group.get("count")).longValue();
            int rating = ((Number) id.get("rating")).intValue();
            count += n;
            ratingSum += n * rating;
            ratings.merge(rating, n, Long::sum);
            if (FeedbackStatus.ANSWERED.name().equals(id.getString("status"))) {
                answered += n;
            }
        }
        return new FeedbackSummary(count, count == 0 ? null : ProgressFigures.oneDecimal(ratingSum, count), answered,
                ratings);
    }
}
