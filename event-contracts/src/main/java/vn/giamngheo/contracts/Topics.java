package vn.giamngheo.contracts;

/** The event topics. Each producing service owns exactly one; records are keyed by aggregate id. */
public final class Topics {
    public static final String PLAN_EVENTS = "plan.events";
    public static final String TASK_EVENTS = "task.events";
    public static final String REPORT_EVENTS = "report.events";

    private Topics() {
    }

    /** The dead-letter topic of a consumer group on a topic: {@code <topic>.<group>.dlt}. */
    public static String deadLetter(String topic, String group) {
        return topic + "." + group + ".dlt";
    }
}
