package vn.giamngheo.plan.plan.domain;

/** An objective as a user states it. */
public record ObjectiveInput(String code, String nameVi, String nameEn) {
}
