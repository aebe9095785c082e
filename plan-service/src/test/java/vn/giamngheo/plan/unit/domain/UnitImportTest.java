package vn.giamngheo.plan.unit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.giamngheo.support.domain.FieldViolation;

class UnitImportTest {

    static final LocalDate START = LocalDate.of(2021, 1, 1);
    static final LocalDate EVE = LocalDate.of(2025, 6, 30);

    final Map<String, Unit> stored = new HashMap<>();
    final Function<String, Optional<Unit>> lookup = code -> Optional.ofNullable(stored.get(code));

    static UnitData data(String code, String parent, LocalDate from, LocalDate to, String... successors) {
        return new UnitData(code, UnitKind.COMMUNE, "Xã " + code, code + " Commune", parent, from, to,
                List.of(successors));
    }

    @Test
    void good_lines_are_kept_bad_ones_named_and_references_may_point_further_down_the_file() {
        // given
        stored.put("H-128", Unit.of(new UnitData("H-128", UnitKind.DISTRICT, "Huyện Vân Hồ", "Van Ho District",
                null, START, EVE, null)));
        stored.put("14", Unit.of(new UnitData("14", UnitKind.PROVINCE, "Tỉnh Sơn La", "Son La", null, START, null,
                null)));
        List<UnitImport.Line> lines = List.of(
                UnitImport.Line.of(3, data("LONG-LUONG", "H-128", START, EVE, "VAN-HO")),
                UnitImport.Line.of(4, data("VAN-HO", "14", EVE.plusDays(1), null)),
                UnitImport.Line.of(5, data("ORPHAN", "H-999", START, null)),
                new UnitImport.Line(6, null, List.of(new FieldViolation("validFrom", "x is not a date"))),
                UnitImport.Line.of(7, data("VAN-HO", "14", EVE.plusDays(1), null)),
                UnitImport.Line.of(8, data("CHIENG-XUAN", "14", START, EVE, "VAN-HO")));

        // when
        List<UnitImport.Decision> decisions = UnitImport.decide(lines, lookup, UnitImport.Mode.UPSERT);

        // then
        assertThat(decisions).extracting(UnitImport.Decision::line, UnitImport.Decision::code,
                UnitImport.Decision::action).containsExactly(
                tuple(3, "LONG-LUONG", UnitImport.Action.CREATE),
                tuple(4, "VAN-HO", UnitImport.Action.CREATE),
                tuple(5, "ORPHAN", UnitImport.Action.REJECTED),
                tuple(6, null, UnitImport.Action.REJECTED),
                tuple(7, "VAN-HO", UnitImport.Action.REJECTED),
                tuple(8, "CHIENG-XUAN", UnitImport.Action.CREATE));
        assertThat(decisions.get(2).errors()).containsExactly(new FieldViolation("parentCode", "no unit H-999"));
        assertThat(decisions.get(4).errors())
                .containsExactly(new FieldViolation("code", "VAN-HO is already on line 4"));
    }

    @Test
    void a_line_that_refers_to_a_rejected_line_is_rejected_in_turn() {
        // given: the new commune is broken, so the merged one has no successor to point to
        stored.put("14", Unit.of(new UnitData("14", UnitKind.PROVINCE, "Tỉnh Sơn La", "Son La", null, START, null,
                null)));
        List<UnitImport.Line> lines = List.of(
                UnitImport.Line.of(2, data("OLD", "14", START, EVE, "NEW")),
                UnitImport.Line.of(3, data("NEW", "NO-SUCH-PARENT", EVE.plusDays(1), null)));

        // when
        List<UnitImport.Decision> decisions = UnitImport.decide(lines, lookup, UnitImport.Mode.UPSERT);

        // then
        assertThat(decisions).extracting(UnitImport.Decision::action)
                .containsExactly(UnitImport.Action.REJECTED, UnitImport.Action.REJECTED);
        assertThat(decisions.get(0).errors()).extracting(FieldViolation::field).containsExactly("successorCodes");
    }

    @Test
    void importing_what_is_stored_changes_nothing_and_seeding_leaves_stored_units_alone() {
        // given
        UnitData province = new UnitData("14", UnitKind.PROVINCE, "Tỉnh Sơn La", "Son La Province", null, START,
                null, null);
        stored.put("14", Unit.of(province));
        UnitData corrected = new UnitData("14", UnitKind.PROVINCE, "Tỉnh Sơn La", "Son La province (corrected)",
                null, START, null, null);

        // when
        var same = UnitImport.decide(List.of(UnitImport.Line.of(2, province)), lookup, UnitImport.Mode.UPSERT);
        var changed = UnitImport.decide(List.of(UnitImport.Line.of(2, corrected)), lookup, UnitImport.Mode.UPSERT);
        var seeded = UnitImport.decide(List.of(UnitImport.Line.of(2, corrected)), lookup,
                UnitImport.Mode.ONLY_ABSENT);

        // then
        assertThat(same).extracting(UnitImport.Decision::action).containsExactly(UnitImport.Action.UNCHANGED);
        assertThat(changed).extracting(UnitImport.Decision::action).containsExactly(UnitImport.Action.CHANGE);
        assertThat(changed.get(0).current()).isEqualTo(Unit.of(province));
        assertThat(seeded).extracting(UnitImport.Decision::action)
                .containsExactly(UnitImport.Action.SKIPPED_EXISTING);
    }
}
