package vn.giamngheo.report.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class IndicatorStatusRuleTest {

    final IndicatorStatusRule rule = new IndicatorStatusRule(new BigDecimal("0.10"));

    static Point p(int year, String value) {
        return new Point(year, new BigDecimal(value));
    }

    @Test
    void the_documented_examples_of_a_decreasing_poverty_rate() {
        // given: 20% in 2021, target 10% in 2025; the at-risk band is 10% of the 10-point planned change
        Point baseline = p(2021, "20");
        Point target = p(2025, "10");

        // when
        Judgement slow = rule.judge("DECREASE", baseline, p(2023, "19"), target);
        Judgement fast = rule.judge("DECREASE", baseline, p(2024, "12"), target);
        Judgement short2 = rule.judge("DECREASE", baseline, p(2024, "14"), target);
        Judgement close = rule.judge("DECREASE", baseline, p(2024, "13"), target);

        // then
        assertThat(slow.status()).isEqualTo(IndicatorStatus.OFF_TRACK);
        assertThat(slow.projectedValue()).isEqualByComparingTo("18.00");
        assertThat(fast.status()).isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(fast.projectedValue()).isEqualByComparingTo("9.33");
        assertThat(short2.status()).isEqualTo(IndicatorStatus.OFF_TRACK);
        assertThat(short2.projectedValue()).isEqualByComparingTo("12.00");
        assertThat(close.status()).isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(close.projectedValue()).isEqualByComparingTo("10.67");
        assertThat(close.shortfall()).isEqualByComparingTo("0.67");
    }

    @Test
    void an_increasing_coverage_mirrors_it() {
        // given: 92% in 2021 → target 95% in 2025 (planned change 3 points, band 0.3)
        Point baseline = p(2021, "92");
        Point target = p(2025, "95");

        // then
        assertThat(rule.judge("INCREASE", baseline, p(2024, "93"), target).status())
                .isEqualTo(IndicatorStatus.OFF_TRACK);
        assertThat(rule.judge("INCREASE", baseline, p(2024, "94.5"), target).status())
                .isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(rule.judge("INCREASE", baseline, p(2024, "94.1"), target).status())
                .isEqualTo(IndicatorStatus.AT_RISK);
    }

    @Test
    void reach_takes_its_direction_from_where_the_target_lies() {
        assertThat(rule.judge("REACH", p(2021, "60"), p(2024, "90"), p(2025, "100")).status())
                .isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(rule.judge("REACH", p(2021, "60"), p(2024, "62"), p(2025, "100")).status())
                .isEqualTo(IndicatorStatus.OFF_TRACK);
        assertThat(rule.judge("REACH", p(2021, "8"), p(2024, "5.5"), p(2025, "5")).status())
                .isEqualTo(IndicatorStatus.ON_TRACK);
    }

    @Test
    void a_measured_year_is_compared_as_it_is_and_missing_data_or_targets_are_named() {
        // given
        Point baseline = p(2021, "20");

        // then: an actual of the target year itself is not extrapolated
        assertThat(rule.judge("DECREASE", baseline, p(2025, "10.5"), p(2025, "10")).projectedValue())
                .isEqualByComparingTo("10.50");
        assertThat(rule.judge("DECREASE", baseline, p(2025, "10.5"), p(2025, "10")).status())
                .isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(rule.judge("DECREASE", baseline, null, p(2025, "10")).status())
                .isEqualTo(IndicatorStatus.NO_DATA);
        assertThat(rule.judge("DECREASE", baseline, p(2024, "12"), null).status())
                .isEqualTo(IndicatorStatus.NO_TARGET);
        // no trend without an earlier point: the latest value stands
        assertThat(rule.judge("DECREASE", null, p(2024, "9"), p(2025, "10")).status())
                .isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(rule.judge("DECREASE", p(2024, "20"), p(2024, "12"), p(2025, "10")).projectedValue())
                .isEqualByComparingTo("12.00");
    }
}
