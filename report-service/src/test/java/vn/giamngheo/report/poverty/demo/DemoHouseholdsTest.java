package vn.giamngheo.report.poverty.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giamngheo.report.poverty.domain.AreaKind;
import vn.giamngheo.report.poverty.domain.AreaRate;
import vn.giamngheo.report.poverty.domain.HouseholdRowParser;
import vn.giamngheo.report.poverty.domain.RateTable;
import vn.giamngheo.report.poverty.imports.CsvRowSource;
import vn.giamngheo.report.poverty.imports.RowSource;
import vn.giamngheo.report.poverty.reference.ReferenceData;

class DemoHouseholdsTest {

    static final ReferenceData DATA = ReferenceData.load();

    @TempDir
    Path dir;

    @Test
    void the_synthetic_review_has_realistic_son_la_rates_falling_from_about_20_to_about_10_percent()
            throws IOException {
        // given
        DemoHouseholds demo = new DemoHouseholds(2024, 6000, DATA.units());

        // when
        List<AreaRate> earlier = rates(demo, 2022);
        List<AreaRate> later = rates(demo, 2025);

        // then
        AreaRate province2022 = area(earlier, AreaKind.PROVINCE, "14");
        AreaRate province2025 = area(later, AreaKind.PROVINCE, "14");
        System.out.printf("2022 %s poor %s near %s | 2025 %s poor %s near %s | EM %s/%s Kinh %s/%s%n",
                province2022.multidimensionalPovertyRate(), province2022.poorRate(), province2022.nearPoorRate(),
                province2025.multidimensionalPovertyRate(), province2025.poorRate(), province2025.nearPoorRate(),
                area(earlier, AreaKind.ETHNICITY, "ETHNIC_MINORITY").multidimensionalPovertyRate(),
                area(later, AreaKind.ETHNICITY, "ETHNIC_MINORITY").multidimensionalPovertyRate(),
                area(earlier, AreaKind.ETHNICITY, "KINH").multidimensionalPovertyRate(),
                area(later, AreaKind.ETHNICITY, "KINH").multidimensionalPovertyRate());
        assertThat(province2022.multidimensionalPovertyRate()).isBetween(new java.math.BigDecimal("17"),
                new java.math.BigDecimal("23"));
        assertThat(province2025.multidimensionalPovertyRate()).isBetween(new java.math.BigDecimal("8"),
                new java.math.BigDecimal("11"));
        assertThat(province2022.poor()).isGreaterThan(province2022.nearPoor());
        assertThat(area(earlier, AreaKind.ETHNICITY, "ETHNIC_MINORITY").multidimensionalPovertyRate())
                .isGreaterThan(area(earlier, AreaKind.ETHNICITY, "KINH").multidimensionalPovertyRate()
                        .multiply(new java.math.BigDecimal("2")));
        assertThat(later.stream().filter(r -> r.kind() == AreaKind.COMMUNE)).extracting(AreaRate::code)
                .containsExactlyInAnyOrder("03688", "03694", "03703", "03712", "03985", "04006", "04018", "04048",
                        "04057");
        assertThat(earlier.stream().filter(r -> r.kind() == AreaKind.COMMUNE)).hasSize(25);
    }

    @Test
    void the_same_seed_gives_the_same_file_and_another_seed_another() throws IOException {
        // given
        DemoHouseholds one = new DemoHouseholds(7, 500, DATA.units());
        DemoHouseholds same = new DemoHouseholds(7, 500, DATA.units());
        DemoHouseholds other = new DemoHouseholds(8, 500, DATA.units());

        // when
        String a = Files.readString(one.writeCsv(2022, 2022, DATA.standards().forYear(2022), dir.resolve("a.csv")));
        String b = Files.readString(same.writeCsv(2022, 2022, DATA.standards().forYear(2022), dir.resolve("b.csv")));
        String c = Files.readString(other.writeCsv(2022, 2022, DATA.standards().forYear(2022), dir.resolve("c.csv")));

        // then
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(a.lines().count()).isEqualTo(501);
    }

    private List<AreaRate> rates(DemoHouseholds demo, int year) throws IOException {
        Path file = demo.writeCsv(year, 2022, DATA.standards().forYear(year), dir.resolve(year + ".csv"));
        HouseholdRowParser parser = new HouseholdRowParser(year, DATA.standards().forYear(year), DATA.units(),
                DATA.ethnicGroups());
        RateTable table = new RateTable(year, DATA.standards().forYear(year), DATA.units(), DATA.ethnicGroups());
        new CsvRowSource(file).read(new RowSource.RowHandler() {
            @Override
            public void header(List<String> columns) {
                assertThat(parser.missingColumns(new java.util.HashSet<>(columns))).isEmpty();
            }

            @Override
            public void row(long line, Map<String, String> cells) {
                HouseholdRowParser.Outcome outcome = parser.parse(cells, line);
                assertThat(outcome.errors()).as("line %d", line).isEmpty();
                table.add(outcome.record());
            }
        });
        return table.results();
    }

    private static AreaRate area(List<AreaRate> rates, AreaKind kind, String code) {
        return rates.stream().filter(r -> r.kind() == kind && r.code().equals(code)).findFirst().orElseThrow();
    }
}
