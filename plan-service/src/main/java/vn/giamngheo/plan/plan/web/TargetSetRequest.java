package vn.giamngheo.plan.plan.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import vn.giamngheo.plan.plan.domain.TargetSet;

/** New yearly targets for one indicator, in a revision. */
public record TargetSetRequest(@NotBlank String indicatorCode,
                               @NotNull List<@Valid @NotNull TargetRequest> targets) {

    TargetSet toSet() {
        return new TargetSet(indicatorCode, TargetRequest.toTargets(targets));
    }
}
