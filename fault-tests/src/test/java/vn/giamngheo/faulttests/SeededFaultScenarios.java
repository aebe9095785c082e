package vn.giamngheo.faulttests;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A fault-test class's stack, started once with issued plans and their tasks for the scenarios to work on, and closed
 * after the last scenario.
 */
abstract class SeededFaultScenarios implements RestoreAndReport.Scenarios {

    FaultStack stack;
    final List<String> plans = new ArrayList<>();
    final List<String> tasks = new ArrayList<>();

    private final String name;
    private final int planCount;
    private final int tasksPerPlan;

    SeededFaultScenarios(String name, int planCount, int tasksPerPlan) {
        this.name = name;
        this.planCount = planCount;
        this.tasksPerPlan = tasksPerPlan;
    }

    @BeforeAll
    void startStackWithPlansAndTasks() {
        stack = FaultStack.start(name);
        for (int i = 0; i < planCount; i++) {
            plans.add(Workloads.plan(stack, name.toUpperCase(), true));
        }
        for (String plan : plans) {
            tasks.addAll(Workloads.tasks(stack, plan, tasksPerPlan));
        }
    }

    @Override
    public FaultStack faultStack() {
        return stack;
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }
}
