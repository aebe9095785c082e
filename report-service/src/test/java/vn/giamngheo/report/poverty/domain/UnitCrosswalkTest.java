package vn.giamngheo.report.poverty.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.giamngheo.report.poverty.reference.ReferenceData;

class UnitCrosswalkTest {

    static final UnitCrosswalk UNITS = ReferenceData.load().units();

    @Test
    void the_sample_crosswalk_maps_every_former_commune_onto_a_new_unit() {
        assertThat(UNITS.formerCommunes()).hasSize(26);
        assertThat(UNITS.communes()).hasSize(9);
        assertThat(UNITS.communes().stream().mapToInt(c -> c.predecessorCodes().size()).sum()).isEqualTo(26);
        assertThat(UNITS.reformDate()).hasToString("2025-07-01");
    }

    @Test
    void a_code_means_what_the_review_year_says() {
        // 03688 was Chiềng Khay until 30/06/2025 and is Mường Chiên after
        assertThat(UNITS.communeName("03688", 2024)).isEqualTo("Xã Chiềng Khay");
        assertThat(UNITS.communeName("03688", 2025)).isEqualTo("Xã Mường Chiên");
        assertThat(UNITS.codeIn("03685", 2024, 2025)).isEqualTo("03688");
        assertThat(UNITS.codeIn("03685", 2022, 2024)).isEqualTo("03685");
        assertThat(UNITS.codeIn("04056", 2024, 2025)).isEqualTo("03985");
        assertThat(UNITS.codeIn("09999", 2024, 2025)).isEqualTo("09999");
        // Chiềng Sơn spans Mộc Châu and Vân Hồ; it is reported under the district whose commune code it kept
        assertThat(UNITS.formerDistrictOf("03985", 2025)).isEqualTo("123");
        assertThat(UNITS.formerDistrictOf("04056", 2024)).isEqualTo("128");
        assertThat(UNITS.formerDistrictOf("09999", 2024)).isEqualTo(UnitCrosswalk.UNMAPPED);
        assertThat(UNITS.retiredIn("03697", 2025)).hasValueSatisfying(m -> assertThat(m).contains("03694"));
        assertThat(UNITS.retiredIn("03694", 2025)).isEmpty();
        assertThat(UNITS.retiredIn("03697", 2024)).isEmpty();
    }
}
