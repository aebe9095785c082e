package vn.giamngheo.plan.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.giamngheo.plan.unit.domain.Successions;
import vn.giamngheo.plan.unit.domain.Unit;
import vn.giamngheo.plan.unit.domain.UnitData;
import vn.giamngheo.plan.unit.domain.UnitImport;
import vn.giamngheo.plan.unit.domain.UnitKind;

/** The shipped reference units, checked without Spring: every line loads, and the facts the suite relies on hold. */
class ReferenceDataTest {

    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    final List<UnitImport.Line> lines = ReferenceDataLoader.referenceLines();
    final Map<String, UnitData> units = lines.stream().map(UnitImport.Line::data)
            .collect(Collectors.toMap(UnitData::code, d -> d));

    @Test
    void every_shipped_line_loads_into_an_empty_store() {
        // when
        List<UnitImport.Decision> decisions = UnitImport.decide(lines, code -> Optional.empty(),
                UnitImport.Mode.ONLY_ABSENT);

        // then
        assertThat(decisions).allSatisfy(d -> assertThat(d.action()).as("line %d (%s): %s", d.line(), d.code(),
                d.errors()).isEqualTo(UnitImport.Action.CREATE));
    }

    @Test
    void son_la_has_twelve_former_district_level_units_that_end_with_the_two_tier_reform() {
        // given
        List<String> districts = units.values().stream().filter(u -> u.kind() == UnitKind.DISTRICT)
                .map(UnitData::code).sorted().toList();

        // then
        assertThat(units.get("14").kind()).isEqualTo(UnitKind.PROVINCE);
        assertThat(districts).containsExactly("H-116", "H-118", "H-119", "H-120", "H-121", "H-122", "H-123",
                "H-124", "H-125", "H-126", "H-127", "H-128");
        assertThat(districts).allSatisfy(code -> {
            assertThat(units.get(code).validTo()).isEqualTo(REFORM.minusDays(1));
            assertThat(units.get(code).parentCode()).isEqualTo("14");
        });
        assertThat(units.get("H-118").nameVi()).isEqualTo("Huyện Quỳnh Nhai");
        assertThat(units.get("H-128").nameVi()).isEqualTo("Huyện Vân Hồ");
    }

    @Test
    void the_agencies_of_the_demo_exist_and_the_ethnic_affairs_committee_became_a_department() {
        // given
        Function<String, Optional<Unit>> lookup = lookup();

        // when
        List<Unit> ethnicAffairsIn2025 = Successions.resolve(lookup.apply("BDT-14").orElseThrow(),
                LocalDate.of(2025, 10, 1), lookup);

        // then
        assertThat(units).containsKeys("TU-14", "UBND-14", "BDT-14", "SLDTBXH-14", "SNNPTNT-14", "SYT-14",
                "SGDDT-14", "SXD-14", "STTTT-14");
        assertThat(units.get("BDT-14").nameVi()).isEqualTo("Ban Dân tộc tỉnh Sơn La");
        assertThat(ethnicAffairsIn2025).extracting(Unit::code, Unit::nameVi)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SDTTG-14", "Sở Dân tộc và Tôn giáo tỉnh Sơn La"));
    }

    @Test
    void sample_communes_are_marked_as_samples_and_their_mergers_lead_to_communes_of_the_new_province() {
        // given
        Function<String, Optional<Unit>> lookup = lookup();
        List<UnitData> communes = units.values().stream().filter(u -> u.kind() == UnitKind.COMMUNE).toList();

        // when
        List<Unit> longLuongAfter = Successions.resolve(lookup.apply("SAMPLE-X-LONG-LUONG").orElseThrow(), REFORM,
                lookup);
        List<Unit> vanHoCommunesAfter = units.values().stream().filter(u -> "H-128".equals(u.parentCode()))
                .flatMap(u -> Successions.resolve(lookup.apply(u.code()).orElseThrow(), REFORM, lookup).stream())
                .distinct().toList();

        // then
        assertThat(communes).isNotEmpty().allSatisfy(c -> assertThat(c.code()).startsWith("SAMPLE-"));
        assertThat(longLuongAfter).extracting(Unit::code).containsExactly("SAMPLE-XM-VAN-HO");
        assertThat(vanHoCommunesAfter).extracting(Unit::code).containsExactlyInAnyOrder("SAMPLE-XM-VAN-HO",
                "SAMPLE-XM-SONG-KHUA", "SAMPLE-XM-TO-MUA", "SAMPLE-XM-XUAN-NHA", "SAMPLE-XM-CHIENG-SON");
        assertThat(vanHoCommunesAfter).allSatisfy(c -> assertThat(c.parentCode()).isEqualTo("14"));
    }

    private Function<String, Optional<Unit>> lookup() {
        Map<String, Unit> stored = lines.stream().map(line -> Unit.register(line.data(), java.time.Instant.EPOCH)
                .state()).collect(Collectors.toMap(Unit::code, u -> u));
        return code -> Optional.ofNullable(stored.get(code));
    }
}
