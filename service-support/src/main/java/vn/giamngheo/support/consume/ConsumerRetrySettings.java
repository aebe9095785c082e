package vn.giamngheo.support.consume;

import java.time.Duration;
import org.springframework.core.env.Environment;

/**
 * How often and how patiently a consumer retries a record: the attempts and back-off of
 * {@code spring.cloud.stream.default.consumer}, read once for the record-at-a-time bindings ({@link
 * ConsumerRetryTemplate}) and the batch ones ({@link BatchConsumerErrors}) alike.
 *
 * @param maxAttempts  attempts for an ordinary failure, the first included
 * @param initialDelay back-off before the second attempt
 * @param multiplier   growth of the back-off
 * @param maxDelay     the longest back-off, also the pause between rounds while the database is unavailable
 */
public record ConsumerRetrySettings(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {

    private static final String PREFIX = "spring.cloud.stream.default.consumer.";

    public static ConsumerRetrySettings from(Environment environment) {
        return new ConsumerRetrySettings(
                environment.getProperty(PREFIX + "max-attempts", Integer.class, 4),
                Duration.ofMillis(environment.getProperty(PREFIX + "back-off-initial-interval", Long.class, 500L)),
                environment.getProperty(PREFIX + "back-off-multiplier", Double.class, 2.0),
                Duration.ofMillis(environment.getProperty(PREFIX + "back-off-max-interval", Long.class, 5000L)));
    }
}
