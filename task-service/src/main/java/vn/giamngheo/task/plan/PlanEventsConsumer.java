package vn.giamngheo.task.plan;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.giamngheo.contracts.EventCatalog;
import vn.giamngheo.support.consume.IncomingEvent;
import vn.giamngheo.support.consume.IncomingEventReader;
import vn.giamngheo.task.task.TaskCommands;

/**
 * Follows plan.events. After the copy is updated the plan's tasks are brought in line with its status; that step
 * runs on duplicates too, so a crash between the two writes is repaired by the redelivery.
 */
@Configuration
class PlanEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> planEvents(IncomingEventReader reader, KnownPlans plans, TaskCommands tasks) {
        return message -> {
            IncomingEvent event = reader.read(message);
            if (event.isAbout(EventCatalog.PLAN)) {
                plans.apply(event);
                plans.find(event.subject()).ifPresent(tasks::followPlan);
            }
        };
    }
}
