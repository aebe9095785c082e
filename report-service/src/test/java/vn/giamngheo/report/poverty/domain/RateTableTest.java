package vn.giamngheo.report.poverty.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.report.poverty.reference.ReferenceData;

class RateTableTest {

    static final ReferenceData DATA = ReferenceData.load();

    static HouseholdRecord household(int year, String code, String commune, AreaType area, String ethnic, long income,
                                     String... deprived) {
        return new HouseholdRecord(year, code, commune, area, ethnic, 4, income, null, null, List.of(deprived));
    }

    @Test
    void rates_by_every_breakdown_are_computed_exactly_as_worked_out_by_hand() {
        // given: 2024, six households
        //   Mường Giôn (03694, Quỳnh Nhai): Thái poor, Thái near-poor, Kinh middle-income
        //   Mường Giàng township (03703, Quỳnh Nhai, urban): Kinh with 1,900,000 and 3 deprivations → poor (urban
        //     line 2,000,000), Thái with 2,100,000 → middle-income
        //   Vân Hồ (04048, Vân Hồ): Mông near-poor
        RateTable table = new RateTable(2024, DATA.standards().forYear(2024), DATA.units(), DATA.ethnicGroups());
        table.add(household(2024, "A", "03694", AreaType.RURAL, "Thái", 1_200_000, "EMPLOYMENT", "LATRINE",
                "TELECOM"));
        table.add(household(2024, "B", "03694", AreaType.RURAL, "Thái", 1_500_000, "LATRINE"));
        table.add(household(2024, "C", "03694", AreaType.RURAL, "Kinh", 2_000_000, "LATRINE", "EMPLOYMENT",
                "NUTRITION", "TELECOM"));
        table.add(household(2024, "D", "03703", AreaType.URBAN, "Kinh", 1_900_000, "EMPLOYMENT", "LATRINE",
                "HOUSING_AREA"));
        table.add(household(2024, "E", "03703", AreaType.URBAN, "Thái", 2_100_000));
        table.add(household(2024, "F", "04048", AreaType.RURAL, "Mông", 800_000, "DOMESTIC_WATER"));

        // when
        List<AreaRate> rates = table.results();

        // then: province 6 households, poor A, D = 2 (33.33%), near-poor B, F = 2 (33.33%), MPR 4/6 = 66.67%
        AreaRate province = find(rates, AreaKind.PROVINCE, "14");
        assertThat(province.name()).isEqualTo("Tỉnh Sơn La");
        assertThat(province.households()).isEqualTo(6);
        assertThat(province.poor()).isEqualTo(2);
        assertThat(province.nearPoor()).isEqualTo(2);
        assertThat(province.middleIncome()).isEqualTo(2);
        assertThat(province.poorRate()).isEqualByComparingTo("33.33");
        assertThat(province.multidimensionalPovertyRate()).isEqualByComparingTo("66.67");
        assertThat(province.deprivations()).containsEntry("LATRINE", 4L).containsEntry("EMPLOYMENT", 3L)
                .containsEntry("DOMESTIC_WATER", 1L).containsEntry("INFO_DEVICES", 0L);
        // Quỳnh Nhai (118): A..E → poor 2, near-poor 1 of 5 = 60%; Vân Hồ (128): F → 100% near-poor
        AreaRate quynhNhai = find(rates, AreaKind.FORMER_DISTRICT, "118");
        assertThat(quynhNhai.name()).isEqualTo("Huyện Quỳnh Nhai");
        assertThat(quynhNhai.households()).isEqualTo(5);
        assertThat(quynhNhai.multidimensionalPovertyRate()).isEqualByComparingTo("60.00");
        assertThat(find(rates, AreaKind.FORMER_DISTRICT, "128").nearPoorRate()).isEqualByComparingTo("100.00");
        // Mường Giôn: 1 poor + 1 near-poor of 3 = 66.67%; township: 1 poor of 2 = 50%
        AreaRate muongGion = find(rates, AreaKind.COMMUNE, "03694");
        assertThat(muongGion.name()).isEqualTo("Xã Mường Giôn");
        assertThat(muongGion.poorRate()).isEqualByComparingTo("33.33");
        assertThat(muongGion.multidimensionalPovertyRate()).isEqualByComparingTo("66.67");
        assertThat(find(rates, AreaKind.COMMUNE, "03703").name()).isEqualTo("Thị trấn Mường Giàng");
        assertThat(find(rates, AreaKind.COMMUNE, "03703").poorRate()).isEqualByComparingTo("50.00");
        // ethnic minority A, B, E, F: poor 1, near-poor 2 of 4 = 75%; Kinh C, D: poor 1 of 2 = 50%
        AreaRate minority = find(rates, AreaKind.ETHNICITY, "ETHNIC_MINORITY");
        assertThat(minority.name()).isEqualTo("Dân tộc thiểu số");
        assertThat(minority.households()).isEqualTo(4);
        assertThat(minority.multidimensionalPovertyRate()).isEqualByComparingTo("75.00");
        assertThat(find(rates, AreaKind.ETHNICITY, "KINH").multidimensionalPovertyRate())
                .isEqualByComparingTo("50.00");
        // ethnic groups, largest first: Thái (3), Kinh (2), Mông (1)
        assertThat(rates.stream().filter(r -> r.kind() == AreaKind.ETHNIC_GROUP)).extracting(AreaRate::code)
                .containsExactly("Thái", "Kinh", "Mông");
        assertThat(rates.get(0).kind()).isEqualTo(AreaKind.PROVINCE);
    }

    @Test
    void after_the_reform_communes_are_the_new_units_and_unknown_codes_stay_visible() {
        // given: 2025 uses the new units; 03688 is now Xã Mường Chiên (it was Chiềng Khay); 09999 is unknown
        RateTable table = new RateTable(2025, DATA.standards().forYear(2025), DATA.units(), DATA.ethnicGroups());
        table.add(household(2025, "A", "03688", AreaType.RURAL, "Thái", 1_000_000, "EMPLOYMENT"));
        table.add(household(2025, "B", "09999", AreaType.RURAL, "Thái", 3_000_000));

        // when
        List<AreaRate> rates = table.results();

        // then
        assertThat(find(rates, AreaKind.COMMUNE, "03688").name()).isEqualTo("Xã Mường Chiên");
        assertThat(find(rates, AreaKind.FORMER_DISTRICT, "118").households()).isEqualTo(1);
        assertThat(find(rates, AreaKind.FORMER_DISTRICT, "UNMAPPED").name())
                .isEqualTo("Chưa có trong bảng chuyển đổi đơn vị");
        assertThat(find(rates, AreaKind.PROVINCE, "14").households()).isEqualTo(2);
    }

    @Test
    void an_empty_review_still_has_the_province_with_zero_rates() {
        List<AreaRate> rates = new RateTable(2024, DATA.standards().forYear(2024), DATA.units(),
                DATA.ethnicGroups()).results();

        assertThat(rates).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(AreaKind.PROVINCE);
            assertThat(r.households()).isZero();
            assertThat(r.multidimensionalPovertyRate()).isEqualByComparingTo("0.00");
        });
    }

    static AreaRate find(List<AreaRate> rates, AreaKind kind, String code) {
        return rates.stream().filter(r -> r.kind() == kind && r.code().equals(code)).findFirst().orElseThrow();
    }
}
