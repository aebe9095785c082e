package vn.giamngheo.report.poverty.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a published review is reopened. */
public record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
}
