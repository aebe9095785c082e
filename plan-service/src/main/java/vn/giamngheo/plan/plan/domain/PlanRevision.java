package vn.giamngheo.plan.plan.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A revision of an issued plan (điều chỉnh): why, by which document, on which date, and the changes — any of a new
 * title, program or period; objectives added or renamed (by code) or removed; indicators added or redefined (by code)
 * or removed; new yearly targets for indicators. Null or empty parts change nothing.
 */
public record PlanRevision(String reason, String documentCode, LocalDate revisedOn, String title, Program program,
                           LocalDate periodStart, LocalDate periodEnd, List<ObjectiveInput> objectives,
                           List<String> removedObjectiveCodes, List<IndicatorInput> indicators,
                           List<String> removedIndicatorCodes, List<TargetSet> targets) {

    public PlanRevision {
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
        removedObjectiveCodes = removedObjectiveCodes == null ? List.of() : List.copyOf(removedObjectiveCodes);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        removedIndicatorCodes = removedIndicatorCodes == null ? List.of() : List.copyOf(removedIndicatorCodes);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
