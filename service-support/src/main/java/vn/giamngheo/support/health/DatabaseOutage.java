package vn.giamngheo.support.health;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Tells a failure of the database itself (not reachable, connection lost, no server within the selection timeout)
 * from every other failure. Such a failure says nothing about the request or the record being handled: the same
 * work succeeds once the database is back, so clients get 503 and consumers wait instead of giving up.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
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
