package vn.giamngheo.plan.unit.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The last day the unit existed and the units it became (empty when it was dissolved). */
public record RetireUnitRequest(@NotNull LocalDate validTo, List<@NotBlank @Size(max = 32) String> successorCodes) {
}
