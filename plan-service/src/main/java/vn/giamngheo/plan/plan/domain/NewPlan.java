package vn.giamngheo.plan.plan.domain;

import java.time.LocalDate;

/** What a user gives to draft a plan; a plan without a program belongs to the sustainable poverty reduction one. */
public record NewPlan(String code, String title, PlanKind kind, String issuingUnitCode, String parentPlanId,
                      LocalDate periodStart, LocalDate periodEnd, Program program) {

    public NewPlan {
        program = program == null ? Program.SUSTAINABLE_POVERTY_REDUCTION : program;
    }

    public NewPlan(String code, String title, PlanKind kind, String issuingUnitCode, String parentPlanId,
                   LocalDate periodStart, LocalDate periodEnd) {
        this(code, title, kind, issuingUnitCode, parentPlanId, periodStart, periodEnd, null);
    }
}
