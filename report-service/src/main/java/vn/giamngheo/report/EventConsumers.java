package vn.giamngheo.report;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.giamngheo.report.plan.PlanViews;
import vn.giamngheo.report.task.TaskViews;
import vn.giamngheo.contracts.EventCatalog;
import vn.giamngheo.support.consume.IncomingEvent;
import vn.giamngheo.support.consume.IncomingEventReader;

/** Feeds the projections from plan.events and task.events; failures go to each binding's dead-letter topic. */
@Configuration
class EventConsumers {

    @Bean
    Consumer<Message<byte[]>> planEvents(IncomingEventReader reader, PlanViews plans) {
        return message -> {
            IncomingEvent event = reader.read(message);
            if (event.isAbout(EventCatalog.PLAN)) {
                plans.apply(event);
            }
        };
    }

    @Bean
    Consumer<Message<byte[]>> taskEvents(IncomingEventReader reader, TaskViews tasks) {
        return message -> {
            IncomingEvent event = reader.read(message);
            if (event.isAbout(EventCatalog.TASK)) {
                tasks.apply(event);
            }
        };
    }
}
