package vn.giamngheo.report.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.alert.domain.Alert;
import vn.giamngheo.report.alert.domain.AlertKind;
import vn.giamngheo.report.alert.domain.AlertStatus;
import vn.giamngheo.support.outbox.AggregateStore;
import vn.giamngheo.support.outbox.AggregateStores;
import vn.giamngheo.support.outbox.AuditEntry;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.web.PageResponse;

/** Alerts ({@code alerts}): aggregate documents with their outbox, drained onto report.events. */
@Component
public class AlertStore {

    public static final String COLLECTION = "alerts";

    private final AggregateStore<Alert> aggregates;

    public AlertStore(AggregateStores stores, MongoTemplate mongo) {
        this.aggregates = stores.forCollection(COLLECTION, Alert.class, "Alert");
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.status", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.planId", Sort.Direction.ASC));
    }

    AggregateStore<Alert> aggregates() {
        return aggregates;
    }

    public Optional<Versioned<Alert>> find(String id) {
        return aggregates.find(id);
    }

    /** Who raised (whoever ran the check, or the service on its schedule), acknowledged and resolved it. */
    public List<AuditEntry> auditTrail(String id) {
        return aggregates.auditTrail(id);
    }

    /** What a list of alerts may be narrowed to; all optional. {@code open} = raised or acknowledged. */
    public record Filter(AlertKind kind, AlertStatus status, Boolean open, String planId, String unitCode,
                         String period) {
    }

    public PageResponse<Versioned<Alert>> search(Filter filter, int page, int size) {
        List<Criteria> parts = new ArrayList<>();
        if (filter.kind() != null) {
            parts.add(Criteria.where("state.kind").is(filter.kind().name()));
        }
        if (filter.status() != null) {
            parts.add(Criteria.where("state.status").is(filter.status().name()));
        }
        if (filter.open() != null) {
            parts.add(filter.open() ? Criteria.where("state.status").ne(AlertStatus.RESOLVED.name())
                    : Criteria.where("state.status").is(AlertStatus.RESOLVED.name()));
        }
        if (filter.planId() != null) {
            parts.add(Criteria.where("state.planId").is(filter.planId()));
        }
        if (filter.unitCode() != null) {
            parts.add(Criteria.where("state.unitCode").is(filter.unitCode()));
        }
        if (filter.period() != null) {
            parts.add(Criteria.where("state.period").is(filter.period()));
        }
        Criteria criteria = parts.isEmpty() ? new Criteria()
                : new Criteria().andOperator(parts.toArray(Criteria[]::new));
        return new PageResponse<>(aggregates.find(criteria, PageRequest.of(page, size),
                Sort.by(Sort.Direction.DESC, "state.raisedAt")), page, size, aggregates.count(criteria));
    }

    public List<Versioned<Alert>> open() {
        return aggregates.find(Criteria.where("state.status").ne(AlertStatus.RESOLVED.name()), Pageable.unpaged(),
                Sort.by("_id"));
    }
}
