package vn.giamngheo.plan.funding.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CancelAllocationRequest(@NotBlank @Size(max = 2000) String reason) {
}
