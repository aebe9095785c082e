package vn.giamngheo.plan.plan.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.plan.ChangeEntry;
import vn.giamngheo.contracts.plan.IndicatorAdded;
import vn.giamngheo.contracts.plan.IndicatorChanged;
import vn.giamngheo.contracts.plan.IndicatorRemoved;
import vn.giamngheo.contracts.plan.IndicatorTargetsSet;
import vn.giamngheo.contracts.plan.ObjectiveAdded;
import vn.giamngheo.contracts.plan.ObjectiveChanged;
import vn.giamngheo.contracts.plan.ObjectiveRemoved;
import vn.giamngheo.contracts.plan.PlanCancelled;
import vn.giamngheo.contracts.plan.PlanClosed;
import vn.giamngheo.contracts.plan.PlanCreated;
import vn.giamngheo.contracts.plan.PlanDetailsChanged;
import vn.giamngheo.contracts.plan.PlanIssued;
import vn.giamngheo.contracts.plan.PlanRevised;
import vn.giamngheo.plan.text.SearchText;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.NotFoundException;
import vn.giamngheo.support.domain.StateConflictException;

/**
 * A plan: a resolution, a program plan, an annual or a unit plan, with its legal basis, program, lifecycle, objectives
 * with their indicators and yearly targets, and its history. Each command returns the new state and the single event
 * that records it; the caller stores both in one write. A draft is edited directly; an issued plan changes only
 * through a revision, which records what changed, when and why.
 *
 * @param history    every step of the plan, newest last
 * @param searchText the folded code and title, derived, for searching with or without diacritics
 */
public record Plan(String id, String code, String title, PlanKind kind, Program program, String issuingUnitCode,
                   String parentPlanId, LocalDate periodStart, LocalDate periodEnd, PlanStatus status,
                   LocalDate issuedOn, String cancellationReason, List<Objective> objectives,
                   List<HistoryEntry> history, String searchText) {

    public Plan {
        // Plans stored before programs, objectives and history existed read back with these defaults.
        program = program == null ? Program.SUSTAINABLE_POVERTY_REDUCTION : program;
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
        history = history == null ? List.of() : List.copyOf(history);
        searchText = SearchText.of(code, title);
    }

    public static Change<Plan> draft(String id, NewPlan input, Instant now) {
        List<FieldViolation> violations = draftViolations(id, input);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        HistoryEntry drafted = new HistoryEntry(1, PlanAction.DRAFTED, now, null, null, null, null, List.of());
        Plan plan = new Plan(id, input.code().trim(), input.title().trim(), input.kind(), input.program(),
                input.issuingUnitCode(), input.parentPlanId(), input.periodStart(), input.periodEnd(),
                PlanStatus.DRAFT, null, null, List.of(), List.of(drafted), null);
        return new Change<>(plan, new PlanCreated(id, 1, plan.code, plan.title, plan.kind.name(),
                plan.issuingUnitCode, plan.parentPlanId, plan.periodStart, plan.periodEnd, plan.status.name(), now,
                plan.program.name()));
    }

    /** The rules a new plan's own fields must meet. */
    public static List<FieldViolation> draftViolations(String id, NewPlan input) {
        List<FieldViolation> violations = new ArrayList<>();
        if (input.periodStart() != null && input.periodEnd() != null
                && input.periodEnd().isBefore(input.periodStart())) {
            violations.add(new FieldViolation("periodEnd", "must not be before periodStart"));
        }
        if (id != null && id.equals(input.parentPlanId())) {
            violations.add(new FieldViolation("parentPlanId", "a plan cannot be its own parent"));
        }
        return violations;
    }

    /** The rule a plan's issuing unit must meet: it exists at some time during the plan's period. */
    public static List<FieldViolation> issuingUnitViolations(String unitCode, LocalDate periodStart,
                                                             LocalDate periodEnd, UnitDirectory units) {
        Optional<UnitDirectory.Validity> unit = units.find(unitCode);
        if (unit.isEmpty()) {
            return List.of(new FieldViolation("issuingUnitCode", "no unit " + unitCode));
        }
        if (periodStart != null && periodEnd != null && !periodEnd.isBefore(periodStart)
                && !unit.get().overlaps(periodStart, periodEnd)) {
            return List.of(new FieldViolation("issuingUnitCode", "unit " + unitCode
                    + " did not exist during the plan's period"));
        }
        return List.of();
    }

    /** Edits a draft's header; nothing happens when nothing differs. */
    public Optional<Change<Plan>> changeDetails(long version, PlanDetails details, UnitDirectory units, Instant now) {
        requireDraft();
        PlanEditor editor = new PlanEditor(this);
        editor.title(details.title(), "title");
        editor.program = details.program() == null ? program : details.program();
        editor.issuingUnitCode = details.issuingUnitCode();
        editor.parentPlanId = details.parentPlanId();
        if (id.equals(details.parentPlanId())) {
            editor.violation("parentPlanId", "a plan cannot be its own parent");
        }
        editor.period(details.periodStart(), details.periodEnd());
        issuingUnitViolations(details.issuingUnitCode(), editor.periodStart, editor.periodEnd, units)
                .forEach(v -> editor.violation(v.field(), v.message()));
        editor.validate(units);
        editor.requireValid();
        Plan changed = edited(editor);
        List<FieldChange> changes = changesTo(changed);
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        long next = version + 1;
        Plan recorded = changed.recording(new HistoryEntry(next, PlanAction.DETAILS_CHANGED, now, null, null, null,
                null, changes));
        return Optional.of(new Change<>(recorded, new PlanDetailsChanged(id, next, recorded.title,
                recorded.program.name(), recorded.issuingUnitCode, recorded.parentPlanId, recorded.periodStart,
                recorded.periodEnd, entries(changes), recorded.status.name(), now)));
    }

    public Change<Plan> addObjective(long version, ObjectiveInput input, Instant now) {
        requireDraft();
        PlanEditor editor = new PlanEditor(this);
        editor.putObjective(input, "", false);
        editor.requireValid();
        Plan changed = edited(editor);
        Objective added = changed.objective(input.code()).orElseThrow();
        return record(changed, version, PlanAction.OBJECTIVE_ADDED, now, next ->
                new ObjectiveAdded(id, next, added.code(), added.nameVi(), added.nameEn(), status.name(), now));
    }

    public Optional<Change<Plan>> changeObjective(long version, String objectiveCode, String nameVi, String nameEn,
                                                  Instant now) {
        requireDraft();
        requireObjective(objectiveCode);
        PlanEditor editor = new PlanEditor(this);
        editor.putObjective(new ObjectiveInput(objectiveCode, nameVi, nameEn), "", true);
        editor.requireValid();
        Plan changed = edited(editor);
        if (changesTo(changed).isEmpty()) {
            return Optional.empty();
        }
        Objective objective = changed.objective(objectiveCode).orElseThrow();
        return Optional.of(record(changed, version, PlanAction.OBJECTIVE_CHANGED, now, next ->
                new ObjectiveChanged(id, next, objective.code(), objective.nameVi(), objective.nameEn(),
                        status.name(), now)));
    }

    public Change<Plan> removeObjective(long version, String objectiveCode, Instant now) {
        requireDraft();
        requireObjective(objectiveCode);
        PlanEditor editor = new PlanEditor(this);
        List<String> removed = editor.removeObjective(objectiveCode);
        Plan changed = edited(editor);
        return record(changed, version, PlanAction.OBJECTIVE_REMOVED, now, next ->
                new ObjectiveRemoved(id, next, objectiveCode, removed, status.name(), now));
    }

    public Change<Plan> addIndicator(long version, String objectiveCode, IndicatorInput input, UnitDirectory units,
                                     Instant now) {
        requireDraft();
        requireObjective(objectiveCode);
        PlanEditor editor = new PlanEditor(this);
        editor.putIndicator(withObjective(input, objectiveCode), "", false);
        editor.validate(units);
        editor.requireValid();
        Plan changed = edited(editor);
        Indicator added = changed.indicator(input.code()).orElseThrow();
        return record(changed, version, PlanAction.INDICATOR_ADDED, now, next ->
                new IndicatorAdded(id, next, objectiveCode, added.snapshot(), status.name(), now));
    }

    /** Redefines an indicator of a draft (its code stays); nothing happens when nothing differs. */
    public Optional<Change<Plan>> changeIndicator(long version, String indicatorCode, IndicatorInput input,
                                                  UnitDirectory units, Instant now) {
        requireDraft();
        requireIndicator(indicatorCode);
        PlanEditor editor = new PlanEditor(this);
        editor.putIndicator(withCode(input, indicatorCode), "", true);
        editor.validate(units);
        editor.requireValid();
        Plan changed = edited(editor);
        if (changesTo(changed).isEmpty()) {
            return Optional.empty();
        }
        Indicator indicator = changed.indicator(indicatorCode).orElseThrow();
        String objectiveCode = changed.objectiveOf(indicatorCode);
        return Optional.of(record(changed, version, PlanAction.INDICATOR_CHANGED, now, next ->
                new IndicatorChanged(id, next, objectiveCode, indicator.snapshot(), status.name(), now)));
    }

    public Change<Plan> removeIndicator(long version, String indicatorCode, Instant now) {
        requireDraft();
        requireIndicator(indicatorCode);
        String objectiveCode = objectiveOf(indicatorCode);
        PlanEditor editor = new PlanEditor(this);
        editor.removeIndicator(indicatorCode);
        Plan changed = edited(editor);
        return record(changed, version, PlanAction.INDICATOR_REMOVED, now, next ->
                new IndicatorRemoved(id, next, objectiveCode, indicatorCode, status.name(), now));
    }

    /** Replaces a draft indicator's yearly targets; nothing happens when they are the same. */
    public Optional<Change<Plan>> setTargets(long version, String indicatorCode, List<YearlyTarget> targets,
                                             UnitDirectory units, Instant now) {
        requireDraft();
        requireIndicator(indicatorCode);
        PlanEditor editor = new PlanEditor(this);
        editor.setTargets(indicatorCode, targets, "targets");
        editor.validate(units);
        editor.requireValid();
        Plan changed = edited(editor);
        if (changesTo(changed).isEmpty()) {
            return Optional.empty();
        }
        Indicator indicator = changed.indicator(indicatorCode).orElseThrow();
        return Optional.of(record(changed, version, PlanAction.TARGETS_SET, now, next ->
                new IndicatorTargetsSet(id, next, objectiveOf(indicatorCode), indicatorCode,
                        indicator.targets().stream().map(YearlyTarget::snapshot).toList(), status.name(), now)));
    }

    public Change<Plan> issue(long version, LocalDate issuedOn, Instant now) {
        requireStatus("issue", PlanStatus.DRAFT);
        LocalDate date = issuedOn == null ? LocalDate.ofInstant(now, ZoneOffset.UTC) : issuedOn;
        Plan issued = with(PlanStatus.ISSUED, date, null)
                .recording(new HistoryEntry(version + 1, PlanAction.ISSUED, now, date, null, null, null, List.of()));
        return new Change<>(issued, new PlanIssued(id, version + 1, date, issued.status.name(), now));
    }

    /**
     * Revises an issued plan. The whole revision is applied and checked at once: it is stored completely, as one
     * event and one history entry, or refused with every problem named.
     */
    public Change<Plan> revise(long version, PlanRevision revision, UnitDirectory units, Instant now) {
        if (status == PlanStatus.DRAFT) {
            throw new StateConflictException("Plan " + code + " is a DRAFT: edit it directly; only an issued plan is "
                    + "changed through a revision");
        }
        requireStatus("revise", PlanStatus.ISSUED);
        PlanEditor editor = new PlanEditor(this);
        LocalDate revisedOn = revision.revisedOn() == null ? LocalDate.ofInstant(now, ZoneOffset.UTC)
                : revision.revisedOn();
        if (revision.reason() == null || revision.reason().isBlank()) {
            editor.violation("reason", "must say why the plan is revised");
        }
        if (issuedOn != null && revisedOn.isBefore(issuedOn)) {
            editor.violation("revisedOn", "must not be before the plan was issued (" + issuedOn + ")");
        }
        if (revision.title() != null) {
            editor.title(revision.title(), "title");
        }
        if (revision.program() != null) {
            editor.program = revision.program();
        }
        editor.period(revision.periodStart(), revision.periodEnd());
        applyRemovals(editor, revision);
        applyUpserts(editor, revision);
        editor.validate(units);
        editor.requireValid();
        Plan changed = edited(editor);
        List<FieldChange> changes = changesTo(changed);
        if (changes.isEmpty()) {
            throw new InvalidInputException("revision", "changes nothing in the plan");
        }
        long next = version + 1;
        int number = (int) history.stream().filter(h -> h.action() == PlanAction.REVISED).count() + 1;
        String reason = revision.reason().strip();
        String documentCode = revision.documentCode() == null || revision.documentCode().isBlank() ? null
                : revision.documentCode().strip();
        Plan revised = changed.recording(new HistoryEntry(next, PlanAction.REVISED, now, revisedOn, number, reason,
                documentCode, changes));
        return new Change<>(revised, new PlanRevised(id, next, number, reason, documentCode, revisedOn,
                entries(changes), revised.title, revised.program.name(), revised.periodStart, revised.periodEnd,
                revised.objectives.stream().map(Objective::snapshot).toList(), revised.status.name(), now));
    }

    public Change<Plan> close(long version, Instant now) {
        requireStatus("close", PlanStatus.ISSUED);
        Plan closed = with(PlanStatus.CLOSED, issuedOn, null)
                .recording(new HistoryEntry(version + 1, PlanAction.CLOSED, now, null, null, null, null, List.of()));
        return new Change<>(closed, new PlanClosed(id, version + 1, closed.status.name(), now));
    }

    public Change<Plan> cancel(long version, String reason, Instant now) {
        requireStatus("cancel", PlanStatus.DRAFT, PlanStatus.ISSUED);
        Plan cancelled = with(PlanStatus.CANCELLED, issuedOn, reason)
                .recording(new HistoryEntry(version + 1, PlanAction.CANCELLED, now, null, null, reason, null,
                        List.of()));
        return new Change<>(cancelled, new PlanCancelled(id, version + 1, reason, cancelled.status.name(), now));
    }

    public Optional<Objective> objective(String objectiveCode) {
        return objectives.stream().filter(o -> o.code().equals(objectiveCode)).findFirst();
    }

    public Optional<Indicator> indicator(String indicatorCode) {
        return objectives.stream().flatMap(o -> o.indicators().stream())
                .filter(i -> i.code().equals(indicatorCode)).findFirst();
    }

    /** The revisions of the plan, oldest first. */
    public List<HistoryEntry> revisions() {
        return history.stream().filter(h -> h.action() == PlanAction.REVISED).toList();
    }

    private String objectiveOf(String indicatorCode) {
        return objectives.stream().filter(o -> o.indicators().stream().anyMatch(i -> i.code().equals(indicatorCode)))
                .map(Objective::code).findFirst().orElseThrow();
    }

    private void applyRemovals(PlanEditor editor, PlanRevision revision) {
        List<String> objectiveCodes = revision.removedObjectiveCodes();
        for (int i = 0; i < objectiveCodes.size(); i++) {
            if (editor.hasObjective(objectiveCodes.get(i))) {
                editor.removeObjective(objectiveCodes.get(i));
            } else {
                editor.violation("removedObjectiveCodes[" + i + "]", "no objective " + objectiveCodes.get(i));
            }
        }
        List<String> indicatorCodes = revision.removedIndicatorCodes();
        for (int i = 0; i < indicatorCodes.size(); i++) {
            if (editor.hasIndicator(indicatorCodes.get(i))) {
                editor.removeIndicator(indicatorCodes.get(i));
            } else if (!removedWithObjective(indicatorCodes.get(i), objectiveCodes)) {
                editor.violation("removedIndicatorCodes[" + i + "]", "no indicator " + indicatorCodes.get(i));
            }
        }
    }

    private boolean removedWithObjective(String indicatorCode, List<String> removedObjectives) {
        return indicator(indicatorCode).isPresent() && removedObjectives.contains(objectiveOf(indicatorCode));
    }

    private void applyUpserts(PlanEditor editor, PlanRevision revision) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < revision.objectives().size(); i++) {
            ObjectiveInput objective = revision.objectives().get(i);
            if (objective.code() != null && !seen.add(objective.code())) {
                editor.violation("objectives[" + i + "].code", objective.code() + " appears twice in this revision");
            } else {
                editor.putObjective(objective, "objectives[" + i + "].", true);
            }
        }
        seen.clear();
        for (int i = 0; i < revision.indicators().size(); i++) {
            IndicatorInput indicator = revision.indicators().get(i);
            if (indicator.code() != null && !seen.add(indicator.code())) {
                editor.violation("indicators[" + i + "].code", indicator.code() + " appears twice in this revision");
            } else {
                editor.putIndicator(indicator, "indicators[" + i + "].", true);
            }
        }
        seen.clear();
        for (int i = 0; i < revision.targets().size(); i++) {
            TargetSet set = revision.targets().get(i);
            String path = "targets[" + i + "]";
            if (set.indicatorCode() == null || !editor.hasIndicator(set.indicatorCode())) {
                editor.violation(path + ".indicatorCode", "no indicator " + set.indicatorCode() + " in this plan");
            } else if (!seen.add(set.indicatorCode())) {
                editor.violation(path + ".indicatorCode", set.indicatorCode() + " appears twice in this revision");
            } else {
                editor.setTargets(set.indicatorCode(), set.targets() == null ? List.of() : set.targets(),
                        path + ".targets");
            }
        }
    }

    private static IndicatorInput withObjective(IndicatorInput input, String objectiveCode) {
        return new IndicatorInput(input.code(), objectiveCode, input.nameVi(), input.nameEn(), input.unitOfMeasure(),
                input.direction(), input.baselineYear(), input.baselineValue(), input.measurementLevel(),
                input.allowTargetsAgainstDirection(), input.targets());
    }

    private static IndicatorInput withCode(IndicatorInput input, String indicatorCode) {
        if (input.code() != null && !input.code().equals(indicatorCode)) {
            throw new InvalidInputException("code", "is " + input.code() + " but the indicator is " + indicatorCode
                    + "; an indicator's code never changes");
        }
        return new IndicatorInput(indicatorCode, input.objectiveCode(), input.nameVi(), input.nameEn(),
                input.unitOfMeasure(), input.direction(), input.baselineYear(), input.baselineValue(),
                input.measurementLevel(), input.allowTargetsAgainstDirection(), input.targets());
    }

    private void requireObjective(String objectiveCode) {
        if (objective(objectiveCode).isEmpty()) {
            throw new NotFoundException("Objective", objectiveCode + " of plan " + code);
        }
    }

    private void requireIndicator(String indicatorCode) {
        if (indicator(indicatorCode).isEmpty()) {
            throw new NotFoundException("Indicator", indicatorCode + " of plan " + code);
        }
    }

    private void requireDraft() {
        if (status == PlanStatus.ISSUED) {
            throw new StateConflictException("Plan " + code + " is ISSUED: an issued plan changes only through a "
                    + "revision (POST /api/v1/plans/" + id + "/revisions)");
        }
        requireStatus("edit", PlanStatus.DRAFT);
    }

    private void requireStatus(String action, PlanStatus... allowed) {
        for (PlanStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new StateConflictException("Cannot " + action + " plan " + code + ": it is " + status);
    }

    private Change<Plan> record(Plan changed, long version, PlanAction action, Instant now,
                                LongFunction<DomainEvent> event) {
        long next = version + 1;
        Plan recorded = changed.recording(new HistoryEntry(next, action, now, null, null, null, null,
                changesTo(changed)));
        return new Change<>(recorded, event.apply(next));
    }

    private Plan edited(PlanEditor editor) {
        return new Plan(id, code, editor.title, kind, editor.program, editor.issuingUnitCode, editor.parentPlanId,
                editor.periodStart, editor.periodEnd, status, issuedOn, cancellationReason, editor.objectives(),
                history, null);
    }

    private Plan with(PlanStatus newStatus, LocalDate newIssuedOn, String reason) {
        return new Plan(id, code, title, kind, program, issuingUnitCode, parentPlanId, periodStart, periodEnd,
                newStatus, newIssuedOn, reason, objectives, history, null);
    }

    private Plan recording(HistoryEntry entry) {
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.add(entry);
        return new Plan(id, code, title, kind, program, issuingUnitCode, parentPlanId, periodStart, periodEnd, status,
                issuedOn, cancellationReason, objectives, longer, null);
    }

    /** What differs between this plan's content and {@code other}'s, value by value. */
    List<FieldChange> changesTo(Plan other) {
        Map<String, String> before = flatten();
        Map<String, String> after = other.flatten();
        Set<String> paths = new LinkedHashSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String path : paths) {
            if (!Objects.equals(before.get(path), after.get(path))) {
                changes.add(new FieldChange(path, before.get(path), after.get(path)));
            }
        }
        return changes;
    }

    private Map<String, String> flatten() {
        Map<String, String> flat = new LinkedHashMap<>();
        flat.put("title", title);
        flat.put("program", program.name());
        flat.put("issuingUnitCode", issuingUnitCode);
        flat.put("parentPlanId", parentPlanId);
        flat.put("periodStart", String.valueOf(periodStart));
        flat.put("periodEnd", String.valueOf(periodEnd));
        for (Objective objective : objectives) {
            String at = "objectives." + objective.code();
            flat.put(at, objective.nameVi());
            flat.put(at + ".nameEn", objective.nameEn());
            for (Indicator indicator : objective.indicators()) {
                String i = "indicators." + indicator.code();
                flat.put(i, indicator.nameVi());
                flat.put(i + ".nameEn", indicator.nameEn());
                flat.put(i + ".objective", objective.code());
                flat.put(i + ".unitOfMeasure", indicator.unitOfMeasure());
                flat.put(i + ".direction", indicator.direction().name());
                flat.put(i + ".baseline", indicator.baselineYear() + ": "
                        + indicator.baselineValue().toPlainString());
                flat.put(i + ".measurementLevel", indicator.measurementLevel().name());
                flat.put(i + ".allowTargetsAgainstDirection", String.valueOf(indicator.allowTargetsAgainstDirection()));
                for (YearlyTarget target : indicator.targets()) {
                    flat.put(i + ".targets." + target.key(), target.value().toPlainString());
                }
            }
        }
        flat.values().removeIf(Objects::isNull);
        return flat;
    }

    private static List<ChangeEntry> entries(List<FieldChange> changes) {
        return changes.stream().map(FieldChange::entry).toList();
    }
}
