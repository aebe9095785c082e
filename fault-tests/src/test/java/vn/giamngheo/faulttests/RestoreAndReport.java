package vn.giamngheo.faulttests;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import vn.giamngheo.localstack.ProcessFigures;
import vn.giamngheo.localstack.Service;

/**
 * Prints a failed scenario's reason at once (the stack keeps running for the next scenario, so the report at the end
 * would come late), and brings back whatever a failed scenario left stopped, so that the next one starts whole.
 */
final class RestoreAndReport implements TestWatcher, AfterEachCallback {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        System.out.println("FAULT-SUITE FAILED " + context.getDisplayName() + ": " + cause);
        if (context.getTestInstance().orElse(null) instanceof Scenarios scenarios
                && scenarios.faultStack() != null) {
            scenarios.faultStack().keepData();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Object test = context.getRequiredTestInstance();
        FaultStack stack = test instanceof Scenarios scenarios ? scenarios.faultStack() : null;
        if (stack == null) {
            return;
        }
        Set<String> running = stack.stack.processes().stream().map(ProcessFigures::name).collect(Collectors.toSet());
        if (!running.contains("mongo")) {
            stack.stack.startMongo();
        }
        if (!running.contains("kafka")) {
            stack.stack.startKafka();
        }
        for (Service service : Service.values()) {
            if (!running.contains(service.moduleName())) {
                stack.stack.startService(service);
            }
        }
    }

    /** A test class whose stack this extension looks after. */
    interface Scenarios {
        FaultStack faultStack();
    }
}
