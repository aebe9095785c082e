package vn.giamngheo.report.plan;

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

/** The report-service's copy of plans (one document per plan), kept from plan.events. */
@Component
public class PlanViews {

    public static final String COLLECTION = "plan_views";

    private final MongoTemplate mongo;
    private final VersionedCopies copies;

    public PlanViews(MongoTemplate mongo, VersionedCopies copies) {
        this.mongo = mongo;
        this.copies = copies;
    }

    /** A plan as reports show it. */
    public record PlanView(String id, String code, String title, String kind, String issuingUnitCode,
                           String parentPlanId, String status) {
    }

    public ApplyOutcome apply(IncomingEvent event) {
        Update update = new Update().set("status", event.data().get("status").asString());
        if (event.payload() instanceof PlanCreated created) {
            update.set("code", created.code()).set("title", created.title()).set("kind", created.kind())
                    .set("issuingUnitCode", created.issuingUnitCode()).set("parentPlanId", created.parentPlanId());
        }
        return copies.applyNext(COLLECTION, event.subject(), event.version(), update);
    }

    public Optional<PlanView> find(String planId) {
        Document d = mongo.findOne(Query.query(Criteria.where("_id").is(planId)), Document.class, COLLECTION);
        return Optional.ofNullable(d).map(v -> new PlanView(v.getString("_id"), v.getString("code"),
                v.getString("title"), v.getString("kind"), v.getString("issuingUnitCode"),
                v.getString("parentPlanId"), v.getString("status")));
    }
}
