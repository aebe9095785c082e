package vn.giamngheo.report.security;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.poverty.PovertyProperties;
import vn.giamngheo.report.poverty.domain.PovertyReview;
import vn.giamngheo.report.poverty.domain.ReviewStatus;
import vn.giamngheo.report.poverty.review.ReviewStore;

/**
 * Which poverty reviews the public may see: a review's figures become public when it is published. While a review is
 * open (never published, or reopened for corrections) its figures are provisional and only signed-in readers see
 * them. A year without a review is let through, so the caller gets the 404 the controller gives.
 */
@Component
class PublishedReviews {

    private final ReviewStore reviews;
    private final String provinceCode;

    PublishedReviews(ReviewStore reviews, PovertyProperties properties) {
        this.reviews = reviews;
        this.provinceCode = properties.provinceCode();
    }

    /** The review of the path's {@code {year}} is published (or does not exist). */
    AuthorizationManager<RequestAuthorizationContext> yearIsPublished() {
        return (authentication, context) -> new AuthorizationDecision(
                publishedOrAbsent(context.getVariables().get("year")));
    }

    /** The reviews of the {@code from} and {@code to} query parameters are both published (or do not exist). */
    AuthorizationManager<RequestAuthorizationContext> fromAndToArePublished() {
        return (authentication, context) -> new AuthorizationDecision(
                publishedOrAbsent(context.getRequest().getParameter("from"))
                        && publishedOrAbsent(context.getRequest().getParameter("to")));
    }

    private boolean publishedOrAbsent(String year) {
        if (year == null || !year.matches("\\d{4}")) {
            return true; // the controller refuses it with a 400
        }
        return reviews.find(PovertyReview.idOf(provinceCode, Integer.parseInt(year)))
                .map(review -> review.state().status() == ReviewStatus.PUBLISHED).orElse(true);
    }
}
