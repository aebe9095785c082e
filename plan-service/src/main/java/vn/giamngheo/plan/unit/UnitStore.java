package vn.giamngheo.plan.unit;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import vn.giamngheo.plan.text.SearchText;
import vn.giamngheo.plan.unit.domain.Unit;
import vn.giamngheo.plan.unit.domain.UnitKind;
import vn.giamngheo.support.outbox.AggregateStore;
import vn.giamngheo.support.outbox.AggregateStores;
import vn.giamngheo.support.outbox.AuditEntry;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.web.PageResponse;

/** The units collection: one aggregate document per unit, keyed by its stable code, with its outbox. */
@Component
public class UnitStore {

    public static final String COLLECTION = "units";

    private final AggregateStore<Unit> aggregates;

    public UnitStore(AggregateStores stores, MongoTemplate mongo) {
        this.aggregates = stores.forCollection(COLLECTION, Unit.class, "Unit");
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.kind", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.parentCode", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.successorCodes", Sort.Direction.ASC));
    }

    AggregateStore<Unit> aggregates() {
        return aggregates;
    }

    public Optional<Unit> find(String code) {
        return aggregates.find(code).map(Versioned::state);
    }

    public Versioned<Unit> get(String code) {
        return aggregates.get(code);
    }

    /** Who made each change of the unit, oldest first. */
    public List<AuditEntry> auditTrail(String code) {
        return aggregates.auditTrail(code);
    }

    /** The stored units among {@code codes}, read in one query. */
    public Map<String, Versioned<Unit>> findAll(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return aggregates.find(Criteria.where("_id").in(codes), Pageable.unpaged(), Sort.unsorted()).stream()
                .collect(Collectors.toMap(Versioned::id, Function.identity()));
    }

    public PageResponse<Versioned<Unit>> search(UnitFilter filter, int page, int size) {
        Criteria criteria = criteria(filter);
        List<Versioned<Unit>> items = aggregates.find(criteria, PageRequest.of(page, size),
                Sort.by("state.kind", "_id"));
        return new PageResponse<>(items, page, size, aggregates.count(criteria));
    }

    /** The units that name {@code code} among their successors: what it was formed from. */
    public List<Versioned<Unit>> predecessorsOf(String code) {
        return aggregates.find(Criteria.where("state.successorCodes").is(code), Pageable.unpaged(),
                Sort.by("_id"));
    }

    private static Criteria criteria(UnitFilter filter) {
        Criteria criteria = new Criteria();
        if (filter.kind() != null) {
            criteria.and("state.kind").is(filter.kind().name());
        }
        if (filter.parentCode() != null) {
            criteria.and("state.parentCode").is(filter.parentCode());
        }
        if (filter.validOn() != null) {
            criteria.and("state.validFrom").lte(filter.validOn());
            criteria.orOperator(Criteria.where("state.validTo").is(null),
                    Criteria.where("state.validTo").gte(filter.validOn()));
        }
        List<String> words = SearchText.queryPatterns(filter.text());
        if (!words.isEmpty()) {
            criteria.andOperator(words.stream().map(w -> Criteria.where("state.searchText").regex(w)).toList());
        }
        return criteria;
    }

    /** Filters of the unit list; all optional. {@code text} matches code and names, with or without diacritics. */
    public record UnitFilter(UnitKind kind, String parentCode, LocalDate validOn, String text) {
    }
}
