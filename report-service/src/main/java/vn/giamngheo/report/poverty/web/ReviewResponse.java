package vn.giamngheo.report.poverty.web;

import java.time.Instant;
import vn.giamngheo.report.poverty.domain.PovertyReview;
import vn.giamngheo.report.poverty.domain.ReviewStatus;
import vn.giamngheo.support.outbox.Versioned;

/** A review: its status, standard, last publication and how many households it holds now. */
public record ReviewResponse(String id, long version, int year, String provinceCode, String standardCode,
                             ReviewStatus status, int revision, Instant publishedAt, String reopenReason,
                             long households, boolean synthetic) {

    static ReviewResponse of(Versioned<PovertyReview> review, long households, boolean synthetic) {
        PovertyReview r = review.state();
        return new ReviewResponse(r.id(), review.version(), r.year(), r.provinceCode(), r.standardCode(), r.status(),
                r.revision(), r.publishedAt(), r.reopenReason(), households, synthetic);
    }
}
