package vn.giamngheo.support;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.support.consume.IncomingEventReader;
import vn.giamngheo.support.consume.VersionedCopies;
import vn.giamngheo.support.health.MongoPingHealthIndicator;
import vn.giamngheo.support.outbox.AggregateStores;
import vn.giamngheo.support.outbox.OutboxRelay;
import vn.giamngheo.support.outbox.RelaySettings;
import vn.giamngheo.support.web.ProblemDetailsAdvice;

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
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    @ConditionalOnExpression("!'${giamngheo.messaging.topic:}'.isEmpty()")
    OutboxRelay outboxRelay(MongoTemplate mongo, Producer<String, byte[]> outboxProducer,
                            MessagingProperties properties, MeterRegistry meters) {
        return new OutboxRelay(mongo, outboxProducer, new RelaySettings(properties.topic(), properties.source(),
                properties.outboxCollections(), properties.pollInterval(), properties.lease(),
                properties.batchSize()), meters);
    }

    @Bean
    AggregateStores aggregateStores(MongoTemplate mongo, org.springframework.beans.factory.ObjectProvider<OutboxRelay> relay) {
        return new AggregateStores(mongo, () -> relay.ifAvailable(OutboxRelay::nudge));
    }

    @Bean
    VersionedCopies versionedCopies(MongoTemplate mongo) {
        return new VersionedCopies(mongo);
    }

    @Bean
    IncomingEventReader incomingEventReader() {
        return new IncomingEventReader();
    }

    /** Named like Boot's indicator so that Boot's {@code hello}-based one backs off. */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
