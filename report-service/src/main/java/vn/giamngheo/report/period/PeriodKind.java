package vn.giamngheo.report.period;

/** Report periods in the spirit of Circular 10/2022: the first and second half year, and the whole year. */
public enum PeriodKind {
    H1,
    H2,
    ANNUAL
}
