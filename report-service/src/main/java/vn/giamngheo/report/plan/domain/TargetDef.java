package vn.giamngheo.report.plan.domain;

import java.math.BigDecimal;

/** A yearly target of an indicator; {@code areaCode} null = the plan's whole area. */
public record TargetDef(int year, String areaCode, BigDecimal value) {
}
