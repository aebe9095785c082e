package vn.giamngheo.report.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.calendar.ProvinceCalendar;
import vn.giamngheo.report.feedback.FeedbackStore;
import vn.giamngheo.report.feedback.FeedbackSummary;
import vn.giamngheo.report.plan.PlanViews;
import vn.giamngheo.report.plan.PlanVisibility;
import vn.giamngheo.report.plan.domain.PlanRecord;
import vn.giamngheo.report.progress.domain.ProgressFigures;
import vn.giamngheo.report.task.TaskViews;
import vn.giamngheo.report.task.domain.TaskRecord;
import vn.giamngheo.report.task.domain.TaskState;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.NotFoundException;

/**
 * Computes a plan's progress from the task copies at read time, so it can never drift from them — now, or as of the
 * end of a past day by folding each task's history up to that day.
 */
@Component
public class PlanProgressQuery {

    private final PlanViews plans;
    private final TaskViews tasks;
    private final FeedbackStore feedback;
    private final ProvinceCalendar calendar;

    public PlanProgressQuery(PlanViews plans, TaskViews tasks, FeedbackStore feedback, ProvinceCalendar calendar) {
        this.plans = plans;
        this.tasks = tasks;
        this.feedback = feedback;
        this.calendar = calendar;
    }

    /** A task of the plan's subtree with its state on the day asked, for reports and exports. */
    public record TaskRow(PlanRecord plan, TaskRecord task, TaskState state, boolean overdue) {
    }

    /** The plan's subtree as it stood on the day asked: the plans and their tasks' states. */
    public record Snapshot(PlanRecord plan, LocalDate day, Instant cutoff, List<PlanRecord> subtree,
                           Map<String, List<ProgressFigures.Item>> itemsByPlan) {
    }

    /** The plan's progress as of the end of {@code asOf} (province calendar), or now when null. */
    public PlanProgress of(String planId, LocalDate asOf) {
        return of(planId, asOf, false);
    }

    /** As {@link #of(String, LocalDate)}; {@code withoutDrafts}: DRAFT plans are unknown (the public's view). */
    public PlanProgress of(String planId, LocalDate asOf, boolean withoutDrafts) {
        Snapshot snapshot = snapshot(planId, asOf, withoutDrafts);
        PlanRecord plan = snapshot.plan();
        ProgressFigures own = ProgressFigures.of(snapshot.itemsByPlan().getOrDefault(plan.id(), List.of()),
                snapshot.day());
        ProgressFigures all = ProgressFigures.of(itemsOf(snapshot.subtree(), snapshot), snapshot.day());
        FeedbackSummary ownFeedback = feedback.forPlans(List.of(plan.id()), snapshot.cutoff());
        FeedbackSummary allFeedback = feedback.forPlans(snapshot.subtree().stream().map(PlanRecord::id).toList(),
                snapshot.cutoff());
        List<PlanProgress.SubPlan> children = new ArrayList<>();
        for (PlanRecord child : snapshot.subtree()) {
            if (plan.id().equals(child.parentPlanId())) {
                List<PlanRecord> childTree = subtreeOf(child, snapshot.subtree());
                ProgressFigures f = ProgressFigures.of(itemsOf(childTree, snapshot), snapshot.day());
                children.add(new PlanProgress.SubPlan(child.id(), child.code(), child.title(), child.kind(),
                        statusOf(child, snapshot.cutoff()), childTree.size(), f.taskCount(),
                        f.averagePercentComplete(), f.weightedPercentComplete(), f.overdueTasks(), f.doneTasks()));
            }
        }
        return new PlanProgress(plan.id(), plan.code(), plan.title(), plan.kind(), statusOf(plan, snapshot.cutoff()),
                asOf, own.taskCount(), own.tasksByStatus(), own.averagePercentComplete(),
                own.weightedPercentComplete(), own.overdueTasks(), own.doneTasks(), own.doneOnTime(), ownFeedback,
                PlanProgress.Rollup.of(snapshot.subtree().size(), all, allFeedback), children);
    }

    /** Per plan of the subtree, its own figures (for the export's summary sheet), in the subtree's order. */
    public Map<PlanRecord, ProgressFigures> figuresPerPlan(Snapshot snapshot) {
        Map<PlanRecord, ProgressFigures> result = new LinkedHashMap<>();
        for (PlanRecord plan : snapshot.subtree()) {
            result.put(plan, ProgressFigures.of(snapshot.itemsByPlan().getOrDefault(plan.id(), List.of()),
                    snapshot.day()));
        }
        return result;
    }

    /** The community's feedback on the tasks of the given plans, received by the snapshot's day. */
    public FeedbackSummary feedback(Snapshot snapshot, List<PlanRecord> plans) {
        return feedback.forPlans(plans.stream().map(PlanRecord::id).toList(), snapshot.cutoff());
    }

    /** The subtree's tasks with their state on the day asked, by due date; read lazily. */
    public Stream<TaskRow> taskRows(Snapshot snapshot) {
        Map<String, PlanRecord> byId = new HashMap<>();
        snapshot.subtree().forEach(p -> byId.put(p.id(), p));
        return tasks.streamOfPlans(byId.keySet(), snapshot.cutoff())
                .flatMap(task -> task.stateBefore(snapshot.cutoff(), calendar.zone())
                        .map(state -> new TaskRow(byId.get(task.planId()), task, state,
                                state.isOverdueOn(snapshot.day())))
                        .stream());
    }

    public Snapshot snapshot(String planId, LocalDate asOf) {
        return snapshot(planId, asOf, false);
    }

    public Snapshot snapshot(String planId, LocalDate asOf, boolean withoutDrafts) {
        LocalDate today = calendar.today();
        if (asOf != null && asOf.isAfter(today)) {
            throw new InvalidInputException("asOf", "must not lie in the future (today is " + today + ")");
        }
        Instant cutoff = asOf == null ? null : calendar.endOf(asOf);
        LocalDate day = asOf == null ? today : asOf;
        PlanRecord plan = plans.find(planId).filter(p -> p.statusBefore(cutoff).isPresent())
                .filter(p -> !withoutDrafts || !PlanVisibility.isDraft(p))
                .orElseThrow(() -> new NotFoundException("Plan", planId + (asOf == null ? "" : " on " + asOf)));
        List<PlanRecord> subtree = plans.withDescendants(plan).stream()
                .filter(p -> p.statusBefore(cutoff).isPresent())
                .filter(p -> !withoutDrafts || !PlanVisibility.isDraft(p)).toList();
        Map<String, List<ProgressFigures.Item>> items = new HashMap<>();
        for (TaskRecord task : tasks.ofPlans(subtree.stream().map(PlanRecord::id).toList(), cutoff)) {
            task.stateBefore(cutoff, calendar.zone()).ifPresent(state -> items.computeIfAbsent(task.planId(),
                    k -> new ArrayList<>()).add(new ProgressFigures.Item(state, task.priority())));
        }
        return new Snapshot(plan, day, cutoff, subtree, items);
    }

    public static String statusOf(PlanRecord plan, Instant cutoff) {
        return plan.statusBefore(cutoff).orElse(plan.status());
    }

    private static List<ProgressFigures.Item> itemsOf(List<PlanRecord> plans, Snapshot snapshot) {
        List<ProgressFigures.Item> items = new ArrayList<>();
        plans.forEach(p -> items.addAll(snapshot.itemsByPlan().getOrDefault(p.id(), List.of())));
        return items;
    }

    /** The child and the plans below it, taken from the already loaded subtree. */
    private static List<PlanRecord> subtreeOf(PlanRecord child, List<PlanRecord> subtree) {
        List<PlanRecord> result = new ArrayList<>(List.of(child));
        for (int i = 0; i < result.size(); i++) {
            String id = result.get(i).id();
            subtree.stream().filter(p -> id.equals(p.parentPlanId()) && !result.contains(p)).forEach(result::add);
        }
        return result;
    }
}
