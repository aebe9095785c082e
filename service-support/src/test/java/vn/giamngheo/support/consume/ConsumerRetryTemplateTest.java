package vn.giamngheo.support.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.messaging.MessagingException;

class ConsumerRetryTemplateTest {

    private final ConsumerRetryTemplate retry = new ConsumerRetryTemplate(new ConsumerRetrySettings(4,
            Duration.ofMillis(1), 2.0, Duration.ofMillis(5)));

    @Test
    void a_poison_record_is_not_retried() {
        // given
        AtomicInteger attempts = new AtomicInteger();

        // when / then
        assertThatThrownBy(() -> retry.execute(() -> {
            attempts.incrementAndGet();
            throw new MessagingException("handler failed", new PoisonEventException("bad JSON"));
        })).isInstanceOf(RetryException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void an_ordinary_failure_is_retried_a_bounded_number_of_times_then_given_up() {
        // given
        AtomicInteger attempts = new AtomicInteger();

        // when / then
        assertThatThrownBy(() -> retry.execute(() -> {
            attempts.incrementAndGet();
            throw new EventGapException("task_views", "t-1", 1, 3);
        })).isInstanceOf(RetryException.class);
        assertThat(attempts).hasValue(4);
    }

    @Test
    void a_database_outage_is_waited_out_however_many_attempts_it_takes() throws Exception {
        // given: the database is back on the 11th attempt, far past the four an ordinary failure gets
        AtomicInteger attempts = new AtomicInteger();

        // when
        String outcome = retry.execute(() -> {
            if (attempts.incrementAndGet() <= 10) {
                throw new MessagingException("handler failed",
                        new DataAccessResourceFailureException("Timed out while waiting for a server"));
            }
            return "applied";
        });

        // then
        assertThat(outcome).isEqualTo("applied");
        assertThat(attempts).hasValue(11);
    }

    @Test
    void a_consumer_stopped_while_waiting_for_the_database_leaves_the_record_for_redelivery() {
        // given
        Thread.currentThread().interrupt();

        // when / then: not a RetryException, which would send the record to the dead-letter topic
        try {
            assertThatThrownBy(() -> retry.execute(() -> {
                throw new DataAccessResourceFailureException("connection refused");
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("waiting for the database");
        } finally {
            Thread.interrupted();
        }
    }
}
