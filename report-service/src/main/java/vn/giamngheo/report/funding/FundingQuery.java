package vn.giamngheo.report.funding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.GroupOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.plan.PlanViews;
import vn.giamngheo.report.plan.PlanVisibility;
import vn.giamngheo.report.plan.domain.PlanRecord;
import vn.giamngheo.report.progress.domain.ProgressFigures;
import vn.giamngheo.report.unit.UnitViews;
import vn.giamngheo.support.domain.NotFoundException;

/**
 * Funding totals, summed at read time over the allocation copies with one aggregation ($match, then a $facet of
 * $group stages), so they never drift from the allocations and a redelivered event can never count twice.
 * Cancelled allocations are left out.
 */
@Component
public class FundingQuery {

    static final Map<String, String> SOURCES = Map.of(
            "CENTRAL_BUDGET", "Ngân sách trung ương",
            "LOCAL_BUDGET", "Ngân sách địa phương",
            "INTEGRATED_NEW_RURAL_DEVELOPMENT", "Lồng ghép Chương trình MTQG xây dựng nông thôn mới",
            "INTEGRATED_ETHNIC_MINORITY_PROGRAM", "Lồng ghép Chương trình MTQG phát triển KT-XH vùng đồng bào DTTS "
                    + "và miền núi",
            "POLICY_CREDIT", "Tín dụng chính sách",
            "ENTERPRISES_AND_COMMUNITY", "Doanh nghiệp và cộng đồng");
    static final Map<String, String> PROGRAMS = Map.of(
            "SUSTAINABLE_POVERTY_REDUCTION", "Chương trình MTQG giảm nghèo bền vững",
            "NEW_RURAL_DEVELOPMENT", "Chương trình MTQG xây dựng nông thôn mới",
            "ETHNIC_MINORITY_MOUNTAINOUS_AREAS", "Chương trình MTQG phát triển KT-XH vùng đồng bào DTTS và miền núi");

    private final MongoTemplate mongo;
    private final PlanViews plans;
    private final UnitViews units;

    public FundingQuery(MongoTemplate mongo, PlanViews plans, UnitViews units) {
        this.mongo = mongo;
        this.plans = plans;
        this.units = units;
    }

    /** What the totals are narrowed to; all optional. */
    public record Filter(String planId, boolean includeSubPlans, Integer year, String unitCode, String source,
                         String program) {
    }

    public FundingReport report(Filter filter) {
        return report(filter, false);
    }

    /** As {@link #report(Filter)}; {@code withoutDrafts}: DRAFT plans' allocations are left out (the public's view). */
    public FundingReport report(Filter filter, boolean withoutDrafts) {
        Criteria criteria = Criteria.where("status").is("ACTIVE");
        int planCount = 0;
        if (filter.planId() != null) {
            PlanRecord plan = plans.find(filter.planId()).filter(p -> !withoutDrafts || !PlanVisibility.isDraft(p))
                    .orElseThrow(() -> new NotFoundException("Plan", filter.planId()));
            List<String> ids = (filter.includeSubPlans() ? plans.withDescendants(plan) : List.of(plan)).stream()
                    .filter(p -> !withoutDrafts || !PlanVisibility.isDraft(p)).map(PlanRecord::id).toList();
            planCount = ids.size();
            criteria = criteria.and("planId").in(ids);
        } else if (withoutDrafts) {
            criteria = criteria.and("planId").nin(plans.all().stream().filter(PlanVisibility::isDraft)
                    .map(PlanRecord::id).toList());
        }
        if (filter.year() != null) {
            criteria = criteria.and("year").is(filter.year());
        }
        if (filter.unitCode() != null) {
            criteria = criteria.and("unitCode").is(filter.unitCode());
        }
        if (filter.source() != null) {
            criteria = criteria.and("source").is(filter.source());
        }
        if (filter.program() != null) {
            criteria = criteria.and("program").is(filter.program());
        }
        Aggregation aggregation = Aggregation.newAggregation(Aggregation.match(criteria),
                Aggregation.facet(sums(Aggregation.group())).as("total")
                        .and(sums(Aggregation.group("source")), Aggregation.sort(Sort.by("_id"))).as("bySource")
                        .and(sums(Aggregation.group("program")), Aggregation.sort(Sort.by("_id"))).as("byProgram")
                        .and(sums(Aggregation.group("unitCode")), Aggregation.sort(Sort.by("_id"))).as("byUnit")
                        .and(sums(Aggregation.group("year")), Aggregation.sort(Sort.by("_id"))).as("byYear"));
        Document facets = mongo.aggregate(aggregation, AllocationViews.COLLECTION, Document.class)
                .getUniqueMappedResult();
        List<Document> total = facets == null ? List.of() : facets.getList("total", Document.class, List.of());
        FundingReport.Totals totals = total.isEmpty() ? new FundingReport.Totals(0, 0, 0, null)
                : new FundingReport.Totals(number(total.get(0), "allocations"), number(total.get(0), "allocated"),
                number(total.get(0), "disbursed"), rate(total.get(0)));
        List<Document> byUnit = list(facets, "byUnit");
        Map<String, String> unitNames = units.namesOf(byUnit.stream().map(d -> String.valueOf(d.get("_id"))).toList());
        return new FundingReport(filter.planId(), filter.includeSubPlans(), planCount, totals,
                groups(list(facets, "bySource"), SOURCES), groups(list(facets, "byProgram"), PROGRAMS),
                groups(byUnit, unitNames), groups(list(facets, "byYear"), Map.of()));
    }

    private static GroupOperation sums(GroupOperation group) {
        return group.count().as("allocations").sum("allocatedAmount").as("allocated")
                .sum("disbursedAmount").as("disbursed");
    }

    private static List<Document> list(Document facets, String name) {
        return facets == null ? List.of() : facets.getList(name, Document.class, List.of());
    }

    private static List<FundingReport.Group> groups(List<Document> documents, Map<String, String> names) {
        List<FundingReport.Group> groups = new ArrayList<>();
        for (Document d : documents) {
            String key = String.valueOf(d.get("_id"));
            groups.add(new FundingReport.Group(key, names.get(key), number(d, "allocations"),
                    number(d, "allocated"), number(d, "disbursed"), rate(d)));
        }
        return groups;
    }

    private static Double rate(Document d) {
        long allocated = number(d, "allocated");
        return allocated == 0 ? null : ProgressFigures.oneDecimal(number(d, "disbursed") * 100, allocated);
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
