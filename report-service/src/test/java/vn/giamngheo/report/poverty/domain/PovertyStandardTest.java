package vn.giamngheo.report.poverty.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.report.poverty.reference.ReferenceData;
import vn.giamngheo.support.domain.InvalidInputException;

/**
 * Classification by the shipped standards. Expected outcomes are worked out by hand from Decree 07/2021 (lines
 * 1,500,000 rural / 2,000,000 urban; middle income up to 2,250,000 / 3,000,000; poor with ≥ 3 deprivations) and
 * Decree 351/2025 (lines 2,200,000 / 2,800,000 from 2027).
 */
class PovertyStandardTest {

    static final PovertyStandards STANDARDS = ReferenceData.load().standards();
    static final PovertyStandard ND07 = STANDARDS.forYear(2024);
    static final PovertyStandard ND351 = STANDARDS.forYear(2027);

    static final List<String> THREE = List.of("EMPLOYMENT", "DOMESTIC_WATER", "LATRINE");
    static final List<String> TWO = List.of("EMPLOYMENT", "LATRINE");

    @ParameterizedTest(name = "{0} {1} VND with {2} deprivations → {3}")
    @CsvSource({
            // income exactly on the rural line counts as at or below it
            "RURAL, 1500000, 3, POOR",
            "RURAL, 1500000, 2, NEAR_POOR",
            // exactly 3 deprivations is poor, 2 is near-poor
            "RURAL, 900000, 3, POOR",
            "RURAL, 900000, 2, NEAR_POOR",
            "RURAL, 0, 0, NEAR_POOR",
            // one dong above the line: never poor, however many deprivations
            "RURAL, 1500001, 12, MIDDLE_INCOME",
            "RURAL, 2250000, 12, MIDDLE_INCOME",
            "RURAL, 2250001, 12, NONE",
            // the urban line is higher: 1,800,000 is below it but above the rural line
            "URBAN, 1800000, 3, POOR",
            "RURAL, 1800000, 3, MIDDLE_INCOME",
            "URBAN, 2000000, 3, POOR",
            "URBAN, 2000000, 0, NEAR_POOR",
            "URBAN, 2000001, 5, MIDDLE_INCOME",
            "URBAN, 3000000, 0, MIDDLE_INCOME",
            "URBAN, 3000001, 0, NONE"
    })
    void the_2022_2025_standard_classifies_by_income_line_and_deprivation_count(AreaType area, long income,
                                                                               int deprivations,
                                                                               Classification expected) {
        // given
        List<String> deprived = ND07.indicatorCodes().subList(0, deprivations);

        // when
        ClassificationResult result = ND07.classify(area, income, deprived);

        // then
        assertThat(result.classification()).isEqualTo(expected);
        assertThat(result.deprivationCount()).isEqualTo(deprivations);
        assertThat(result.incomeLine()).isEqualTo(area == AreaType.RURAL ? 1_500_000 : 2_000_000);
    }

    @Test
    void the_reasons_name_the_income_against_the_line_and_the_indicators() {
        // when
        ClassificationResult poor = ND07.classify(AreaType.RURAL, 1_500_000, THREE);
        ClassificationResult aboveLine = ND07.classify(AreaType.RURAL, 1_600_000, ND07.indicatorCodes());

        // then
        assertThat(poor.incomeAtOrBelowLine()).isTrue();
        assertThat(poor.deprivedIndicators()).containsExactly("EMPLOYMENT", "DOMESTIC_WATER", "LATRINE");
        assertThat(poor.reasonsVi()).containsExactly(
                "Thu nhập bình quân 1.500.000 đ/người/tháng ≤ chuẩn nghèo nông thôn 1.500.000 đ",
                "Thiếu hụt 3 chỉ số dịch vụ xã hội cơ bản (≥ 3): Việc làm, Nguồn nước sinh hoạt, Nhà tiêu hợp vệ sinh",
                "Hộ nghèo: thu nhập ≤ chuẩn và thiếu hụt từ 3 chỉ số trở lên");
        assertThat(aboveLine.classification()).isEqualTo(Classification.MIDDLE_INCOME);
        assertThat(aboveLine.deprivationCount()).isEqualTo(12);
        assertThat(aboveLine.reasonsVi().get(0)).contains("> chuẩn nghèo nông thôn 1.500.000 đ");
        assertThat(aboveLine.reasonsVi().get(2)).contains("không là hộ nghèo dù thiếu hụt");
    }

    @Test
    void the_review_year_picks_the_standard_2026_still_uses_decree_07() {
        assertThat(STANDARDS.forYear(2022).code()).isEqualTo("ND07-2021");
        assertThat(STANDARDS.forYear(2026).code()).isEqualTo("ND07-2021");
        assertThat(STANDARDS.forYear(2027).code()).isEqualTo("ND351-2025");
        assertThat(STANDARDS.forYear(2030).code()).isEqualTo("ND351-2025");
        assertThatThrownBy(() -> STANDARDS.forYear(2021)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("2021");
        assertThatThrownBy(() -> STANDARDS.forYear(2031)).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest(name = "2027: {0} {1} VND with {2} deprivations → {3}")
    @CsvSource({
            "RURAL, 2200000, 3, POOR",
            "RURAL, 2200000, 2, NEAR_POOR",
            "RURAL, 2200001, 9, NONE",
            "URBAN, 2800000, 3, POOR",
            "URBAN, 2500000, 1, NEAR_POOR",
            "URBAN, 2800001, 0, NONE"
    })
    void the_2027_2030_lines_of_decree_351(AreaType area, long income, int deprivations, Classification expected) {
        // given: without confirmed middle-income ceilings, above the line is NONE
        List<String> deprived = ND351.indicatorCodes().subList(0, deprivations);

        // when
        ClassificationResult result = ND351.classify(area, income, deprived);

        // then
        assertThat(result.classification()).isEqualTo(expected);
        assertThat(result.middleIncomeCeiling()).isNull();
    }

    @Test
    void only_the_standards_own_indicators_count() {
        // given: WASTE exists only from 2027, INFO_DEVICES only until 2026
        List<String> answers = List.of("EMPLOYMENT", "LATRINE", "WASTE");

        // when
        ClassificationResult in2024 = ND07.classify(AreaType.RURAL, 1_000_000, answers);
        ClassificationResult in2027 = ND351.classify(AreaType.RURAL, 1_000_000, answers);
        ClassificationResult devicesIn2027 = ND351.classify(AreaType.RURAL, 1_000_000,
                List.of("EMPLOYMENT", "LATRINE", "INFO_DEVICES"));

        // then
        assertThat(in2024.classification()).isEqualTo(Classification.NEAR_POOR);
        assertThat(in2024.deprivationCount()).isEqualTo(2);
        assertThat(in2027.classification()).isEqualTo(Classification.POOR);
        assertThat(devicesIn2027.classification()).isEqualTo(Classification.NEAR_POOR);
    }

    @Test
    void the_shipped_standards_have_six_dimensions_and_twelve_indicators() {
        assertThat(ND07.dimensions()).hasSize(6);
        assertThat(ND07.indicatorCodes()).containsExactly("EMPLOYMENT", "DEPENDANTS", "NUTRITION",
                "HEALTH_INSURANCE", "ADULT_EDUCATION", "CHILD_SCHOOLING", "HOUSING_QUALITY", "HOUSING_AREA",
                "DOMESTIC_WATER", "LATRINE", "TELECOM", "INFO_DEVICES");
        assertThat(ND07.deprivationCutoff()).isEqualTo(3);
        assertThat(ND07.indicator("HEALTH_INSURANCE").orElseThrow().check()).isTrue();
        assertThat(ND351.dimensions()).hasSize(6);
        assertThat(ND351.indicatorCodes()).hasSize(12).contains("WASTE").doesNotContain("INFO_DEVICES");
        assertThat(ND351.dimensionOf("WASTE").indicators()).hasSize(3);
        assertThat(ND351.dimensionOf("TELECOM").indicators()).hasSize(1);
    }
}
