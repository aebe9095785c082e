package vn.giamngheo.plan.plan.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** All the yearly targets of an indicator; they replace the ones it had. */
public record TargetsRequest(@NotNull List<@Valid @NotNull TargetRequest> targets) {
}
