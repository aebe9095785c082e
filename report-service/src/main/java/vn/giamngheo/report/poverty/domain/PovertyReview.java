package vn.giamngheo.report.poverty.domain;

import java.time.Instant;
import java.util.List;
import vn.giamngheo.contracts.report.PovertyAreaResult;
import vn.giamngheo.contracts.report.PovertyReviewOpened;
import vn.giamngheo.contracts.report.PovertyReviewPublished;
import vn.giamngheo.contracts.report.PovertyReviewReopened;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;
import vn.giamngheo.support.domain.UnprocessableException;

/**
 * A province's household poverty review of one year. It is OPEN while households are imported; publishing makes its
 * results official and announces them on report.events; reopening (for corrections) lets imports change it again,
 * and the next publication carries the next revision. Each command returns the new state and its one event.
 *
 * @param results   the areas as last published (empty until the first publication)
 * @param synthetic the last publication included generated demo households
 */
public record PovertyReview(String id, String provinceCode, int year, String standardCode, ReviewStatus status,
                            int revision, Instant publishedAt, String reopenReason, List<PublishedArea> results,
                            boolean synthetic) {

    public PovertyReview {
        results = results == null ? List.of() : List.copyOf(results);
    }

    public static String idOf(String provinceCode, int year) {
        return "PR-" + provinceCode + "-" + year;
    }

    public static Change<PovertyReview> open(String provinceCode, int year, PovertyStandard standard, Instant now) {
        if (!standard.appliesTo(year)) {
            throw new IllegalArgumentException(standard.code() + " does not cover " + year);
        }
        PovertyReview review = new PovertyReview(idOf(provinceCode, year), provinceCode, year, standard.code(),
                ReviewStatus.OPEN, 0, null, null, List.of(), false);
        return new Change<>(review, new PovertyReviewOpened(review.id, 1, provinceCode, year, standard.code(),
                review.status.name(), now));
    }

    /** Households may be imported only while the review is open. */
    public void requireOpen() {
        if (status != ReviewStatus.OPEN) {
            throw new StateConflictException("The " + year + " review is published (revision " + revision
                    + "); reopen it before changing its households");
        }
    }

    /**
     * Publishes the given results; {@code synthetic} says the review holds generated demo households, which the
     * event carries so that nobody reports them as real.
     */
    public Change<PovertyReview> publish(long version, List<AreaRate> rates, boolean synthetic, Instant now) {
        requireOpen();
        AreaRate province = rates.stream().filter(r -> r.kind() == AreaKind.PROVINCE).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("results without the province"));
        if (province.households() == 0) {
            throw new UnprocessableException("empty-review", "The " + year + " review has no households to publish");
        }
        PovertyReview published = new PovertyReview(id, provinceCode, year, standardCode, ReviewStatus.PUBLISHED,
                revision + 1, now, null, rates.stream().map(PublishedArea::of).toList(), synthetic);
        List<PovertyAreaResult> areas = rates.stream().map(r -> new PovertyAreaResult(r.kind().name(), r.code(),
                r.name(), r.households(), r.poor(), r.nearPoor(), r.middleIncome(), r.poorRate(), r.nearPoorRate(),
                r.multidimensionalPovertyRate(), r.deprivations())).toList();
        return new Change<>(published, new PovertyReviewPublished(id, version + 1, provinceCode, year, standardCode,
                published.revision, province.households(), province.poor(), province.nearPoor(), province.poorRate(),
                province.nearPoorRate(), province.multidimensionalPovertyRate(), areas, synthetic,
                published.status.name(),
                now));
    }

    public Change<PovertyReview> reopen(long version, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "say why the published results are being corrected");
        }
        if (status != ReviewStatus.PUBLISHED) {
            throw new StateConflictException("The " + year + " review is not published; there is nothing to reopen");
        }
        PovertyReview reopened = new PovertyReview(id, provinceCode, year, standardCode, ReviewStatus.OPEN, revision,
                publishedAt, reason.strip(), results, synthetic);
        return new Change<>(reopened, new PovertyReviewReopened(id, version + 1, provinceCode, year, reason.strip(),
                reopened.status.name(), now));
    }

    /**
     * The households of the last publication: the province's count, which covers every household of the review.
     * While published the review takes no households, so this is also how many it holds.
     */
    public long publishedHouseholds() {
        return results.stream().filter(r -> r.kind() == AreaKind.PROVINCE).mapToLong(PublishedArea::households)
                .findFirst().orElse(0);
    }

    public List<AreaRate> publishedRates() {
        return results.stream().map(PublishedArea::toRate).toList();
    }
}
