package vn.giamngheo.localstack;

/** The three services of the suite, each run from its own module's jar with its own database. */
public enum Service {
    PLAN("plan-service", "giamngheo_plan"),
    TASK("task-service", "giamngheo_task"),
    REPORT("report-service", "giamngheo_report");

    private final String moduleName;
    private final String databaseName;

    Service(String moduleName, String databaseName) {
        this.moduleName = moduleName;
        this.databaseName = databaseName;
    }

    /** The Maven module, which is also the process name and the jar's base name. */
    public String moduleName() {
        return moduleName;
    }

    public String databaseName() {
        return databaseName;
    }
}
