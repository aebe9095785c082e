package vn.giamngheo.plan.plan.domain;

import java.time.LocalDate;

/** The editable header of a draft plan (its code and kind never change). */
public record PlanDetails(String title, Program program, String issuingUnitCode, String parentPlanId,
                          LocalDate periodStart, LocalDate periodEnd) {
}
