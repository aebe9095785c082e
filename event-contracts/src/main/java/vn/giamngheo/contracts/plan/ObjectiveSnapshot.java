package vn.giamngheo.contracts.plan;

import java.util.List;

/** An objective of a plan with its indicators. */
public record ObjectiveSnapshot(String code, String nameVi, String nameEn, List<IndicatorSnapshot> indicators) {
}
