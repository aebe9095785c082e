package vn.giamngheo.task.task.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.task.task.domain.NewTask;
import vn.giamngheo.task.task.domain.TaskKind;
import vn.giamngheo.task.task.domain.TaskPriority;

/** Giao nhiệm vụ: a task under a plan (and optionally one of its objectives). Priority defaults to NORMAL. */
public record CreateTaskRequest(
        @NotBlank @Size(max = 64) String planId,
        @Size(max = 64) String objectiveId,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 4000) String description,
        @NotNull TaskKind kind,
        TaskPriority priority,
        @Size(max = 1000) String expectedOutput,
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, _ and - only")
        String leadUnitCode,
        @Size(max = 50) List<@NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+") String> coordinatingUnitCodes,
        @NotNull LocalDate startDate,
        @NotNull LocalDate dueDate) {

    NewTask toNewTask() {
        return new NewTask(planId, objectiveId, title, description, kind,
                priority == null ? TaskPriority.NORMAL : priority, expectedOutput, leadUnitCode,
                coordinatingUnitCodes, startDate, dueDate);
    }
}
