package vn.giamngheo.report.poverty.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.report.PovertyReviewOpened;
import vn.giamngheo.contracts.report.PovertyReviewPublished;
import vn.giamngheo.contracts.report.PovertyReviewReopened;
import vn.giamngheo.report.poverty.reference.ReferenceData;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;
import vn.giamngheo.support.domain.UnprocessableException;

class PovertyReviewTest {

    static final ReferenceData DATA = ReferenceData.load();
    static final Instant NOW = Instant.parse("2024-12-20T03:00:00Z");

    static List<AreaRate> rates(long households, long poor, long nearPoor) {
        return List.of(AreaRate.of(AreaKind.PROVINCE, "14", "Tỉnh Sơn La", households, poor, nearPoor, 0,
                java.util.Map.of("LATRINE", poor)), AreaRate.of(AreaKind.COMMUNE, "03694", "Xã Mường Giôn", households,
                poor, nearPoor, 0, java.util.Map.of("LATRINE", poor)));
    }

    @Test
    void a_review_is_opened_published_reopened_and_published_again_with_the_next_revision() {
        // given
        Change<PovertyReview> opened = PovertyReview.open("14", 2024, DATA.standards().forYear(2024), NOW);

        // when
        Change<PovertyReview> published = opened.state().publish(1, rates(200, 25, 15), false, NOW);
        Change<PovertyReview> reopened = published.state().reopen(2, "Phúc tra xã Mường Giôn", NOW);
        Change<PovertyReview> again = reopened.state().publish(3, rates(200, 24, 15), true, NOW);

        // then
        assertThat(opened.state().id()).isEqualTo("PR-14-2024");
        assertThat(opened.event()).isEqualTo(new PovertyReviewOpened("PR-14-2024", 1, "14", 2024, "ND07-2021", "OPEN",
                NOW));
        PovertyReviewPublished first = (PovertyReviewPublished) published.event();
        assertThat(first.version()).isEqualTo(2);
        assertThat(first.revision()).isEqualTo(1);
        assertThat(first.status()).isEqualTo("PUBLISHED");
        assertThat(first.poorRate()).isEqualByComparingTo("12.50");
        assertThat(first.multidimensionalPovertyRate()).isEqualByComparingTo("20.00");
        assertThat(first.areas()).hasSize(2);
        assertThat(first.areas().get(1).name()).isEqualTo("Xã Mường Giôn");
        assertThat(reopened.event()).isEqualTo(new PovertyReviewReopened("PR-14-2024", 3, "14", 2024,
                "Phúc tra xã Mường Giôn", "OPEN", NOW));
        assertThat(reopened.state().publishedRates()).isEqualTo(published.state().publishedRates());
        PovertyReviewPublished second = (PovertyReviewPublished) again.event();
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.version()).isEqualTo(4);
        assertThat(second.poor()).isEqualTo(24);
        assertThat(second.synthetic()).isTrue();
        assertThat(opened.state().publishedHouseholds()).isZero();
        assertThat(published.state().publishedHouseholds()).isEqualTo(200);
        assertThat(again.state().synthetic()).isTrue();
    }

    @Test
    void illegal_transitions_are_refused() {
        // given
        PovertyReview open = PovertyReview.open("14", 2024, DATA.standards().forYear(2024), NOW).state();
        PovertyReview published = open.publish(1, rates(10, 1, 1), false, NOW).state();

        // then
        assertThatThrownBy(() -> published.publish(2, rates(10, 1, 1), false, NOW))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(published::requireOpen).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("reopen");
        assertThatThrownBy(() -> open.reopen(1, "x", NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> published.reopen(2, " ", NOW)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> open.publish(1, rates(0, 0, 0), false, NOW))
                .isInstanceOf(UnprocessableException.class);
    }
}
