package vn.giamngheo.contracts;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.giamngheo.contracts.plan.PlanCancelled;
import vn.giamngheo.contracts.plan.PlanClosed;
import vn.giamngheo.contracts.plan.PlanCreated;
import vn.giamngheo.contracts.plan.PlanIssued;
import vn.giamngheo.contracts.task.TaskAssigned;
import vn.giamngheo.contracts.task.TaskBlocked;
import vn.giamngheo.contracts.task.TaskCancelled;
import vn.giamngheo.contracts.task.TaskCompleted;
import vn.giamngheo.contracts.task.TaskCreated;
import vn.giamngheo.contracts.task.TaskProgressReported;
import vn.giamngheo.contracts.task.TaskUnblocked;
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

    static {
        // plan.events — aggregate "plan": every event carries the plan's status after the change.
        register(Topics.PLAN_EVENTS, PLAN, List.of(PlanCreated.class, PlanIssued.class, PlanClosed.class,
                PlanCancelled.class));
        // plan.events — aggregate "unit": every event carries the unit's full state.
        register(Topics.PLAN_EVENTS, UNIT, List.of(UnitRegistered.class, UnitChanged.class, UnitRetired.class));
        // task.events — aggregate "task": every event carries planId, status and percentComplete after the change.
        register(Topics.TASK_EVENTS, TASK, List.of(TaskCreated.class, TaskAssigned.class, TaskProgressReported.class,
                TaskCompleted.class, TaskBlocked.class, TaskUnblocked.class, TaskCancelled.class));
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
