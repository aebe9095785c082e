package vn.giamngheo.task.task.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Gia hạn: the new due date, why, and who asked (a unit, an official or the document that asked). */
public record ExtendRequest(@NotNull LocalDate newDueDate,
                            @NotBlank @Size(max = 2000) String reason,
                            @NotBlank @Size(max = 200) String requestedBy) {
}
