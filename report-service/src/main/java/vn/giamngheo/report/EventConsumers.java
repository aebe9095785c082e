package vn.giamngheo.report;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.giamngheo.support.consume.IncomingEventReader;

/** Feeds the projections from plan.events and task.events; failures go to each binding's dead-letter topic. */
@Configuration
class EventConsumers {

    @Bean
    Consumer<Message<byte[]>> planEvents(IncomingEventReader reader, ReportProjections projections) {
        return message -> projections.apply(reader.read(message));
    }

    @Bean
    Consumer<Message<byte[]>> taskEvents(IncomingEventReader reader, ReportProjections projections) {
        return message -> projections.apply(reader.read(message));
    }
}
