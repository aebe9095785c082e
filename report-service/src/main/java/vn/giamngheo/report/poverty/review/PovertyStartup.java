package vn.giamngheo.report.poverty.review;

import java.time.Clock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.poverty.PovertyProperties;
import vn.giamngheo.report.poverty.indicators.IndicatorActuals;

/**
 * Repairs what a crash can leave behind: a publication whose indicator actuals were not yet written (they are written
 * right after the review) gets them. (Imports a crash interrupted are failed by {@code ImportService}'s heartbeat.)
 */
@Component
class PovertyStartup {

    private final ReviewStore reviews;
    private final IndicatorActuals actuals;
    private final String provinceCode;
    private final Clock clock;

    PovertyStartup(ReviewStore reviews, IndicatorActuals actuals, PovertyProperties properties,
                   Clock clock) {
        this.reviews = reviews;
        this.actuals = actuals;
        this.provinceCode = properties.provinceCode();
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void repair() {
        reviews.all(provinceCode).stream().map(r -> r.state())
                .filter(r -> r.revision() > 0 && actuals.recordedRevision(r) != r.revision())
                .forEach(r -> actuals.record(r, clock.instant()));
    }
}
