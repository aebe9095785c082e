package vn.giamngheo.support.consume;

import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Retry and dead letters for the bindings that consume in batch mode, with the same rules as {@link
 * ConsumerRetryTemplate} gives the record-at-a-time ones. The binder's own dead-letter handling would park every record
 * of a failed batch; here the handler names the one that failed ({@link BatchListenerFailedException} with its
 * index), the records before it are committed, and only that record is retried and, if it keeps failing, parked: a
 * {@link PoisonEventException} at once, another failure after the configured attempts. The records after it are
 * delivered again, which an idempotent projection tolerates. A database outage never reaches this handler: the batch
 * consumer waits it out itself ({@link vn.giamngheo.support.health.DatabaseOutage#waitOut}), holding its partition,
 * as {@link ConsumerRetryTemplate} does for a record — the handler's back-off is chosen once per failing record, so
 * an outage met first would otherwise govern the record's later, ordinary failures too. Parked records carry the binder's header names ({@code x-exception-message}, {@code x-original-topic}
 * …), so the dead-letter tools and readers need not know which kind of binding parked them. Record-at-a-time
 * bindings are left to the binder.
 */
public class BatchConsumerErrors implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaOperations<byte[], byte[]> deadLetters;
    private final ConsumerRetrySettings retry;

    /** @param producers the dead-letter producer's factory, closed with this bean */
    public BatchConsumerErrors(DefaultKafkaProducerFactory<byte[], byte[]> producers, ConsumerRetrySettings retry) {
        this.producers = producers;
        this.deadLetters = new KafkaTemplate<>(producers);
        this.retry = retry;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        // only reached through the overload below, which knows whether the binding consumes in batches
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff, ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        if (properties == null || !properties.isBatchMode()) {
            return;
        }
        if (dlqDestinationResolver == null) {
            throw new IllegalStateException("The batch binding of " + destinationName + " has no dead-letter topic: "
                    + "a record that can never be applied would stop its partition");
        }
        container.setCommonErrorHandler(errorHandler(dlqDestinationResolver));
    }

    DefaultErrorHandler errorHandler(BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters, destination) {
            @Override
            public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception failure) {
                super.accept(record, consumer, reason(failure));
            }
        };
        recoverer.setHeaderNamesSupplier(BatchConsumerErrors::binderHeaderNames);
        ExponentialBackOff ordinary = new ExponentialBackOff(retry.initialDelay().toMillis(), retry.multiplier());
        ordinary.setMaxInterval(retry.maxDelay().toMillis());
        ordinary.setMaxAttempts(Math.max(0, retry.maxAttempts() - 1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, ordinary);
        handler.addNotRetryableExceptions(PoisonEventException.class);
        return handler;
    }

    /**
     * Why the record failed: the cause the batch consumer gave with its index, not the listener's and binder's
     * wrappers around it, whose messages name only the handler ("Listener failed; error occurred in message handler").
     */
    static Exception reason(Exception failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof BatchListenerFailedException named && named.getCause() instanceof Exception reason) {
                return reason;
            }
        }
        return failure;
    }

    /** The names the binder's dead-letter sender gives its headers. */
    static HeaderNames binderHeaderNames() {
        return HeaderNames.Builder.original()
                .offsetHeader("x-original-offset")
                .timestampHeader("x-original-timestamp")
                .timestampTypeHeader("x-original-timestamp-type")
                .topicHeader("x-original-topic")
                .partitionHeader("x-original-partition")
                .consumerGroupHeader("x-original-consumer-group")
                .exception()
                .keyExceptionFqcn("x-key-exception-fqcn")
                .exceptionFqcn("x-exception-fqcn")
                .exceptionCauseFqcn("x-exception-cause-fqcn")
                .keyExceptionMessage("x-key-exception-message")
                .exceptionMessage("x-exception-message")
                .keyExceptionStacktrace("x-key-exception-stacktrace")
                .exceptionStacktrace("x-exception-stacktrace")
                .build();
    }
}
