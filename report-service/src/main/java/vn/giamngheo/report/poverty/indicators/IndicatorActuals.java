package vn.giamngheo.report.poverty.indicators;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.poverty.domain.AreaKind;
import vn.giamngheo.report.poverty.domain.AreaRate;
import vn.giamngheo.report.poverty.domain.EthnicGroups;
import vn.giamngheo.report.poverty.domain.PovertyReview;

/**
 * The published results as indicator actuals ({@code indicator_actuals}), one document per (indicator code, area,
 * year), so the plan's poverty targets can be tracked against them. Written on every publication (the latest
 * revision replaces the earlier one). Codes:
 * <ul>
 *   <li>{@code MPR} multidimensional poverty rate, (poor + near-poor) / households, %</li>
 *   <li>{@code POOR_RATE}, {@code NEAR_POOR_RATE} the poor and near-poor rates, %</li>
 *   <li>{@code HOUSEHOLDS}, {@code POOR_HOUSEHOLDS}, {@code NEAR_POOR_HOUSEHOLDS} counts of households</li>
 *   <li>{@code MPR_EM}, {@code POOR_RATE_EM}, {@code NEAR_POOR_RATE_EM} the same rates among ethnic-minority
 *   households, recorded for the province</li>
 * </ul>
 * for areas of kind PROVINCE, FORMER_DISTRICT and COMMUNE (the {@code _EM} codes: PROVINCE only).
 */
@Component
public class IndicatorActuals {

    public static final String COLLECTION = "indicator_actuals";
    public static final String SOURCE = "poverty-review";

    /** One recorded actual. */
    public record Actual(String indicatorCode, String areaKind, String areaCode, String areaName, int year,
                         double value, String unit, long numerator, long denominator, String reviewId, int revision) {
    }

    private final MongoTemplate mongo;

    public IndicatorActuals(MongoTemplate mongo) {
        this.mongo = mongo;
        collection().createIndex(Indexes.ascending("indicatorCode", "areaKind", "areaCode", "year"));
    }

    public static String id(String indicatorCode, String areaKind, String areaCode, int year) {
        return indicatorCode + "|" + areaKind + "|" + areaCode + "|" + year;
    }

    /** Records (or replaces) every actual of a published review; idempotent. */
    public void record(PovertyReview review, Instant now) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        String province = review.provinceCode();
        for (AreaRate rate : review.publishedRates()) {
            switch (rate.kind()) {
                case PROVINCE, FORMER_DISTRICT, COMMUNE -> {
                    String kind = rate.kind().name();
                    writes.add(write(review, now, "MPR", kind, rate.code(), rate.name(),
                            rate.multidimensionalPovertyRate().doubleValue(), "%", rate.poor() + rate.nearPoor(),
                            rate.households()));
                    writes.add(write(review, now, "POOR_RATE", kind, rate.code(), rate.name(),
                            rate.poorRate().doubleValue(), "%", rate.poor(), rate.households()));
                    writes.add(write(review, now, "NEAR_POOR_RATE", kind, rate.code(), rate.name(),
                            rate.nearPoorRate().doubleValue(), "%", rate.nearPoor(), rate.households()));
                    writes.add(write(review, now, "HOUSEHOLDS", kind, rate.code(), rate.name(), rate.households(),
                            "hộ", rate.households(), 1));
                    writes.add(write(review, now, "POOR_HOUSEHOLDS", kind, rate.code(), rate.name(), rate.poor(),
                            "hộ", rate.poor(), 1));
                    writes.add(write(review, now, "NEAR_POOR_HOUSEHOLDS", kind, rate.code(), rate.name(),
                            rate.nearPoor(), "hộ", rate.nearPoor(), 1));
                }
                case ETHNICITY -> {
                    if (EthnicGroups.ETHNIC_MINORITY.equals(rate.code())) {
                        String name = review.results().stream().filter(a -> a.kind() == AreaKind.PROVINCE)
                                .findFirst().map(a -> a.name()).orElse(province);
                        writes.add(write(review, now, "MPR_EM", AreaKind.PROVINCE.name(), province, name,
                                rate.multidimensionalPovertyRate().doubleValue(), "%", rate.poor() + rate.nearPoor(),
                                rate.households()));
                        writes.add(write(review, now, "POOR_RATE_EM", AreaKind.PROVINCE.name(), province, name,
                                rate.poorRate().doubleValue(), "%", rate.poor(), rate.households()));
                        writes.add(write(review, now, "NEAR_POOR_RATE_EM", AreaKind.PROVINCE.name(), province,
                                name, rate.nearPoorRate().doubleValue(), "%", rate.nearPoor(), rate.households()));
                    }
                }
                case ETHNIC_GROUP -> {
                }
            }
        }
        if (!writes.isEmpty()) {
            collection().bulkWrite(writes);
        }
    }

    /** The revision of a review whose actuals are recorded, or 0 when none are. */
    public int recordedRevision(PovertyReview review) {
        Document d = collection().find(Filters.eq("_id", id("MPR", AreaKind.PROVINCE.name(), review.provinceCode(),
                review.year()))).first();
        return d == null || !review.id().equals(d.getString("reviewId")) ? 0 : d.getInteger("revision", 0);
    }

    public List<Actual> find(String indicatorCode, String areaCode, Integer year) {
        List<org.bson.conversions.Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("source", SOURCE));
        if (indicatorCode != null) {
            filters.add(Filters.eq("indicatorCode", indicatorCode));
        }
        if (areaCode != null) {
            filters.add(Filters.eq("areaCode", areaCode));
        }
        if (year != null) {
            filters.add(Filters.eq("year", year));
        }
        List<Actual> actuals = new ArrayList<>();
        collection().find(Filters.and(filters)).sort(Sorts.ascending("indicatorCode", "areaKind", "areaCode", "year"))
                .forEach(d -> actuals.add(new Actual(d.getString("indicatorCode"), d.getString("areaKind"),
                        d.getString("areaCode"), d.getString("areaName"), d.getInteger("year"),
                        ((Number) d.get("value")).doubleValue(), d.getString("unit"),
                        ((Number) d.get("numerator")).longValue(), ((Number) d.get("denominator")).longValue(),
                        d.getString("reviewId"), d.getInteger("revision"))));
        return actuals;
    }

    private static WriteModel<Document> write(PovertyReview review, Instant now, String code, String kind,
                                              String areaCode, String areaName, double value, String unit,
                                              long numerator, long denominator) {
        String id = id(code, kind, areaCode, review.year());
        Document document = new Document("_id", id).append("indicatorCode", code).append("areaKind", kind)
                .append("areaCode", areaCode).append("areaName", areaName).append("year", review.year())
                .append("value", value).append("unit", unit).append("numerator", numerator)
                .append("denominator", denominator).append("source", SOURCE).append("reviewId", review.id())
                .append("revision", review.revision()).append("standardCode", review.standardCode())
                .append("recordedAt", Date.from(now));
        return new ReplaceOneModel<>(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
