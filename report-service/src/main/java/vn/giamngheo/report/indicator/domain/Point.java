package vn.giamngheo.report.indicator.domain;

import java.math.BigDecimal;

/** A value of an indicator in a year: its baseline, an actual, a target. */
public record Point(int year, BigDecimal value) {
}
