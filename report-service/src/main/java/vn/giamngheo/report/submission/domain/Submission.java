package vn.giamngheo.report.submission.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.giamngheo.contracts.report.SubmissionApproved;
import vn.giamngheo.contracts.report.SubmissionDraftChanged;
import vn.giamngheo.contracts.report.SubmissionDrafted;
import vn.giamngheo.contracts.report.SubmissionReturned;
import vn.giamngheo.contracts.report.SubmissionSubmitted;
import vn.giamngheo.contracts.report.SubmissionValue;
import vn.giamngheo.report.period.PeriodKind;
import vn.giamngheo.report.period.ReportPeriod;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;

/**
 * A unit's periodic report for a period (báo cáo định kỳ, in the spirit of Circular 10/2022/TT-BLĐTBXH): actual
 * values of the indicators it is responsible for and a narrative. The unit drafts and submits it; the level above
 * approves it — its values then become the indicators' actuals — or returns it with a reason, after which the unit
 * corrects and submits again. Timeliness is judged by the first submission against the due date.
 *
 * <p>The approver named cannot be the submitting unit itself; who may act at all (the unit's officers draft and
 * submit, the province administrator returns and approves) is checked by the application before the domain decides.
 */
public record Submission(String id, String unitCode, String period, int year, PeriodKind periodKind,
                         LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate, SubmissionStatus status,
                         List<IndicatorValue> values, String narrative, int submissionCount,
                         LocalDate firstSubmittedOn, LocalDate lastSubmittedOn, boolean late, int daysLate,
                         String submittedBy, String returnedBy, String returnReason, String approvedBy,
                         Instant approvedAt, Instant createdAt, Instant updatedAt) {

    public static final int MAX_VALUES = 500;
    public static final int MAX_NARRATIVE = 20_000;
    public static final int MAX_NOTE = 1000;

    public Submission {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public static String idOf(String unitCode, ReportPeriod period) {
        return "SUB-" + unitCode + "-" + period.code();
    }

    public ReportPeriod reportPeriod() {
        return new ReportPeriod(year, periodKind);
    }

    public static Change<Submission> draft(String unitCode, ReportPeriod period, LocalDate dueDate,
                                           List<IndicatorValue> values, String narrative, LocalDate today,
                                           Instant now) {
        if (period.start().isAfter(today)) {
            throw new InvalidInputException("period", "the period " + period.code() + " has not begun yet");
        }
        List<IndicatorValue> checked = checked(values, narrative);
        String id = idOf(unitCode, period);
        Submission draft = new Submission(id, unitCode, period.code(), period.year(), period.kind(), period.start(),
                period.end(), dueDate, SubmissionStatus.DRAFT, checked, clean(narrative), 0, null, null, false, 0,
                null, null, null, null, null, now, now);
        return new Change<>(draft, new SubmissionDrafted(id, 1, unitCode, draft.period, period.kind().name(),
                period.year(), period.start(), period.end(), dueDate, contract(checked), draft.narrative,
                draft.status.name(), now));
    }

    /** Replaces the values and narrative of a draft or returned report; empty when nothing changes. */
    public Optional<Change<Submission>> edit(long version, List<IndicatorValue> newValues, String newNarrative,
                                             Instant now) {
        requireEditable("edit");
        List<IndicatorValue> checked = checked(newValues, newNarrative);
        String cleaned = clean(newNarrative);
        if (sameValues(values, checked) && Objects.equals(narrative, cleaned)) {
            return Optional.empty();
        }
        Submission edited = with(status, checked, cleaned, submissionCount, firstSubmittedOn, lastSubmittedOn, late,
                daysLate, submittedBy, returnedBy, returnReason, null, null, now);
        return Optional.of(new Change<>(edited, new SubmissionDraftChanged(id, version + 1, unitCode, period,
                contract(checked), cleaned, status.name(), now)));
    }

    public Change<Submission> submit(long version, String by, LocalDate today, Instant now) {
        requireEditable("submit");
        if (values.isEmpty() && narrative == null) {
            throw new InvalidInputException("values", "a report needs at least one indicator value or a narrative");
        }
        int lateBy = (int) Math.max(0, ChronoUnit.DAYS.between(dueDate, today));
        boolean first = firstSubmittedOn == null;
        Submission submitted = with(SubmissionStatus.SUBMITTED, values, narrative, submissionCount + 1,
                first ? today : firstSubmittedOn, today, first ? lateBy > 0 : late, first ? lateBy : daysLate,
                clean(by), returnedBy, returnReason, null, null, now);
        return new Change<>(submitted, new SubmissionSubmitted(id, version + 1, unitCode, period, dueDate, today,
                lateBy > 0, lateBy, submitted.submissionCount, submitted.submittedBy, contract(values), narrative,
                submitted.status.name(), now));
    }

    public Change<Submission> returnToUnit(long version, String by, String reason, Instant now) {
        List<FieldViolation> violations = reviewer("returnedBy", by);
        if (reason == null || reason.isBlank()) {
            violations.add(new FieldViolation("reason", "say what must be corrected"));
        } else if (reason.strip().length() > 2000) {
            violations.add(new FieldViolation("reason", "at most 2000 characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        requireSubmitted("return");
        Submission returned = with(SubmissionStatus.RETURNED, values, narrative, submissionCount, firstSubmittedOn,
                lastSubmittedOn, late, daysLate, submittedBy, by.strip(), reason.strip(), null, null, now);
        return new Change<>(returned, new SubmissionReturned(id, version + 1, unitCode, period, returned.returnedBy,
                returned.returnReason, returned.status.name(), now));
    }

    public Change<Submission> approve(long version, String by, Instant now) {
        List<FieldViolation> violations = reviewer("approvedBy", by);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        requireSubmitted("approve");
        Submission approved = with(SubmissionStatus.APPROVED, values, narrative, submissionCount, firstSubmittedOn,
                lastSubmittedOn, late, daysLate, submittedBy, returnedBy, returnReason, by.strip(), now, now);
        return new Change<>(approved, new SubmissionApproved(id, version + 1, unitCode, period, year,
                approved.approvedBy, contract(values), approved.status.name(), now));
    }

    /** Not submitted although its due date has passed. */
    public boolean isOverdueOn(LocalDate day) {
        return firstSubmittedOn == null && day.isAfter(dueDate);
    }

    private List<FieldViolation> reviewer(String field, String by) {
        List<FieldViolation> violations = new ArrayList<>();
        if (by == null || by.isBlank()) {
            violations.add(new FieldViolation(field, "who reviews the report (the level above)"));
        } else if (by.strip().length() > 200) {
            violations.add(new FieldViolation(field, "at most 200 characters"));
        } else if (by.strip().equalsIgnoreCase(unitCode)) {
            violations.add(new FieldViolation(field, "the level above reviews a report, not the unit that made it"));
        }
        return violations;
    }

    private void requireEditable(String action) {
        if (status != SubmissionStatus.DRAFT && status != SubmissionStatus.RETURNED) {
            throw new StateConflictException("Cannot " + action + " submission " + id + ": it is " + status
                    + " (only a draft or a returned report can be changed and submitted)");
        }
    }

    private void requireSubmitted(String action) {
        if (status != SubmissionStatus.SUBMITTED) {
            throw new StateConflictException("Cannot " + action + " submission " + id + ": it is " + status
                    + " (only a submitted report is reviewed)");
        }
    }

    private Submission with(SubmissionStatus newStatus, List<IndicatorValue> newValues, String newNarrative,
                            int count, LocalDate first, LocalDate last, boolean isLate, int lateDays, String by,
                            String returner, String returnText, String approver, Instant approvedOn, Instant now) {
        return new Submission(id, unitCode, period, year, periodKind, periodStart, periodEnd, dueDate, newStatus,
                newValues, newNarrative, count, first, last, isLate, lateDays, by, returner, returnText, approver,
                approvedOn, createdAt, now);
    }

    /** Checks the values on their own (references to plans and indicators are checked by the caller). */
    static List<IndicatorValue> checked(List<IndicatorValue> values, String narrative) {
        List<FieldViolation> violations = new ArrayList<>();
        List<IndicatorValue> list = values == null ? List.of() : values;
        if (list.size() > MAX_VALUES) {
            violations.add(new FieldViolation("values", "at most " + MAX_VALUES + " values"));
        }
        Set<String> keys = new HashSet<>();
        List<IndicatorValue> cleaned = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            IndicatorValue v = list.get(i);
            String at = "values[" + i + "].";
            if (v.planId() == null || v.planId().isBlank()) {
                violations.add(new FieldViolation(at + "planId", "the plan the indicator belongs to"));
            }
            if (v.indicatorCode() == null || v.indicatorCode().isBlank()) {
                violations.add(new FieldViolation(at + "indicatorCode", "the indicator's code"));
            }
            if (v.value() == null) {
                violations.add(new FieldViolation(at + "value", "the actual value"));
            }
            if (v.note() != null && v.note().strip().length() > MAX_NOTE) {
                violations.add(new FieldViolation(at + "note", "at most " + MAX_NOTE + " characters"));
            }
            IndicatorValue clean = new IndicatorValue(strip(v.planId()), strip(v.indicatorCode()),
                    clean(v.areaCode()), v.value(), clean(v.note()));
            if (!keys.add(clean.key())) {
                violations.add(new FieldViolation(at + "indicatorCode", "reported twice for the same plan and area"));
            }
            cleaned.add(clean);
        }
        if (narrative != null && narrative.strip().length() > MAX_NARRATIVE) {
            violations.add(new FieldViolation("narrative", "at most " + MAX_NARRATIVE + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return cleaned;
    }

    private static boolean sameValues(List<IndicatorValue> a, List<IndicatorValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            IndicatorValue x = a.get(i);
            IndicatorValue y = b.get(i);
            if (!x.key().equals(y.key()) || !Objects.equals(x.note(), y.note())
                    || x.value().compareTo(y.value()) != 0) {
                return false;
            }
        }
        return true;
    }

    private static List<SubmissionValue> contract(List<IndicatorValue> values) {
        return values.stream().map(IndicatorValue::contract).toList();
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
