package vn.giamngheo.report;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;
import vn.giamngheo.report.task.TaskViews;
import vn.giamngheo.support.consume.ConsumerRetrySettings;
import vn.giamngheo.support.consume.IncomingEventReader;

/** Feeds the projections from plan.events and task.events; failures go to each binding's dead-letter topic. */
@Configuration
class EventConsumers {

    @Bean
    Consumer<Message<byte[]>> planEvents(IncomingEventReader reader, ReportProjections projections) {
        return message -> projections.apply(reader.read(message));
    }

    /** A poll at a time (batch mode): see {@link TaskEventBatches}. */
    @Bean
    Consumer<Message<List<byte[]>>> taskEvents(IncomingEventReader reader, ReportProjections projections,
                                               TaskViews tasks, Environment environment) {
        return new TaskEventBatches(reader, projections, tasks, ConsumerRetrySettings.from(environment).maxDelay());
    }
}
