package vn.giamngheo.task.task.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CompleteRequest(@NotBlank @Size(max = 4000) String completionNote) {
}
