package vn.giamngheo.task.plan;

import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.plan.PlanCreated;
import vn.giamngheo.support.consume.ApplyOutcome;
import vn.giamngheo.support.consume.IncomingEvent;
import vn.giamngheo.support.consume.VersionedCopies;

/**
 * The task-service's local copy of plans, kept from plan.events: enough to accept tasks only for plans that exist
 * and to follow their lifecycle. Every plan event carries the plan's status, so each one updates it.
 */
@Component
public class KnownPlans {

    static final String COLLECTION = "known_plans";

    private final MongoTemplate mongo;
    private final VersionedCopies copies;

    public KnownPlans(MongoTemplate mongo, VersionedCopies copies) {
        this.mongo = mongo;
        this.copies = copies;
    }

    /** A plan as this service knows it. */
    public record KnownPlan(String id, String code, String status) {

        public boolean isIssued() {
            return "ISSUED".equals(status);
        }

        public boolean acceptsTasks() {
            return "DRAFT".equals(status) || "ISSUED".equals(status);
        }
    }

    public ApplyOutcome apply(IncomingEvent event) {
        Update update = new Update().set("status", event.data().get("status").asString());
        if (event.payload() instanceof PlanCreated created) {
            update.set("code", created.code()).set("title", created.title());
        }
        return copies.applyNext(COLLECTION, event.subject(), event.version(), update);
    }

    public Optional<KnownPlan> find(String planId) {
        Document document = mongo.findOne(Query.query(Criteria.where("_id").is(planId)), Document.class,
                COLLECTION);
        return Optional.ofNullable(document).map(d -> new KnownPlan(d.getString("_id"), d.getString("code"),
                d.getString("status")));
    }
}
