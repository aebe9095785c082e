package vn.giamngheo.report.feedback.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: each client may take {@code capacity} tokens in a burst; tokens flow back continuously,
 * the whole capacity within {@code refillPeriod}. In memory and per instance — abuse protection for a public form,
 * not an exact quota. At most {@code maxClients} buckets are kept: when more clients show up, buckets that have
 * refilled completely (they hold nothing a fresh bucket would not) are dropped first, then the least recently used.
 */
public final class TokenBuckets {

    /** The answer to one request: allowed or not, and when the next token will be there. */
    public record Decision(boolean allowed, int remaining, Duration retryAfter) {
    }

    private static final class Bucket {
        double tokens;
        long updatedAtMillis;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAtMillis = now;
        }
    }

    private final int capacity;
    private final double tokensPerMilli;
    private final int maxClients;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int capacity, Duration refillPeriod, int maxClients, Clock clock) {
        if (capacity < 1 || refillPeriod.isZero() || refillPeriod.isNegative() || maxClients < 1) {
            throw new IllegalArgumentException("capacity, refill period and max clients must be positive");
        }
        this.capacity = capacity;
        this.tokensPerMilli = capacity / (double) refillPeriod.toMillis();
        this.maxClients = maxClients;
        this.clock = clock;
    }

    public Decision tryTake(String client) {
        long now = clock.millis();
        if (!buckets.containsKey(client) && buckets.size() >= maxClients) {
            makeRoom(now);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, (int) Math.floor(bucket.tokens), Duration.ZERO);
            }
            // The small epsilon keeps floating-point noise from adding a millisecond to an exact wait.
            long waitMillis = (long) Math.ceil((1 - bucket.tokens) / tokensPerMilli - 1e-6);
            return new Decision(false, 0, Duration.ofMillis(Math.max(1, waitMillis)));
        }
    }

    /** How many clients are tracked now. */
    public int trackedClients() {
        return buckets.size();
    }

    /** Forgets every client (an operator's reset; tests). */
    public void clear() {
        buckets.clear();
    }

    private void refill(Bucket bucket, long now) {
        long elapsed = Math.max(0, now - bucket.updatedAtMillis);
        bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * tokensPerMilli);
        bucket.updatedAtMillis = now;
    }

    private void makeRoom(long now) {
        // Looked at without refilling, so that the least recently used order below stays intact.
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                Bucket b = e.getValue();
                return b.tokens + Math.max(0, now - b.updatedAtMillis) * tokensPerMilli >= capacity;
            }
        });
        while (buckets.size() >= maxClients) {
            buckets.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().updatedAtMillis))
                    .ifPresent(e -> buckets.remove(e.getKey()));
        }
    }
}
