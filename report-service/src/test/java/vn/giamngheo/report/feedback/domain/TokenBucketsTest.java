package vn.giamngheo.report.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    @Test
    void a_client_gets_a_burst_then_one_token_per_share_of_the_refill_period() {
        // given: 3 per 30 minutes = one every 10 minutes
        ManualClock clock = new ManualClock();
        TokenBuckets buckets = new TokenBuckets(3, Duration.ofMinutes(30), 100, clock);

        // when
        boolean first = buckets.tryTake("10.0.0.1").allowed();
        buckets.tryTake("10.0.0.1");
        TokenBuckets.Decision third = buckets.tryTake("10.0.0.1");
        TokenBuckets.Decision fourth = buckets.tryTake("10.0.0.1");
        TokenBuckets.Decision other = buckets.tryTake("10.0.0.2");
        clock.advance(Duration.ofMinutes(4));
        TokenBuckets.Decision tooSoon = buckets.tryTake("10.0.0.1");
        clock.advance(Duration.ofMinutes(6));
        TokenBuckets.Decision refilled = buckets.tryTake("10.0.0.1");

        // then
        assertThat(first).isTrue();
        assertThat(third.allowed()).isTrue();
        assertThat(third.remaining()).isZero();
        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.retryAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(other.allowed()).isTrue();
        assertThat(tooSoon.allowed()).isFalse();
        assertThat(tooSoon.retryAfter()).isEqualTo(Duration.ofMinutes(6));
        assertThat(refilled.allowed()).isTrue();
    }

    @Test
    void idle_clients_are_forgotten_first_when_too_many_are_tracked() {
        // given
        ManualClock clock = new ManualClock();
        TokenBuckets buckets = new TokenBuckets(2, Duration.ofMinutes(10), 3, clock);
        buckets.tryTake("a");
        buckets.tryTake("a");
        clock.advance(Duration.ofMinutes(1));
        buckets.tryTake("b");
        clock.advance(Duration.ofMinutes(1));
        buckets.tryTake("c");

        // when: "a" is still empty-ish, b and c partly refilled; a fourth client needs room
        clock.advance(Duration.ofMinutes(5));
        buckets.tryTake("d");

        // then: full buckets (b, c refilled within 5 minutes) went first, "a" (not yet full) stayed
        assertThat(buckets.trackedClients()).isEqualTo(2);
        assertThat(buckets.tryTake("a").allowed()).isTrue();
        assertThat(buckets.tryTake("a").allowed()).isFalse();
    }
}
