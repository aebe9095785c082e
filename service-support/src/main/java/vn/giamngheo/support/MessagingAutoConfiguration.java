package vn.giamngheo.support;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.cloud.stream.annotation.StreamRetryTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.support.consume.BatchConsumerErrors;
import vn.giamngheo.support.consume.ConsumerRetrySettings;
import vn.giamngheo.support.consume.ConsumerRetryTemplate;
import vn.giamngheo.support.consume.IncomingEventReader;
import vn.giamngheo.support.consume.VersionedCopies;
import vn.giamngheo.support.health.MongoPingHealthIndicator;
import vn.giamngheo.support.outbox.AggregateStores;
import vn.giamngheo.support.outbox.OutboxRelay;
import vn.giamngheo.support.outbox.RelaySettings;
import vn.giamngheo.support.security.CurrentCaller;
import vn.giamngheo.support.web.ProblemDetailsAdvice;
import vn.giamngheo.support.web.StrictDates;

/** Wires the shared messaging support into every service: outbox relay, consumers' helpers, topics, health. */
@AutoConfiguration
@EnableConfigurationProperties(MessagingProperties.class)
@Import(ProblemDetailsAdvice.class)
public class MessagingAutoConfiguration {

    /** The topics are created explicitly with the configured partition count, never left to auto-creation. */
    @Bean
    KafkaAdmin.NewTopics giamngheoTopics(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.PLAN_EVENTS, properties), topic(Topics.TASK_EVENTS, properties),
                topic(Topics.REPORT_EVENTS, properties), topic("census.households", properties));
    }

    private static NewTopic topic(String name, MessagingProperties properties) {
        return TopicBuilder.name(name).partitions(properties.partitions()).replicas(1).build();
    }

    /** Idempotent producer, acks from all replicas, bounded blocking so a down broker never stalls the relay. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!'${giamngheo.messaging.topic:}'.isEmpty()")
    Producer<String, byte[]> outboxProducer(KafkaProperties kafka) {
        Map<String, Object> config = idempotentProducer(kafka, "outbox-relay");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** spring.kafka's producer settings, idempotent and acknowledged by all replicas. */
    private static Map<String, Object> idempotentProducer(KafkaProperties kafka, String clientId) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    @Bean
    @ConditionalOnExpression("!'${giamngheo.messaging.topic:}'.isEmpty()")
    OutboxRelay outboxRelay(MongoTemplate mongo, Producer<String, byte[]> outboxProducer,
                            MessagingProperties properties, MeterRegistry meters) {
        return new OutboxRelay(mongo, outboxProducer, new RelaySettings(properties.topic(), properties.source(),
                properties.outboxCollections(), properties.pollInterval(), properties.lease(),
                properties.batchSize()), meters);
    }

    /** Who is calling: the verified token's subject, roles and unit; the service itself outside requests. */
    @Bean
    CurrentCaller currentCaller(Environment environment) {
        return new CurrentCaller(environment.getProperty("spring.application.name", "giamngheo"));
    }

    @Bean
    AggregateStores aggregateStores(MongoTemplate mongo, ObjectProvider<OutboxRelay> relay,
                                    CurrentCaller currentCaller) {
        return new AggregateStores(mongo, (collection, id) -> relay.ifAvailable(r -> r.nudge(collection, id)),
                currentCaller::actor);
    }

    @Bean
    VersionedCopies versionedCopies(MongoTemplate mongo) {
        return new VersionedCopies(mongo);
    }

    @Bean
    IncomingEventReader incomingEventReader() {
        return new IncomingEventReader();
    }

    /**
     * The driver's default waits 30 s for a server before it gives up, so while the database is down every request
     * would hang for 30 s. A few seconds are enough for a reachable server (it is found within milliseconds), and the
     * client gets its 503 promptly. Runs before Boot's own customizer, so a {@code serverSelectionTimeoutMS} in the
     * connection string still wins.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    MongoClientSettingsBuilderCustomizer giamngheoMongoTimeouts(Environment environment) {
        Duration selection = environment.getProperty("giamngheo.mongo.server-selection-timeout", Duration.class,
                Duration.ofSeconds(3));
        return settings -> settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                selection.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * Every consumer binding's retry (the binder takes the only {@code @StreamRetryTemplate} for all of them): the
     * attempts and back-off of {@code spring.cloud.stream.default.consumer}, poison never retried, and a database
     * outage waited out instead of ending on the dead-letter topic.
     */
    @Bean
    @StreamRetryTemplate
    RetryTemplate giamngheoConsumerRetry(Environment environment) {
        return new ConsumerRetryTemplate(ConsumerRetrySettings.from(environment));
    }

    /**
     * Retry and dead letters of the bindings that consume in batches (see {@link BatchConsumerErrors}), with the
     * attempts and back-off of every other binding. Parked records are sent by a producer of their own, configured
     * like the binder's dead-letter producer from {@code spring.kafka}.
     */
    @Bean
    BatchConsumerErrors giamngheoBatchConsumerErrors(Environment environment, KafkaProperties kafka) {
        return new BatchConsumerErrors(new DefaultKafkaProducerFactory<>(idempotentProducer(kafka, "dead-letters"),
                new ByteArraySerializer(), new ByteArraySerializer()), ConsumerRetrySettings.from(environment));
    }

    /** Dates in request bodies only as ISO strings: see {@link StrictDates}. */
    @Bean
    JsonMapperBuilderCustomizer giamngheoStrictDates() {
        return builder -> builder.addModule(StrictDates.module());
    }

    /** Named like Boot's indicator so that Boot's {@code hello}-based one backs off. */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
