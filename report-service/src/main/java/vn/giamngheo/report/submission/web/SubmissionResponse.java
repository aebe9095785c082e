package vn.giamngheo.report.submission.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.report.submission.domain.IndicatorValue;
import vn.giamngheo.report.submission.domain.Submission;
import vn.giamngheo.support.outbox.Versioned;

/**
 * A submission; {@code late}/{@code daysLate} judge the first submission against the due date, {@code overdue} says
 * it has not been submitted although its due date has passed.
 */
public record SubmissionResponse(String id, long version, String unitCode, String period, String periodName,
                                 LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate, String status,
                                 List<IndicatorValue> values, String narrative, int submissionCount,
                                 LocalDate firstSubmittedOn, LocalDate lastSubmittedOn, boolean late, int daysLate,
                                 boolean overdue, String submittedBy, String returnedBy, String returnReason,
                                 String approvedBy, Instant approvedAt, Instant createdAt, Instant updatedAt) {

    static SubmissionResponse of(Versioned<Submission> versioned, LocalDate today) {
        Submission s = versioned.state();
        return new SubmissionResponse(s.id(), versioned.version(), s.unitCode(), s.period(),
                s.reportPeriod().nameVi(), s.periodStart(), s.periodEnd(), s.dueDate(), s.status().name(),
                s.values(), s.narrative(), s.submissionCount(), s.firstSubmittedOn(), s.lastSubmittedOn(), s.late(),
                s.daysLate(), s.isOverdueOn(today), s.submittedBy(), s.returnedBy(), s.returnReason(),
                s.approvedBy(), s.approvedAt(), s.createdAt(), s.updatedAt());
    }
}
