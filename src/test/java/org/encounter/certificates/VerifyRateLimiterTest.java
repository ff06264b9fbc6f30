package org.encounter.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/** The verification limiter under floods of clients: its memory stays bounded and it stays fair. */
class VerifyRateLimiterTest {

    /** The limiter's counters (2 windows × 4 rows × 32,768 ints = 1 MiB) plus a few KiB of bookkeeping. */
    private static final long BOUND_BYTES = 1024 * 1024 + 8 * 1024;
    private static final int LIMIT = 20;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T10:00:10Z"));
    private final VerifyRateLimiter limiter = new VerifyRateLimiter(clock, LIMIT);

    @Test
    void millions_of_distinct_clients_leave_the_memory_it_holds_under_its_bound() {
        long first = -1;
        int fed = 0;
        for (int checkpoint : new int[] {60_000, 250_000, 500_000, 1_000_000, 2_000_000}) {
            for (; fed < checkpoint; fed++) {
                limiter.allow(client(fed));
            }
            long retained = GraphLayout.parseInstance(limiter).totalSize();
            assertThat(retained).as("bytes held after %,d distinct clients", fed).isLessThanOrEqualTo(BOUND_BYTES);
            first = first < 0 ? retained : first;
            assertThat(retained).as("bytes held do not grow with the number of clients").isEqualTo(first);
        }
    }

    @Test
    void a_blocked_client_stays_blocked_however_many_new_clients_arrive_in_the_same_minute() {
        exhaust("198.51.100.7");
        for (int i = 0; i < 1_000_000; i++) {
            limiter.allow(client(i));
        }
        assertThat(limiter.allow("198.51.100.7")).as("a flood of new clients does not reset a blocked client").isFalse();
    }

    @Test
    void a_newcomer_can_still_check_while_a_hundred_thousand_other_clients_are_checking() {
        for (int i = 0; i < 100_000; i++) {
            limiter.allow(client(i));
        }
        long allowed = IntStream.range(0, LIMIT).filter(i -> limiter.allow("198.51.100.9")).count();
        assertThat(allowed).as("checks a newcomer gets out of %d", LIMIT).isGreaterThanOrEqualTo(LIMIT / 2);
    }

    @Test
    void the_limit_counts_per_minute_so_a_blocked_client_can_check_again_after_waiting() {
        exhaust("198.51.100.7");
        assertThat(limiter.allow("198.51.100.8")).as("another client is not affected").isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(limiter.allow("198.51.100.7")).isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(IntStream.range(0, LIMIT).filter(i -> limiter.allow("198.51.100.7")).count()).isEqualTo(LIMIT);
    }

    @Test
    void addresses_from_one_ipv6_network_share_a_limit_so_rotating_through_them_does_not_escape_it() {
        for (int i = 0; i < LIMIT; i++) {
            assertThat(limiter.allow("2001:db8:1:2:0:0:0:" + Integer.toHexString(i + 1))).isTrue();
        }
        assertThat(limiter.allow("2001:db8:1:2:abcd:1234:5678:9abc")).as("same /64, another address").isFalse();
        assertThat(limiter.allow("2001:db8:1:3:0:0:0:1")).as("another network").isTrue();
    }

    private void exhaust(String client) {
        for (int i = 0; i < LIMIT; i++) {
            assertThat(limiter.allow(client)).isTrue();
        }
        assertThat(limiter.allow(client)).isFalse();
    }

    /** Distinct IPv4 addresses from 10.0.0.0/8 onwards. */
    private static String client(int n) {
        return (10 + (n >>> 24)) + "." + ((n >>> 16) & 255) + "." + ((n >>> 8) & 255) + "." + (n & 255);
    }

    /** A clock the test moves by hand, so a run never straddles a minute by chance. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
