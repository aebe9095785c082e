package vn.giamngheo.plan.plan.domain;

import java.util.List;

/** All the yearly targets of one indicator, replacing the ones it had. */
public record TargetSet(String indicatorCode, List<YearlyTarget> targets) {
}
