package vn.giamngheo.contracts.plan;

import java.math.BigDecimal;

/** A yearly target of an indicator, for the whole plan area ({@code areaCode} null) or for one unit's area. */
public record TargetSnapshot(int year, String areaCode, BigDecimal value) {
}
