package vn.giamngheo.report.period;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.giamngheo.support.domain.InvalidInputException;

/**
 * A report period: {@code 2024-H1} (1 January – 30 June), {@code 2024-H2} (1 July – 31 December) or {@code 2024} (the
 * whole year).
 */
public record ReportPeriod(int year, PeriodKind kind) implements Comparable<ReportPeriod> {

    public static final String PATTERN = "[0-9]{4}(-H[12])?";
    private static final Pattern FORMAT = Pattern.compile("([0-9]{4})(?:-H([12]))?");

    public ReportPeriod {
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
    }

    /** Parses a period code, naming {@code field} in the 400 problem when it is malformed. */
    public static ReportPeriod parse(String code, String field) {
        Matcher m = code == null ? null : FORMAT.matcher(code.trim());
        if (m == null || !m.matches()) {
            throw new InvalidInputException(field, "a period such as 2024-H1, 2024-H2 or 2024 (the whole year)");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException(field, "the year must lie between 2000 and 2100");
        }
        PeriodKind kind = m.group(2) == null ? PeriodKind.ANNUAL
                : m.group(2).equals("1") ? PeriodKind.H1 : PeriodKind.H2;
        return new ReportPeriod(year, kind);
    }

    public static ReportPeriod parse(String code) {
        return parse(code, "period");
    }

    public String code() {
        return switch (kind) {
            case H1 -> year + "-H1";
            case H2 -> year + "-H2";
            case ANNUAL -> String.valueOf(year);
        };
    }

    public LocalDate start() {
        return kind == PeriodKind.H2 ? LocalDate.of(year, 7, 1) : LocalDate.of(year, 1, 1);
    }

    public LocalDate end() {
        return kind == PeriodKind.H1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
    }

    /** When the report for this period is due: {@code daysAfterEnd} days after the period's last day. */
    public LocalDate dueDate(int daysAfterEnd) {
        return end().plusDays(daysAfterEnd);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start()) && !day.isAfter(end());
    }

    /** Vietnamese name, e.g. "6 tháng đầu năm 2024". */
    public String nameVi() {
        return switch (kind) {
            case H1 -> "6 tháng đầu năm " + year;
            case H2 -> "6 tháng cuối năm " + year;
            case ANNUAL -> "năm " + year;
        };
    }

    @Override
    public int compareTo(ReportPeriod other) {
        int byEnd = end().compareTo(other.end());
        // Same last day (H2 and the year): the annual report is the more complete figure, so it sorts later.
        return byEnd != 0 ? byEnd : Boolean.compare(kind == PeriodKind.ANNUAL, other.kind == PeriodKind.ANNUAL);
    }

    @Override
    public String toString() {
        return code();
    }
}
