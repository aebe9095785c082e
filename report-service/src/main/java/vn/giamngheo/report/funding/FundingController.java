package vn.giamngheo.report.funding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.report.plan.PlanVisibility;

@RestController
@Tag(name = "Funding", description = "Nguồn lực: allocated vs disbursed by source, program, unit and year")
public class FundingController {

    private final FundingQuery query;
    private final PlanVisibility visibility;

    public FundingController(FundingQuery query, PlanVisibility visibility) {
        this.query = query;
        this.visibility = visibility;
    }

    @GetMapping("/api/v1/reports/funding")
    @Operation(summary = "Active allocations' totals (whole VND) and disbursement rates, overall and by source, "
            + "program, unit and year; from plan.events. Public; without a token DRAFT plans are left out")
    public FundingReport funding(
            @Parameter(description = "one plan, with the plans below it unless includeSubPlans=false")
            @RequestParam(required = false) String planId,
            @RequestParam(defaultValue = "true") boolean includeSubPlans,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String unitCode,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String program) {
        return query.report(new FundingQuery.Filter(planId, includeSubPlans, year, unitCode, source, program),
                visibility.draftsHidden());
    }
}
