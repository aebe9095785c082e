package vn.giamngheo.task.task.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.task.task.domain.NewTask;
import vn.giamngheo.task.task.domain.TaskKind;

public record CreateTaskRequest(
        @NotBlank @Size(max = 64) String planId,
        @NotBlank @Size(max = 500) String title,
        @NotNull TaskKind kind,
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, _ and - only")
        String leadUnitCode,
        @Size(max = 50) List<@NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+") String> coordinatingUnitCodes,
        @NotNull LocalDate startDate,
        @NotNull LocalDate dueDate) {

    NewTask toNewTask() {
        return new NewTask(planId, title, kind, leadUnitCode, coordinatingUnitCodes, startDate, dueDate);
    }
}
