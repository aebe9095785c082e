package vn.giamngheo.report.unit;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.giamngheo.support.consume.ApplyOutcome;
import vn.giamngheo.support.consume.IncomingEvent;
import vn.giamngheo.support.consume.VersionedCopies;

/**
 * The units and agencies (one document per unit code), kept from plan.events: names for the reports, and the list of
 * units submissions and feedback may name. Every unit event carries the unit's full state.
 */
@Component
public class UnitViews {

    public static final String COLLECTION = "unit_views";

    private final MongoTemplate mongo;
    private final VersionedCopies copies;

    public UnitViews(MongoTemplate mongo, VersionedCopies copies) {
        this.mongo = mongo;
        this.copies = copies;
    }

    /** A unit as reports name it. */
    public record UnitView(String code, String kind, String nameVi, String nameEn, String parentCode, String validFrom,
                           String validTo) {
    }

    public ApplyOutcome apply(IncomingEvent event) {
        Update update = new Update();
        for (String field : List.of("kind", "nameVi", "nameEn", "parentCode", "validFrom", "validTo")) {
            var value = event.data().get(field);
            update.set(field, value == null || value.isNull() ? null : value.asString());
        }
        return copies.applyNext(COLLECTION, event.subject(), event.version(), update);
    }

    public Optional<UnitView> find(String code) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(code)), Document.class,
                COLLECTION)).map(UnitViews::toView);
    }

    public boolean exists(String code) {
        return code != null && mongo.exists(Query.query(Criteria.where("_id").is(code)), COLLECTION);
    }

    /** Vietnamese names of the given units; codes the service does not know are left out. */
    public Map<String, String> namesOf(Collection<String> codes) {
        Map<String, String> names = new HashMap<>();
        Query query = Query.query(Criteria.where("_id").in(codes));
        query.fields().include("nameVi");
        mongo.find(query, Document.class, COLLECTION)
                .forEach(d -> names.put(d.getString("_id"), d.getString("nameVi")));
        return names;
    }

    private static UnitView toView(Document d) {
        return new UnitView(d.getString("_id"), d.getString("kind"), d.getString("nameVi"), d.getString("nameEn"),
                d.getString("parentCode"), d.getString("validFrom"), d.getString("validTo"));
    }
}
