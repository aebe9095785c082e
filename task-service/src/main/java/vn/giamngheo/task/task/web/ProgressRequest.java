package vn.giamngheo.task.task.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record ProgressRequest(@NotNull @Min(0) @Max(100) Integer percentComplete,
                              @NotBlank @Size(max = 4000) String note) {
}
