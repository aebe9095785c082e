package vn.giamngheo.report.plan.domain;

/** An objective of a plan as reports show it. */
public record ObjectiveDef(String code, String nameVi, String nameEn) {
}
