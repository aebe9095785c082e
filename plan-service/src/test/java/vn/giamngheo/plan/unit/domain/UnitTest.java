package vn.giamngheo.plan.unit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.unit.UnitChanged;
import vn.giamngheo.contracts.unit.UnitRegistered;
import vn.giamngheo.contracts.unit.UnitRetired;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;

class UnitTest {

    static final Instant NOW = Instant.parse("2025-03-01T01:00:00Z");
    static final LocalDate START = LocalDate.of(2021, 1, 1);
    static final UnitData BDT = new UnitData(" BDT-14 ", UnitKind.AGENCY, "Ban Dân tộc tỉnh Sơn La",
            "Son La Ethnic Affairs Committee", "UBND-14", START, null, null);

    @Test
    void registering_a_unit_announces_its_full_state_at_version_one() {
        // when
        Change<Unit> change = Unit.register(BDT, NOW);

        // then
        assertThat(change.state().code()).isEqualTo("BDT-14");
        assertThat(change.state().searchText()).isEqualTo("bdt-14 ban dan toc tinh son la son la ethnic affairs "
                + "committee");
        assertThat(change.event()).isInstanceOfSatisfying(UnitRegistered.class, e -> {
            assertThat(e.version()).isEqualTo(1);
            assertThat(e.kind()).isEqualTo("AGENCY");
            assertThat(e.parentCode()).isEqualTo("UBND-14");
            assertThat(e.validFrom()).isEqualTo(START);
            assertThat(e.validTo()).isNull();
            assertThat(e.successorCodes()).isEmpty();
        });
    }

    @Test
    void every_broken_field_is_named() {
        // given
        UnitData broken = new UnitData("BDT 14", null, " ", null, "BDT 14", START, START.minusDays(1),
                List.of("BDT 14", "X/1"));

        // when
        List<FieldViolation> violations = Unit.violations(broken);

        // then
        assertThat(violations).extracting(FieldViolation::field)
                .contains("code", "kind", "nameVi", "nameEn", "parentCode", "validTo", "successorCodes");
        assertThat(Unit.violations(new UnitData("X", UnitKind.WARD, "a", "a", "X", START, null, List.of("Y"))))
                .extracting(FieldViolation::message)
                .contains("a unit cannot be its own parent", "only a unit with validTo has successors");
        assertThatThrownBy(() -> Unit.register(broken, NOW)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void revising_with_the_same_state_changes_nothing_and_a_new_end_date_is_a_retirement() {
        // given
        Unit unit = Unit.register(BDT, NOW).state();
        UnitData renamed = new UnitData("BDT-14", UnitKind.AGENCY, "Ban Dân tộc Sơn La", BDT.nameEn(), "UBND-14",
                START, null, List.of());
        UnitData ended = new UnitData("BDT-14", UnitKind.AGENCY, BDT.nameVi(), BDT.nameEn(), "UBND-14", START,
                LocalDate.of(2025, 2, 28), List.of("SDTTG-14"));

        // when
        Optional<Change<Unit>> same = unit.revise(1, new UnitData("BDT-14", UnitKind.AGENCY,
                " Ban Dân tộc tỉnh Sơn La ", "Son La Ethnic Affairs Committee", "UBND-14", START, null, null), NOW);
        Optional<Change<Unit>> rename = unit.revise(1, renamed, NOW);
        Optional<Change<Unit>> retirement = unit.revise(1, ended, NOW);
        Optional<Change<Unit>> correctionOfAnEndedUnit = retirement.orElseThrow().state()
                .revise(2, new UnitData("BDT-14", UnitKind.AGENCY, BDT.nameVi(), BDT.nameEn(), "UBND-14", START,
                        LocalDate.of(2025, 2, 27), List.of("SDTTG-14")), NOW);

        // then
        assertThat(same).isEmpty();
        assertThat(rename.orElseThrow().event()).isInstanceOfSatisfying(UnitChanged.class, e -> {
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.nameVi()).isEqualTo("Ban Dân tộc Sơn La");
        });
        assertThat(retirement.orElseThrow().event()).isInstanceOfSatisfying(UnitRetired.class, e -> {
            assertThat(e.validTo()).isEqualTo(LocalDate.of(2025, 2, 28));
            assertThat(e.successorCodes()).containsExactly("SDTTG-14");
            assertThat(e.nameVi()).isEqualTo("Ban Dân tộc tỉnh Sơn La");
        });
        assertThat(correctionOfAnEndedUnit.orElseThrow().event()).isInstanceOf(UnitChanged.class);
        assertThatThrownBy(() -> unit.revise(1, new UnitData("UBND-14", UnitKind.AGENCY, "x", "x", null, START, null,
                null), NOW)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("code"));
    }

    @Test
    void a_retired_unit_cannot_be_retired_again() {
        // given
        Unit retired = Unit.register(BDT, NOW).state().retire(1, LocalDate.of(2025, 2, 28), List.of("SDTTG-14"), NOW)
                .state();

        // then
        assertThat(retired.validOn(LocalDate.of(2025, 2, 28))).isTrue();
        assertThat(retired.validOn(LocalDate.of(2025, 3, 1))).isFalse();
        assertThat(retired.validDuring(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))).isTrue();
        assertThat(retired.validDuring(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).isFalse();
        assertThatThrownBy(() -> retired.retire(2, LocalDate.of(2025, 6, 30), List.of(), NOW))
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    void a_parent_must_exist_when_the_child_begins_and_a_successor_the_day_after_it_ends() {
        // given
        Map<String, Unit> stored = Map.of(
                "UBND-14", Unit.of(new UnitData("UBND-14", UnitKind.AGENCY, "UBND", "PPC", "14", START, null, null)),
                "SDTTG-14", Unit.of(new UnitData("SDTTG-14", UnitKind.AGENCY, "Sở Dân tộc và Tôn giáo",
                        "DERA", "UBND-14", LocalDate.of(2025, 3, 1), null, null)));
        UnitData endsTooEarly = new UnitData("BDT-14", UnitKind.AGENCY, "x", "x", "UBND-14", START,
                LocalDate.of(2025, 1, 31), List.of("SDTTG-14", "NOPE"));
        UnitData beforeItsParent = new UnitData("X-1", UnitKind.AGENCY, "x", "x", "SDTTG-14", START, null, null);
        UnitData fine = new UnitData("BDT-14", UnitKind.AGENCY, "x", "x", "UBND-14", START,
                LocalDate.of(2025, 2, 28), List.of("SDTTG-14"));

        // when
        List<FieldViolation> gap = UnitReferences.violations(endsTooEarly,
                code -> Optional.ofNullable(stored.get(code)));
        List<FieldViolation> orphan = UnitReferences.violations(beforeItsParent,
                code -> Optional.ofNullable(stored.get(code)));

        // then
        assertThat(gap).extracting(FieldViolation::message)
                .containsExactly("unit SDTTG-14 does not exist on 2025-02-01, the day after this unit ends",
                        "no unit NOPE");
        assertThat(orphan).extracting(FieldViolation::field).containsExactly("parentCode");
        assertThat(UnitReferences.violations(fine, code -> Optional.ofNullable(stored.get(code)))).isEmpty();
    }
}
