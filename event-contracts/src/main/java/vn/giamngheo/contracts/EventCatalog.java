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

/**
 * Every event type of the suite, with its topic, record and schema. A type missing here is unknown to every consumer
 * (and goes to the dead-letter topic), so adding an event means adding it here, its schema and its AsyncAPI message.
 */
public final class EventCatalog {

    /** One event type: the stable type string, the topic it is published on and the record producers use. */
    public record Entry(String type, String topic, Class<? extends DomainEvent> recordType) {

        /** Classpath location of the JSON Schema of this type. */
        public String schemaResource() {
            return "/contracts/schemas/" + type + ".schema.json";
        }
    }

    private static final Map<String, Entry> BY_TYPE = new LinkedHashMap<>();

    static {
        register(Topics.PLAN_EVENTS, List.of(PlanCreated.class, PlanIssued.class, PlanClosed.class, PlanCancelled.class));
        register(Topics.TASK_EVENTS, List.of(TaskCreated.class, TaskAssigned.class, TaskProgressReported.class,
                TaskCompleted.class, TaskBlocked.class, TaskUnblocked.class, TaskCancelled.class));
    }

    private EventCatalog() {
    }

    private static void register(String topic, List<Class<? extends DomainEvent>> records) {
        for (Class<? extends DomainEvent> record : records) {
            String type = typeOf(record);
            if (BY_TYPE.putIfAbsent(type, new Entry(type, topic, record)) != null) {
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
