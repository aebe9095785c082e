package vn.giamngheo.support.consume;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.MessageBuilder;

class BatchConsumerErrorsTest {

    @Test
    void a_parked_record_carries_the_reason_the_batch_consumer_gave_not_its_wrappers() {
        // given: a gap, named with its index, as the binder and the container wrap it
        EventGapException gap = new EventGapException("task_views", "t-1", 1, 3);
        Exception thrown = new ListenerExecutionFailedException("Listener failed", new MessageHandlingException(
                MessageBuilder.withPayload("batch").build(), "error occurred in message handler",
                new BatchListenerFailedException(gap.getMessage(), gap, 3)));

        // when
        Exception reason = BatchConsumerErrors.reason(thrown);

        // then
        assertThat(reason).isSameAs(gap);
        assertThat(reason.getMessage()).contains("Gap in events");
    }

    @Test
    void a_failure_without_a_named_record_is_parked_as_it_is() {
        // given
        Exception thrown = new ListenerExecutionFailedException("Listener failed", new IllegalStateException("x"));

        // when / then
        assertThat(BatchConsumerErrors.reason(thrown)).isSameAs(thrown);
    }
}
