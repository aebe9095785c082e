package vn.giamngheo.support.consume;

import java.time.Duration;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import vn.giamngheo.support.health.DatabaseOutage;

/**
 * How every consumer retries a record before the binder parks it on the dead-letter topic.
 *
 * <ul>
 *   <li>A {@link PoisonEventException} can never succeed: no retry, straight to the dead-letter topic.</li>
 *   <li>Any other failure (a gap in an aggregate's versions, a bug) is retried a bounded number of times with
 *       exponential back-off, then parked.</li>
 *   <li>The database being unavailable says nothing about the record: it is retried until the database is back,
 *       holding its partition (so per-aggregate order is kept) and never parked. Parking it would also park every
 *       later event of its aggregate as a gap, so a short outage would leave projections behind until someone
 *       re-drives the dead letters by hand.</li>
 * </ul>
 *
 * <p>If the consumer is stopped while it waits, the record is left uncommitted (not parked) and is delivered again
 * after the restart.
 */
public class ConsumerRetryTemplate extends RetryTemplate {

    private final Duration outagePause;

    public ConsumerRetryTemplate(ConsumerRetrySettings settings) {
        super(RetryPolicy.builder()
                .maxRetries(Math.max(0, settings.maxAttempts() - 1))
                .delay(settings.initialDelay())
                .multiplier(settings.multiplier())
                .maxDelay(settings.maxDelay())
                .predicate(failure -> !isPoison(failure))
                .build());
        this.outagePause = settings.maxDelay();
    }

    @Override
    public <R> R execute(Retryable<R> retryable) throws RetryException {
        for (int round = 1; ; round++) {
            try {
                return super.execute(retryable);
            } catch (RetryException e) {
                if (!DatabaseOutage.isCause(e.getLastException())) {
                    throw e;
                }
                // Not a RetryException if interrupted: the binder would park the record; uncommitted, it comes again.
                DatabaseOutage.pause(outagePause, round, e.getLastException());
            }
        }
    }

    static boolean isPoison(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoisonEventException) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
