package vn.giamngheo.report.submission.web;

import java.time.LocalDate;
import java.util.List;

/**
 * Who has reported for a period: every unit expected to report (it leads work in the period) and every unit that
 * has a submission, with its state — MISSING when there is none — and whether it came late or is overdue.
 */
public record SubmissionOverview(String period, String periodName, LocalDate dueDate, int expected, int submitted,
                                 int approved, int late, int overdue, List<Row> units) {

    public record Row(String unitCode, String unitName, boolean expected, String submissionId, String status,
                      LocalDate firstSubmittedOn, boolean late, int daysLate, boolean overdue) {
    }
}
