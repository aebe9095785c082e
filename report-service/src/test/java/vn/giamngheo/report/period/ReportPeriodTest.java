package vn.giamngheo.report.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.support.domain.InvalidInputException;

class ReportPeriodTest {

    @Test
    void half_years_and_years_have_their_days_and_due_dates() {
        // given
        ReportPeriod h1 = ReportPeriod.parse("2024-H1");
        ReportPeriod h2 = ReportPeriod.parse("2024-H2");
        ReportPeriod year = ReportPeriod.parse("2024");

        // then
        assertThat(h1.kind()).isEqualTo(PeriodKind.H1);
        assertThat(h1.start()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(h1.end()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(h1.dueDate(15)).isEqualTo(LocalDate.of(2024, 7, 15));
        assertThat(h2.start()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(h2.dueDate(15)).isEqualTo(LocalDate.of(2025, 1, 15));
        assertThat(year.kind()).isEqualTo(PeriodKind.ANNUAL);
        assertThat(year.code()).isEqualTo("2024");
        assertThat(year.contains(LocalDate.of(2024, 12, 31))).isTrue();
        assertThat(h1.contains(LocalDate.of(2024, 7, 1))).isFalse();
        assertThat(h1.nameVi()).isEqualTo("6 tháng đầu năm 2024");
    }

    @Test
    void periods_sort_by_their_last_day_and_the_year_after_its_second_half() {
        // given
        List<ReportPeriod> periods = new ArrayList<>(List.of(ReportPeriod.parse("2024"),
                ReportPeriod.parse("2024-H2"), ReportPeriod.parse("2023"), ReportPeriod.parse("2024-H1")));

        // when
        periods.sort(null);

        // then
        assertThat(periods).extracting(ReportPeriod::code).containsExactly("2023", "2024-H1", "2024-H2", "2024");
    }

    @Test
    void a_malformed_period_is_a_field_error() {
        assertThatThrownBy(() -> ReportPeriod.parse("2024-H3", "period"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("period")));
        assertThatThrownBy(() -> ReportPeriod.parse("1999")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ReportPeriod.parse(null)).isInstanceOf(InvalidInputException.class);
    }
}
