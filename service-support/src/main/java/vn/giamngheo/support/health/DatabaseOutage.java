package vn.giamngheo.support.health;

import com.mongodb.MongoSocketException;
import java.time.Duration;
import com.mongodb.MongoTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Tells a failure of the database itself (not reachable, connection lost, no server within the selection timeout)
 * from every other failure. Such a failure says nothing about the request or the record being handled: the same
 * work succeeds once the database is back, so clients get 503 and consumers wait instead of giving up.
 */
public final class DatabaseOutage {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    private DatabaseOutage() {
    }

    /**
     * Runs the work, and again after each pause for as long as it fails because the database is unavailable: for a
     * consumer whose work is idempotent and must neither skip nor park what it holds while the database is away. If
     * the thread is interrupted while it waits, the work is abandoned with an {@link IllegalStateException}.
     */
    public static void waitOut(Duration pause, Runnable work) {
        for (int round = 1; ; round++) {
            try {
                work.run();
                return;
            } catch (RuntimeException failure) {
                if (!isCause(failure)) {
                    throw failure;
                }
                pause(pause, round, failure);
            }
        }
    }

    /**
     * One round of waiting for the database, after the outage {@code failure}. Interrupted, it ends with an {@link
     * IllegalStateException}: a consumer's record is then left uncommitted, never parked, and comes again.
     */
    public static void pause(Duration pause, int round, Throwable failure) {
        log.warn("The database is unavailable; the records wait and are tried again (round {}): {}", round,
                failure.getMessage());
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Stopped while waiting for the database", failure);
        }
    }

    /** True if the failure, or any of its causes, is the database being unavailable. */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof MongoSocketException
                    || cause instanceof MongoTimeoutException) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
