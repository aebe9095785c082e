package vn.giamngheo.task.plan;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.EventCatalog;
import vn.giamngheo.support.consume.IncomingEvent;
import vn.giamngheo.support.consume.IncomingEventReader;
import vn.giamngheo.task.task.TaskCommands;
import vn.giamngheo.task.unit.KnownUnits;

/**
 * Follows plan.events, which carries plans and units. After a plan's copy is updated the plan's tasks are brought in
 * line with its status; that step runs on duplicates too, so a crash between the two writes is repaired by the
 * redelivery. Other aggregates the plan-service publishes there are not needed here.
 */
@Configuration
class PlanEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> planEvents(IncomingEventReader reader, KnownPlans plans, KnownUnits units,
                                         TaskCommands tasks) {
        return message -> {
            IncomingEvent event = reader.read(message);
            if (event.isAbout(EventCatalog.PLAN)) {
                plans.apply(event);
                plans.find(event.subject()).ifPresent(tasks::followPlan);
            } else if (event.isAbout(EventCatalog.UNIT)) {
                units.apply(event);
            }
        };
    }
}
