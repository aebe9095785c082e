package vn.giamngheo.report.funding;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.giamngheo.support.consume.ApplyOutcome;
import vn.giamngheo.support.consume.IncomingEvent;
import vn.giamngheo.support.consume.VersionedCopies;

/**
 * Funding allocations (one document per allocation), kept from plan.events. Every allocation event carries the
 * allocation's full state, amounts included, so each simply sets it; totals are summed at read time.
 */
@Component
public class AllocationViews {

    public static final String COLLECTION = "allocation_views";

    private final VersionedCopies copies;

    public AllocationViews(MongoTemplate mongo, VersionedCopies copies) {
        this.copies = copies;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("planId", Sort.Direction.ASC));
    }

    public ApplyOutcome apply(IncomingEvent event) {
        var data = event.data();
        Update update = new Update()
                .set("planId", data.get("planId").asString())
                .set("objectiveCode", data.hasNonNull("objectiveCode") ? data.get("objectiveCode").asString() : null)
                .set("unitCode", data.get("unitCode").asString())
                .set("source", data.get("source").asString())
                .set("program", data.get("program").asString())
                .set("year", data.get("year").asInt())
                .set("allocatedAmount", data.get("allocatedAmount").asLong())
                .set("disbursedAmount", data.get("disbursedAmount").asLong())
                .set("status", data.get("status").asString());
        return copies.applyNext(COLLECTION, event.subject(), event.version(), update);
    }
}
