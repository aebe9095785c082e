package vn.giamngheo.report.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Plan progress", description = "Tiến độ thực hiện kế hoạch: tasks by status, progress, overdue")
public class PlanProgressController {

    private final PlanProgressQuery query;

    public PlanProgressController(PlanProgressQuery query) {
        this.query = query;
    }

    @GetMapping("/api/v1/reports/plans/{planId}/progress")
    @Operation(summary = "A plan's progress, from the events of the plan- and task-services")
    public PlanProgress progress(@PathVariable String planId) {
        return query.of(planId);
    }
}
