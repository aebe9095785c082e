package vn.giamngheo.report.indicator.domain;

/** Where an indicator stands against its target; see {@link IndicatorStatusRule}. */
public enum IndicatorStatus {
    ON_TRACK,
    AT_RISK,
    OFF_TRACK,
    /** No actual value up to the target's year yet. */
    NO_DATA,
    /** No target for the year (and area). */
    NO_TARGET
}
