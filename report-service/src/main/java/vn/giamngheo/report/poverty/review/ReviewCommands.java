package vn.giamngheo.report.poverty.review;

import java.time.Clock;
import org.springframework.stereotype.Service;
import vn.giamngheo.report.poverty.PovertyProperties;
import vn.giamngheo.report.poverty.domain.PovertyReview;
import vn.giamngheo.report.poverty.domain.PovertyStandards;
import vn.giamngheo.report.poverty.imports.ImportJobs;
import vn.giamngheo.report.poverty.indicators.IndicatorActuals;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.StaleVersionException;
import vn.giamngheo.support.domain.StateConflictException;
import vn.giamngheo.support.outbox.AggregateStore;
import vn.giamngheo.support.outbox.Versioned;

/** Opens, publishes and reopens reviews; each change and its event are stored in one write. */
@Service
public class ReviewCommands {

    private final AggregateStore<PovertyReview> reviews;
    private final PovertyStandards standards;
    private final ReviewQueries queries;
    private final ImportJobs imports;
    private final IndicatorActuals actuals;
    private final String provinceCode;
    private final Clock clock;

    public ReviewCommands(ReviewStore store, PovertyStandards standards, ReviewQueries queries, ImportJobs imports,
                          IndicatorActuals actuals, PovertyProperties properties, Clock clock) {
        this.reviews = store.aggregates();
        this.standards = standards;
        this.queries = queries;
        this.imports = imports;
        this.actuals = actuals;
        this.provinceCode = properties.provinceCode();
        this.clock = clock;
    }

    public String idOf(int year) {
        return PovertyReview.idOf(provinceCode, year);
    }

    /**
     * The year's review, opened on first use (the first import or intake record opens it); refused with 409 when it
     * is published, since its households may then not change.
     */
    public Versioned<PovertyReview> ensureOpen(int year) {
        String id = idOf(year);
        var existing = reviews.find(id);
        if (existing.isPresent()) {
            existing.get().state().requireOpen();
            return existing.get();
        }
        Change<PovertyReview> opened = PovertyReview.open(provinceCode, year, standards.forYear(year),
                clock.instant());
        try {
            return reviews.create(id, opened.state(), opened.event());
        } catch (StateConflictException raced) {
            Versioned<PovertyReview> review = reviews.get(id);
            review.state().requireOpen();
            return review;
        }
    }

    /**
     * Publishes the results as they stand: computes every area's rates from the households, stores them with the
     * review and its event, then records the indicator actuals.
     */
    public Versioned<PovertyReview> publish(int year, Long expectedVersion) {
        String id = idOf(year);
        Versioned<PovertyReview> current = reviews.get(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersionException("Poverty review", id, expectedVersion, current.version());
        }
        current.state().requireOpen();
        if (imports.running(year)) {
            throw new StateConflictException("import-running", "An import into the " + year
                    + " review is still running; publish when it has finished");
        }
        ReviewQueries.LiveRates rates = queries.liveRates(year);
        Versioned<PovertyReview> published = reviews.apply(id, current.version(),
                (review, version) -> review.publish(version, rates.areas(), rates.synthetic(), clock.instant()));
        actuals.record(published.state(), clock.instant());
        return published;
    }

    public Versioned<PovertyReview> reopen(int year, Long expectedVersion, String reason) {
        return reviews.apply(idOf(year), expectedVersion,
                (review, version) -> review.reopen(version, reason, clock.instant()));
    }
}
