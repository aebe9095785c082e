package vn.giamngheo.contracts;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.giamngheo.contracts.census.HouseholdReviewRecorded;
import vn.giamngheo.contracts.funding.FundingAllocated;
import vn.giamngheo.contracts.funding.FundingAllocationCancelled;
import vn.giamngheo.contracts.funding.FundingAllocationChanged;
import vn.giamngheo.contracts.funding.FundingDisbursementReported;
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
import vn.giamngheo.contracts.task.DisseminationSessionRecorded;
import vn.giamngheo.contracts.task.TaskAssigned;
import vn.giamngheo.contracts.task.TaskBlocked;
import vn.giamngheo.contracts.task.TaskCancelled;
import vn.giamngheo.contracts.task.TaskCompleted;
import vn.giamngheo.contracts.task.TaskCreated;
import vn.giamngheo.contracts.task.TaskDeadlineExtended;
import vn.giamngheo.contracts.task.TaskOverdue;
import vn.giamngheo.contracts.task.TaskProgressReported;
import vn.giamngheo.contracts.task.TaskUnblocked;
import vn.giamngheo.contracts.report.PovertyReviewOpened;
import vn.giamngheo.contracts.report.PovertyReviewPublished;
import vn.giamngheo.contracts.report.PovertyReviewReopened;
import vn.giamngheo.contracts.report.AlertAcknowledged;
import vn.giamngheo.contracts.report.AlertRaised;
import vn.giamngheo.contracts.report.AlertResolved;
import vn.giamngheo.contracts.report.FeedbackAnswered;
import vn.giamngheo.contracts.report.FeedbackReceived;
import vn.giamngheo.contracts.report.SubmissionApproved;
import vn.giamngheo.contracts.report.SubmissionDraftChanged;
import vn.giamngheo.contracts.report.SubmissionDrafted;
import vn.giamngheo.contracts.report.SubmissionReturned;
import vn.giamngheo.contracts.report.SubmissionSubmitted;
import vn.giamngheo.contracts.unit.UnitChanged;
import vn.giamngheo.contracts.unit.UnitRegistered;
import vn.giamngheo.contracts.unit.UnitRetired;

/**
 * Every event type of the suite, with its topic, record and schema. A type missing here is unknown to every consumer
 * (and goes to the dead-letter topic), so adding an event means adding it here, its schema and its AsyncAPI message.
 */
public final class EventCatalog {

    /**
     * One event type: the stable type string, the topic it is published on, the kind of aggregate it is about (a topic
     * may carry several, e.g. plans and units on plan.events) and the record producers use.
     */
    public record Entry(String type, String topic, String aggregate, Class<? extends DomainEvent> recordType) {

        /** Classpath location of the JSON Schema of this type. */
        public String schemaResource() {
            return "/contracts/schemas/" + type + ".schema.json";
        }
    }

    private static final Map<String, Entry> BY_TYPE = new LinkedHashMap<>();

    public static final String PLAN = "plan";
    public static final String TASK = "task";
    public static final String UNIT = "unit";
    public static final String ALLOCATION = "allocation";
    /** A province's yearly household poverty review (report-service). */
    public static final String POVERTY_REVIEW = "poverty-review";
    /** A unit's periodic report for a half year or a year (report-service). */
    public static final String SUBMISSION = "submission";
    /** A monitoring alert, one per condition and period (report-service). */
    public static final String ALERT = "alert";
    /** A member of the public's feedback on a task or a commune's project (report-service). */
    public static final String FEEDBACK = "feedback";
    /** Intake records about one household in one review year; not an aggregate, so they carry no status. */
    public static final String CENSUS_HOUSEHOLD = "census-household";

    static {
        // plan.events — aggregate "plan": every event carries the plan's status after the change. Objectives,
        // indicators and targets live inside the plan, so their events are plan events (key = planId).
        register(Topics.PLAN_EVENTS, PLAN, List.of(PlanCreated.class, PlanIssued.class, PlanClosed.class,
                PlanCancelled.class, PlanDetailsChanged.class, ObjectiveAdded.class, ObjectiveChanged.class,
                ObjectiveRemoved.class, IndicatorAdded.class, IndicatorChanged.class, IndicatorRemoved.class,
                IndicatorTargetsSet.class, PlanRevised.class));
        // plan.events — aggregate "unit": every event carries the unit's full state.
        register(Topics.PLAN_EVENTS, UNIT, List.of(UnitRegistered.class, UnitChanged.class, UnitRetired.class));
        // plan.events — aggregate "allocation" (funding, key = allocationId): every event carries the allocation's
        // full state, including its status.
        register(Topics.PLAN_EVENTS, ALLOCATION, List.of(FundingAllocated.class, FundingAllocationChanged.class,
                FundingDisbursementReported.class, FundingAllocationCancelled.class));
        // task.events — aggregate "task": every event carries planId, status and percentComplete after the change.
        register(Topics.TASK_EVENTS, TASK, List.of(TaskCreated.class, TaskAssigned.class, TaskProgressReported.class,
                TaskCompleted.class, TaskBlocked.class, TaskUnblocked.class, TaskCancelled.class,
                TaskDeadlineExtended.class, TaskOverdue.class, DisseminationSessionRecorded.class));
        // report.events — aggregate "poverty-review": every event carries the review's status after the change.
        register(Topics.REPORT_EVENTS, POVERTY_REVIEW, List.of(PovertyReviewOpened.class,
                PovertyReviewPublished.class, PovertyReviewReopened.class));
        // report.events — aggregates "submission", "alert" and "feedback": every event carries the status after the
        // change.
        register(Topics.REPORT_EVENTS, SUBMISSION, List.of(SubmissionDrafted.class, SubmissionDraftChanged.class,
                SubmissionSubmitted.class, SubmissionReturned.class, SubmissionApproved.class));
        register(Topics.REPORT_EVENTS, ALERT, List.of(AlertRaised.class, AlertAcknowledged.class,
                AlertResolved.class));
        register(Topics.REPORT_EVENTS, FEEDBACK, List.of(FeedbackReceived.class, FeedbackAnswered.class));
        // census.households — intake from the labour department's systems (consumed by the report-service).
        register(HouseholdReviewRecorded.TOPIC, CENSUS_HOUSEHOLD, List.of(HouseholdReviewRecorded.class));
    }

    private EventCatalog() {
    }

    private static void register(String topic, String aggregate, List<Class<? extends DomainEvent>> records) {
        for (Class<? extends DomainEvent> record : records) {
            String type = typeOf(record);
            if (BY_TYPE.putIfAbsent(type, new Entry(type, topic, aggregate, record)) != null) {
                throw new IllegalStateException("Event type registered twice: " + type);
            }
        }
    }

    public static String typeOf(Class<? extends DomainEvent> record) {
        EventType annotation = record.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(record.getName() + " has no @EventType");
        }
        return annotation.value();
    }

    public static Optional<Entry> find(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static Collection<Entry> all() {
        return BY_TYPE.values();
    }
}
