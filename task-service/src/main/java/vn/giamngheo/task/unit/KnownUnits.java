package vn.giamngheo.task.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.support.consume.ApplyOutcome;
import vn.giamngheo.support.consume.IncomingEvent;
import vn.giamngheo.support.consume.VersionedCopies;
import vn.giamngheo.task.task.domain.UnitDirectory;
import vn.giamngheo.task.task.domain.UnitPeriod;

/**
 * The task-service's local copy of administrative units and agencies, kept from plan.events: enough to accept a task
 * only for units that exist on its dates. Every unit event carries the unit's full state, so each one replaces it.
 * Dates are kept as ISO strings, which compare correctly as text and need no time zone.
 */
@Component
public class KnownUnits implements UnitDirectory {

    static final String COLLECTION = "known_units";

    private final MongoTemplate mongo;
    private final VersionedCopies copies;

    public KnownUnits(MongoTemplate mongo, VersionedCopies copies) {
        this.mongo = mongo;
        this.copies = copies;
    }

    public ApplyOutcome apply(IncomingEvent event) {
        JsonNode data = event.data();
        List<String> successors = new ArrayList<>();
        data.path("successorCodes").forEach(code -> successors.add(code.asString()));
        Update update = new Update()
                .set("kind", data.get("kind").asString())
                .set("nameVi", data.get("nameVi").asString())
                .set("nameEn", data.get("nameEn").asString())
                .set("parentCode", text(data, "parentCode"))
                .set("validFrom", data.get("validFrom").asString())
                .set("validTo", text(data, "validTo"))
                .set("successorCodes", successors);
        return copies.applyNext(COLLECTION, event.subject(), event.version(), update);
    }

    @Override
    public Optional<UnitPeriod> find(String unitCode) {
        Document document = mongo.findOne(Query.query(Criteria.where("_id").is(unitCode)), Document.class,
                COLLECTION);
        return Optional.ofNullable(document).map(d -> new UnitPeriod(d.getString("_id"), d.getString("nameVi"),
                LocalDate.parse(d.getString("validFrom")),
                d.getString("validTo") == null ? null : LocalDate.parse(d.getString("validTo"))));
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
