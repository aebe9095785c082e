package vn.giamngheo.report.poverty.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.giamngheo.report.poverty.reference.ReferenceData;

class HouseholdRowParserTest {

    static final ReferenceData DATA = ReferenceData.load();

    static HouseholdRowParser parser(int year) {
        return new HouseholdRowParser(year, DATA.standards().forYear(year), DATA.units(), DATA.ethnicGroups());
    }

    /** A valid 2024 row of a rural Thái household in Mường Giôn deprived in employment, water and latrine. */
    static Map<String, String> row() {
        Map<String, String> row = new HashMap<>();
        row.put("householdcode", "hh-14-03694-00001");
        row.put("communecode", "03694");
        row.put("areatype", "RURAL");
        row.put("ethnicgroup", "Thái");
        row.put("members", "4");
        row.put("monthlyincomepercapita", "1450000");
        for (String code : DATA.standards().forYear(2024).indicatorCodes()) {
            row.put(code.toLowerCase(Locale.ROOT), Set.of("EMPLOYMENT", "DOMESTIC_WATER", "LATRINE").contains(code)
                    ? "1" : "0");
        }
        return row;
    }

    @Test
    void a_valid_row_becomes_a_record_with_the_deprived_indicators_in_the_standards_order() {
        // when
        HouseholdRowParser.Outcome outcome = parser(2024).parse(row(), 7);

        // then
        assertThat(outcome.errors()).isEmpty();
        HouseholdRecord record = outcome.record();
        assertThat(record.householdCode()).isEqualTo("HH-14-03694-00001");
        assertThat(record.deprived()).containsExactly("EMPLOYMENT", "DOMESTIC_WATER", "LATRINE");
        assertThat(record.classify(DATA.standards().forYear(2024)).classification()).isEqualTo(Classification.POOR);
    }

    @Test
    void spreadsheet_spellings_are_understood() {
        // given: a lost leading zero, Vietnamese thousands separators and decimal comma, có/không, an alias
        Map<String, String> row = row();
        row.put("communecode", "3694");
        row.put("monthlyincomepercapita", "1.450.000");
        row.put("areatype", "nông thôn");
        row.put("ethnicgroup", "H'Mông");
        row.put("employment", "có");
        row.put("latrine", "không");
        row.put("housing_area", "");
        row.put("flooraream2", "31,5");

        // when
        HouseholdRowParser.Outcome outcome = parser(2024).parse(row, 2);

        // then: 31.5 m² for 4 members is 7.875 m² per person, below 8
        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.record().communeCode()).isEqualTo("03694");
        assertThat(outcome.record().monthlyIncomePerCapita()).isEqualTo(1_450_000);
        assertThat(outcome.record().ethnicGroup()).isEqualTo("Mông");
        assertThat(outcome.record().floorAreaM2()).isEqualByComparingTo("31.5");
        assertThat(outcome.record().deprived()).containsExactly("EMPLOYMENT", "HOUSING_AREA", "DOMESTIC_WATER");
    }

    @Test
    void flags_follow_from_raw_answers_with_exact_edges() {
        // given: 32 m² for 4 is exactly 8 m² per person (not below 8); 2 dependants of 4 is exactly half (not more)
        Map<String, String> onTheEdge = row();
        onTheEdge.put("housing_area", "");
        onTheEdge.put("flooraream2", "32");
        onTheEdge.put("dependants", "");
        onTheEdge.put("dependantcount", "2");
        Map<String, String> overTheEdge = new HashMap<>(onTheEdge);
        overTheEdge.put("flooraream2", "31.99");
        overTheEdge.put("dependantcount", "3");

        // when
        HouseholdRecord edge = parser(2024).parse(onTheEdge, 2).record();
        HouseholdRecord over = parser(2024).parse(overTheEdge, 3).record();

        // then
        assertThat(edge.deprived()).doesNotContain("HOUSING_AREA", "DEPENDANTS");
        assertThat(over.deprived()).contains("HOUSING_AREA", "DEPENDANTS");
        assertThat(edge.dependants()).isEqualTo(2);
    }

    @Test
    void every_problem_of_a_row_is_reported_with_its_line_and_column() {
        // given
        Map<String, String> row = row();
        row.put("dependantcount", "9");
        row.put("areatype", "MOUNTAIN");
        row.put("monthlyincomepercapita", "-5");
        row.put("latrine", "maybe");
        row.put("telecom", "");
        row.put("housing_area", "1");
        row.put("flooraream2", "100");

        // when
        HouseholdRowParser.Outcome outcome = parser(2024).parse(row, 42);

        // then
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.errors()).allSatisfy(e -> {
            assertThat(e.line()).isEqualTo(42);
            assertThat(e.householdCode()).isEqualTo("HH-14-03694-00001");
        });
        assertThat(outcome.errors()).extracting(RowError::field).containsExactlyInAnyOrder("dependantCount", "areaType",
                "monthlyIncomePerCapita", "LATRINE", "TELECOM", "HOUSING_AREA");
        assertThat(outcome.errors()).filteredOn(e -> e.field().equals("TELECOM")).first()
                .satisfies(e -> assertThat(e.message()).contains("thiếu giá trị"));
        assertThat(outcome.errors()).filteredOn(e -> e.field().equals("HOUSING_AREA")).first()
                .satisfies(e -> assertThat(e.message()).contains("trái với"));
    }

    @Test
    void a_row_without_members_cannot_derive_flags_and_says_what_is_missing() {
        // given
        Map<String, String> row = row();
        row.put("members", "0");
        row.put("housing_area", "");
        row.put("flooraream2", "20");
        row.put("householdcode", "bad code!");

        // when
        HouseholdRowParser.Outcome outcome = parser(2024).parse(row, 5);

        // then
        assertThat(outcome.errors()).extracting(RowError::field)
                .containsExactlyInAnyOrder("householdCode", "members", "HOUSING_AREA");
        assertThat(outcome.errors()).allSatisfy(e -> assertThat(e.householdCode()).isEqualTo("bad code!"));
    }

    @Test
    void a_commune_that_no_longer_exists_after_the_reform_is_refused_with_its_successor() {
        // given: Pá Ma Pha Khinh (03697) merged into Mường Giôn (03694) on 01/07/2025
        Map<String, String> row = row();
        row.put("communecode", "03697");

        // when
        HouseholdRowParser.Outcome in2024 = parser(2024).parse(row, 2);
        HouseholdRowParser.Outcome in2025 = parser(2025).parse(row, 2);

        // then
        assertThat(in2024.errors()).isEmpty();
        assertThat(in2025.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("communeCode");
            assertThat(e.message()).contains("Xã Pá Ma Pha Khinh").contains("03694").contains("Xã Mường Giôn");
        });
    }

    @Test
    void the_header_must_name_every_column_or_the_raw_answer_of_a_derivable_flag() {
        // given
        HouseholdRowParser parser = parser(2024);
        List<String> full = parser.columns();
        Set<String> withoutFlags = new java.util.LinkedHashSet<>(full);
        withoutFlags.remove("DEPENDANTS");
        withoutFlags.remove("HOUSING_AREA");
        withoutFlags.remove("LATRINE");
        withoutFlags.add("Ghi chú");

        // then
        assertThat(parser.missingColumns(Set.copyOf(full))).isEmpty();
        assertThat(parser.missingColumns(withoutFlags)).containsExactly("LATRINE");
        assertThat(parser.unknownColumns(withoutFlags)).containsExactly("Ghi chú");
        assertThat(parser.missingColumns(Set.of("HouseholdCode"))).contains("communeCode", "members", "TELECOM");
        assertThat(parser(2027).columns()).contains("WASTE").doesNotContain("INFO_DEVICES");
    }

    @Test
    void the_fingerprint_changes_with_any_answer_and_only_then() {
        // given
        HouseholdRecord a = parser(2024).parse(row(), 2).record();
        HouseholdRecord same = parser(2024).parse(row(), 99).record();
        Map<String, String> changed = row();
        changed.put("monthlyincomepercapita", "1450001");

        // then
        assertThat(a.fingerprint()).isEqualTo(same.fingerprint());
        assertThat(parser(2024).parse(changed, 2).record().fingerprint()).isNotEqualTo(a.fingerprint());
        assertThat(new HouseholdRecord(2024, "X", "03694", AreaType.RURAL, "Thái", 1, 1, null,
                new BigDecimal("8.0"), List.of()).fingerprint())
                .isEqualTo(new HouseholdRecord(2024, "X", "03694", AreaType.RURAL, "Thái", 1, 1, null,
                        new BigDecimal("8"), List.of()).fingerprint());
    }
}
