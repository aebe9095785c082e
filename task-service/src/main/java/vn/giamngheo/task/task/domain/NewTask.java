package vn.giamngheo.task.task.domain;

import java.time.LocalDate;
import java.util.List;

/** What a user gives to create a task. {@code objectiveId}, {@code description} and {@code expectedOutput} are optional. */
public record NewTask(String planId, String objectiveId, String title, String description, TaskKind kind,
                      TaskPriority priority, String expectedOutput, String leadUnitCode,
                      List<String> coordinatingUnitCodes, LocalDate startDate, LocalDate dueDate) {

    /** The original shape: no objective, description or expected output, normal priority. */
    public NewTask(String planId, String title, TaskKind kind, String leadUnitCode,
                   List<String> coordinatingUnitCodes, LocalDate startDate, LocalDate dueDate) {
        this(planId, null, title, null, kind, TaskPriority.NORMAL, null, leadUnitCode, coordinatingUnitCodes,
                startDate, dueDate);
    }
}
