package vn.giamngheo.task.task.domain;

import java.time.LocalDate;
import java.util.List;

/** What a user gives to create a task. */
public record NewTask(String planId, String title, TaskKind kind, String leadUnitCode,
                      List<String> coordinatingUnitCodes, LocalDate startDate, LocalDate dueDate) {
}
