package vn.giamngheo.report.poverty.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.giamngheo.report.poverty.reference.ReferenceData;
import vn.giamngheo.support.domain.InvalidInputException;

class AlkireFosterTest {

    /**
     * The worked example of Alkire, S. and Foster, J. (2011), "Counting and multidimensional poverty measurement",
     * Journal of Public Economics 95(7–8): 476–487, section 2 (also OPHI Working Paper 32, 2009): four persons, four
     * dimensions, achievement matrix y and deprivation cut-offs z; a person is deprived in j when y_ij < z_j.
     */
    static final double[][] Y = {
            {13.1, 14, 4, 1},
            {15.2, 7, 5, 0},
            {12.5, 10, 1, 0},
            {20, 11, 3, 1}};
    static final double[] Z = {13, 12, 3, 1};
    static final List<String> D = List.of("d1", "d2", "d3", "d4");

    /** g0 = [[0,0,0,0],[0,1,0,1],[1,1,1,1],[0,1,0,0]], deprivation counts c = (0, 2, 4, 1) — as published. */
    static List<Set<String>> deprivationProfiles() {
        List<Set<String>> profiles = new ArrayList<>();
        for (double[] person : Y) {
            java.util.LinkedHashSet<String> deprived = new java.util.LinkedHashSet<>();
            for (int j = 0; j < Z.length; j++) {
                if (person[j] < Z[j]) {
                    deprived.add(D.get(j));
                }
            }
            profiles.add(deprived);
        }
        return profiles;
    }

    static Map<String, Rational> equal() {
        Map<String, Rational> weights = new LinkedHashMap<>();
        D.forEach(d -> weights.put(d, Rational.of(1, 4)));
        return weights;
    }

    @Test
    void reproduces_the_published_example_with_k_2_of_4_h_one_half_a_three_quarters_m0_three_eighths() {
        // given: equal weights 1/4 (normalised counting), k = 2 of 4 dimensions = 1/2
        AlkireFoster measure = new AlkireFoster(new MpiSpec(equal(), Rational.of(1, 2)));

        // when
        MpiResult result = measure.measure(deprivationProfiles());

        // then: published H = 1/2, A = 3/4 (= 6/8), M0 = 3/8 (= 6/16)
        assertThat(deprivationProfiles()).extracting(Set::size).containsExactly(0, 2, 4, 1);
        assertThat(result.q()).isEqualTo(2);
        assertThat(result.h()).isEqualTo(Rational.of(1, 2));
        assertThat(result.a()).isEqualTo(Rational.of(3, 4));
        assertThat(result.m0()).isEqualTo(Rational.of(3, 8));
        // hand-computed from the published g0(k): censored headcounts (1/4, 1/2, 1/4, 1/2), person 4's deprivation
        // in d2 is censored; M0 = Σ w_j h_j = 1/4·(1/4 + 1/2 + 1/4 + 1/2) = 3/8; contributions w_j h_j / M0
        assertThat(result.indicators().get("d1").censoredHeadcount()).isEqualTo(Rational.of(1, 4));
        assertThat(result.indicators().get("d2").censoredHeadcount()).isEqualTo(Rational.of(1, 2));
        assertThat(result.indicators().get("d2").uncensoredHeadcount()).isEqualTo(Rational.of(3, 4));
        assertThat(result.indicators().get("d3").censoredHeadcount()).isEqualTo(Rational.of(1, 4));
        assertThat(result.indicators().get("d4").censoredHeadcount()).isEqualTo(Rational.of(1, 2));
        assertThat(result.indicators().get("d1").contribution()).isEqualTo(Rational.of(1, 6));
        assertThat(result.indicators().get("d2").contribution()).isEqualTo(Rational.of(1, 3));
        assertThat(result.indicators().get("d3").contribution()).isEqualTo(Rational.of(1, 6));
        assertThat(result.indicators().get("d4").contribution()).isEqualTo(Rational.of(1, 3));
        Rational sum = result.indicators().values().stream().map(MpiResult.IndicatorResult::contribution)
                .reduce(Rational.ZERO, Rational::plus);
        assertThat(sum).isEqualTo(Rational.ONE);
    }

    @Test
    void union_and_intersection_identification_on_the_same_example() {
        // given: union (k = 1 of 4) and intersection (k = 4 of 4), hand-computed from c = (0, 2, 4, 1)
        AlkireFoster union = new AlkireFoster(new MpiSpec(equal(), Rational.of(1, 4)));
        AlkireFoster intersection = new AlkireFoster(new MpiSpec(equal(), Rational.ONE));

        // when
        MpiResult u = union.measure(deprivationProfiles());
        MpiResult i = intersection.measure(deprivationProfiles());

        // then: union: persons 2, 3, 4 poor; A = (2 + 4 + 1)/(3·4) = 7/12; M0 = 7/16
        assertThat(u.h()).isEqualTo(Rational.of(3, 4));
        assertThat(u.a()).isEqualTo(Rational.of(7, 12));
        assertThat(u.m0()).isEqualTo(Rational.of(7, 16));
        // intersection: person 3 only; A = 1; M0 = 1/4
        assertThat(i.h()).isEqualTo(Rational.of(1, 4));
        assertThat(i.a()).isEqualTo(Rational.ONE);
        assertThat(i.m0()).isEqualTo(Rational.of(1, 4));
    }

    @Test
    void a_unit_exactly_on_the_cut_off_is_poor_where_floating_point_would_fall_short() {
        // given: 0.7 + 0.1 + 0.1 + 0.1 is 0.9999999999999999 in doubles, below k = 1
        Map<String, Rational> weights = new LinkedHashMap<>();
        weights.put("a", Rational.parse("0.7"));
        weights.put("b", Rational.parse("0.1"));
        weights.put("c", Rational.parse("0.1"));
        weights.put("d", Rational.parse("0.1"));
        AlkireFoster measure = new AlkireFoster(new MpiSpec(weights, Rational.ONE));

        // when
        MpiResult result = measure.measure(List.of(Set.of("a", "b", "c", "d"), Set.of("a", "b", "c")));

        // then
        assertThat(0.7 + 0.1 + 0.1 + 0.1).isLessThan(1.0);
        assertThat(result.q()).isEqualTo(1);
        assertThat(result.h()).isEqualTo(Rational.of(1, 2));
        assertThat(result.m0()).isEqualTo(Rational.of(1, 2));
    }

    @Test
    void equal_nested_weights_give_each_dimension_the_same_share() {
        // given
        ReferenceData data = ReferenceData.load();

        // when
        Map<String, Rational> nd07 = MpiSpec.equalNestedWeights(data.standards().forYear(2024));
        Map<String, Rational> nd351 = MpiSpec.equalNestedWeights(data.standards().forYear(2028));

        // then: 6 dimensions of 2 indicators → 1/12 each; from 2027 the 3-indicator dimension gives 1/18 and the
        // 1-indicator one 1/6
        assertThat(nd07.values()).hasSize(12).allSatisfy(w -> assertThat(w).isEqualTo(Rational.of(1, 12)));
        assertThat(nd351.get("WASTE")).isEqualTo(Rational.of(1, 18));
        assertThat(nd351.get("LATRINE")).isEqualTo(Rational.of(1, 18));
        assertThat(nd351.get("TELECOM")).isEqualTo(Rational.of(1, 6));
        assertThat(nd351.get("EMPLOYMENT")).isEqualTo(Rational.of(1, 12));
        assertThat(nd351.values().stream().reduce(Rational.ZERO, Rational::plus)).isEqualTo(Rational.ONE);
        assertThat(MpiSpec.defaultK(data.standards().forYear(2024))).isEqualTo(Rational.of(1, 4));
    }

    @Test
    void a_household_with_3_of_12_equally_weighted_deprivations_is_poor_at_the_default_k() {
        // given: the official count cut-off (3 of 12) expressed as k = 1/4
        ReferenceData data = ReferenceData.load();
        PovertyStandard standard = data.standards().forYear(2024);
        AlkireFoster measure = new AlkireFoster(new MpiSpec(MpiSpec.equalNestedWeights(standard),
                MpiSpec.defaultK(standard)));

        // when
        MpiResult result = measure.measure(List.of(Set.of("EMPLOYMENT", "LATRINE", "TELECOM"),
                Set.of("EMPLOYMENT", "LATRINE"), Set.of()));

        // then: one of three is poor with score 3/12; M0 = (3/12)/3 = 1/12
        assertThat(result.h()).isEqualTo(Rational.of(1, 3));
        assertThat(result.a()).isEqualTo(Rational.of(1, 4));
        assertThat(result.m0()).isEqualTo(Rational.of(1, 12));
        assertThat(result.indicators().get("EMPLOYMENT").uncensoredHeadcount()).isEqualTo(Rational.of(2, 3));
        assertThat(result.indicators().get("EMPLOYMENT").censoredHeadcount()).isEqualTo(Rational.of(1, 3));
        assertThat(result.indicators().get("EMPLOYMENT").contribution()).isEqualTo(Rational.of(1, 3));
    }

    @Test
    void an_empty_population_measures_zero_and_bad_choices_are_refused() {
        // given
        AlkireFoster measure = new AlkireFoster(new MpiSpec(equal(), Rational.of(1, 2)));
        Map<String, Rational> notOne = new LinkedHashMap<>(equal());
        notOne.put("d4", Rational.of(1, 3));

        // when
        MpiResult empty = measure.measure(List.of());

        // then
        assertThat(empty.h()).isEqualTo(Rational.ZERO);
        assertThat(empty.m0()).isEqualTo(Rational.ZERO);
        assertThatThrownBy(() -> new MpiSpec(notOne, Rational.of(1, 2))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> new MpiSpec(equal(), Rational.ZERO)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("k");
        assertThatThrownBy(() -> new MpiSpec(equal(), Rational.of(5, 4))).isInstanceOf(InvalidInputException.class);
        assertThat(Rational.parse("1/3").plus(Rational.parse("2/6"))).isEqualTo(Rational.of(2, 3));
        assertThat(Rational.parse("0.25")).isEqualTo(Rational.of(1, 4));
        assertThat(Rational.of(3, 8).toDecimal(6)).isEqualByComparingTo("0.375");
    }
}
