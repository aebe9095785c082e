package vn.giamngheo.plan.plan.domain;

import java.time.LocalDate;

/** What a user gives to draft a plan. */
public record NewPlan(String code, String title, PlanKind kind, String issuingUnitCode, String parentPlanId,
                      LocalDate periodStart, LocalDate periodEnd) {
}
