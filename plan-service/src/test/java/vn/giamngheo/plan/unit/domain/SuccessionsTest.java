package vn.giamngheo.plan.unit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SuccessionsTest {

    static final LocalDate REFORM_EVE = LocalDate.of(2025, 6, 30);

    static Unit unit(String code, LocalDate from, LocalDate to, String... successors) {
        return Unit.of(new UnitData(code, UnitKind.COMMUNE, code, code, null, from, to, List.of(successors)));
    }

    static Function<String, Optional<Unit>> lookup(Unit... units) {
        Map<String, Unit> byCode = Stream.of(units).collect(Collectors.toMap(Unit::code, u -> u));
        return code -> Optional.ofNullable(byCode.get(code));
    }

    @Test
    void a_merged_commune_becomes_the_new_commune_after_the_reform_and_stays_itself_before() {
        // given: Lóng Luông merged into the new Vân Hồ commune on 01/07/2025
        Unit longLuong = unit("LONG-LUONG", LocalDate.of(2021, 1, 1), REFORM_EVE, "VAN-HO-NEW");
        Unit vanHo = unit("VAN-HO-NEW", REFORM_EVE.plusDays(1), null);
        var units = lookup(longLuong, vanHo);

        // then
        assertThat(Successions.resolve(longLuong, LocalDate.of(2024, 5, 1), units)).containsExactly(longLuong);
        assertThat(Successions.resolve(longLuong, REFORM_EVE, units)).containsExactly(longLuong);
        assertThat(Successions.resolve(longLuong, REFORM_EVE.plusDays(1), units)).containsExactly(vanHo);
        assertThat(Successions.resolve(longLuong, LocalDate.of(2020, 1, 1), units)).isEmpty();
    }

    @Test
    void successors_are_followed_through_several_changes_to_the_units_of_the_date() {
        // given: A split into B and C; B was later renamed D; C still exists
        Unit a = unit("A", LocalDate.of(2021, 1, 1), LocalDate.of(2022, 12, 31), "B", "C");
        Unit b = unit("B", LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), "D");
        Unit c = unit("C", LocalDate.of(2023, 1, 1), null);
        Unit d = unit("D", LocalDate.of(2025, 1, 1), null);
        var units = lookup(a, b, c, d);

        // then
        assertThat(Successions.resolve(a, LocalDate.of(2023, 6, 1), units)).containsExactly(b, c);
        assertThat(Successions.resolve(a, LocalDate.of(2025, 6, 1), units)).containsExactly(d, c);
    }

    @Test
    void a_dissolved_unit_leads_nowhere_and_a_cycle_in_bad_data_ends() {
        // given
        Unit dissolved = unit("H-118", LocalDate.of(2021, 1, 1), REFORM_EVE);
        Unit x = unit("X", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), "Y");
        Unit y = unit("Y", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), "X");
        Unit dangling = unit("Z", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), "UNKNOWN");

        // then
        assertThat(Successions.resolve(dissolved, REFORM_EVE.plusDays(1), lookup(dissolved))).isEmpty();
        assertThat(Successions.resolve(x, LocalDate.of(2023, 1, 1), lookup(x, y))).isEmpty();
        assertThat(Successions.resolve(dangling, LocalDate.of(2023, 1, 1), lookup(dangling))).isEmpty();
    }
}
