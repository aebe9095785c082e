package vn.giamngheo.report.poverty.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.giamngheo.report.poverty.domain.Classification.MIDDLE_INCOME;
import static vn.giamngheo.report.poverty.domain.Classification.NEAR_POOR;
import static vn.giamngheo.report.poverty.domain.Classification.NONE;
import static vn.giamngheo.report.poverty.domain.Classification.POOR;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.report.poverty.reference.ReferenceData;
import vn.giamngheo.support.domain.InvalidInputException;

class MovementTableTest {

    static final UnitCrosswalk UNITS = ReferenceData.load().units();

    static HouseholdTimeline.Entry in(Classification c, String commune) {
        return new HouseholdTimeline.Entry(c, commune, "Thái");
    }

    static HouseholdTimeline.Entry in(Classification c, String commune, String ethnic) {
        return new HouseholdTimeline.Entry(c, commune, ethnic);
    }

    @Test
    void escaped_re_poverty_and_new_poverty_between_2023_and_2024_with_2022_on_record() {
        // given: reviews 2022, 2023, 2024 in Mường Giôn (03694)
        MovementTable table = new MovementTable(2023, 2024, MovementTable.By.COMMUNE, UNITS);
        // escaped to near-poor
        table.add(new HouseholdTimeline("A").with(2023, in(POOR, "03694")).with(2024, in(NEAR_POOR, "03694")));
        // escaped above the line
        table.add(new HouseholdTimeline("B").with(2023, in(POOR, "03694")).with(2024, in(MIDDLE_INCOME, "03694")));
        // remained poor
        table.add(new HouseholdTimeline("C").with(2022, in(POOR, "03694")).with(2023, in(POOR, "03694"))
                .with(2024, in(POOR, "03694")));
        // re-poverty: poor 2022, escaped 2023, poor again 2024
        table.add(new HouseholdTimeline("D").with(2022, in(POOR, "03694")).with(2023, in(NEAR_POOR, "03694"))
                .with(2024, in(POOR, "03694")));
        // new poverty: never poor before
        table.add(new HouseholdTimeline("E").with(2022, in(NONE, "03694")).with(2023, in(NEAR_POOR, "03694"))
                .with(2024, in(POOR, "03694")));
        // new poverty: a new (split) household
        table.add(new HouseholdTimeline("F").with(2024, in(POOR, "03694")));
        // poor in 2023 and not in the 2024 review (dissolved)
        table.add(new HouseholdTimeline("G").with(2023, in(POOR, "03694")));
        // not poor either time
        table.add(new HouseholdTimeline("H").with(2023, in(NONE, "03694")).with(2024, in(NONE, "03694")));

        // when
        MovementCounts c = table.areas().get(0);

        // then
        assertThat(c.code()).isEqualTo("03694");
        assertThat(c.householdsFrom()).isEqualTo(7);
        assertThat(c.householdsTo()).isEqualTo(7);
        assertThat(c.poorFrom()).isEqualTo(4);
        assertThat(c.poorTo()).isEqualTo(4);
        assertThat(c.escaped()).isEqualTo(2);
        assertThat(c.escapedToNearPoor()).isEqualTo(1);
        assertThat(c.remainedPoor()).isEqualTo(1);
        assertThat(c.rePoverty()).isEqualTo(1);
        assertThat(c.newPoverty()).isEqualTo(2);
        assertThat(c.otherPoor()).isZero();
        assertThat(c.poorNotInLaterReview()).isEqualTo(1);
        assertThat(c.newHouseholds()).isEqualTo(1);
        assertThat(c.householdsNotInLaterReview()).isEqualTo(1);
        assertThat(c.poorTo()).isEqualTo(c.remainedPoor() + c.rePoverty() + c.newPoverty() + c.otherPoor());
        assertThat(c.poorFrom()).isEqualTo(c.escaped() + c.remainedPoor() + c.poorNotInLaterReview());
        assertThat(table.total()).isEqualTo(new MovementCounts("14", "Tỉnh Sơn La", 7, 7, 4, 4, 2, 1, 1, 1, 2, 0, 1,
                1, 1));
    }

    @Test
    void with_only_two_reviews_on_record_there_is_no_re_poverty() {
        // given
        MovementTable table = new MovementTable(2022, 2025, MovementTable.By.ETHNIC_GROUP, UNITS);
        table.add(new HouseholdTimeline("A").with(2022, in(NEAR_POOR, "03694", "Mông"))
                .with(2025, in(POOR, "03694", "Mông")));

        // then
        assertThat(table.areas()).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("Mông");
            assertThat(c.newPoverty()).isEqualTo(1);
            assertThat(c.rePoverty()).isZero();
        });
    }

    @Test
    void a_household_poor_in_between_without_an_escape_on_record_is_neither_new_nor_re_poverty() {
        // given: from 2022 to 2024; poor since 2023, never escaped
        MovementTable table = new MovementTable(2022, 2024, MovementTable.By.COMMUNE, UNITS);
        table.add(new HouseholdTimeline("A").with(2022, in(NEAR_POOR, "03694")).with(2023, in(POOR, "03694"))
                .with(2024, in(POOR, "03694")));

        // then
        assertThat(table.total().otherPoor()).isEqualTo(1);
        assertThat(table.total().newPoverty()).isZero();
        assertThat(table.total().rePoverty()).isZero();
    }

    @Test
    void merged_communes_add_up_in_the_later_reviews_units() {
        // given: 2024 → 2025 across the 01/07/2025 reform
        MovementTable table = new MovementTable(2024, 2025, MovementTable.By.COMMUNE, UNITS);
        // Pá Ma Pha Khinh (03697) became part of Mường Giôn (03694): escaped
        table.add(new HouseholdTimeline("A").with(2024, in(POOR, "03697")).with(2025, in(NEAR_POOR, "03694")));
        // Mường Giôn household remained poor
        table.add(new HouseholdTimeline("B").with(2024, in(POOR, "03694")).with(2025, in(POOR, "03694")));
        // a poor Pá Ma Pha Khinh household that is not in 2025: counted in Mường Giôn, not lost
        table.add(new HouseholdTimeline("C").with(2024, in(POOR, "03697")));
        // Chiềng Khay had code 03688 before; 03688 is Mường Chiên after: its household follows the code's meaning
        table.add(new HouseholdTimeline("D").with(2024, in(POOR, "03685")));

        // when
        List<MovementCounts> areas = table.areas();

        // then
        assertThat(areas).extracting(MovementCounts::code).containsExactly("03688", "03694");
        MovementCounts muongGion = areas.get(1);
        assertThat(muongGion.name()).isEqualTo("Xã Mường Giôn");
        assertThat(muongGion.householdsFrom()).isEqualTo(3);
        assertThat(muongGion.poorFrom()).isEqualTo(3);
        assertThat(muongGion.escaped()).isEqualTo(1);
        assertThat(muongGion.remainedPoor()).isEqualTo(1);
        assertThat(muongGion.poorNotInLaterReview()).isEqualTo(1);
        assertThat(areas.get(0).name()).isEqualTo("Xã Mường Chiên");
        assertThat(table.total().poorFrom()).isEqualTo(4);
    }

    @Test
    void the_earlier_review_must_come_first() {
        assertThatThrownBy(() -> new MovementTable(2025, 2025, MovementTable.By.COMMUNE, UNITS))
                .isInstanceOf(InvalidInputException.class);
    }
}
