package org.encounter;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.encounter.certificates.VerifyRateLimiter;

/**
 * The verification page allows 20 checks a minute per client, and every view test of a context is the same client:
 * tests that open /verify start from a limiter with nothing counted, whatever ran before them in the same minute.
 */
public final class VerifyLimit {

    private static final AtomicInteger STEPS = new AtomicInteger();

    private VerifyLimit() {
    }

    /**
     * Moves the limiter to a minute later than any it has seen (which forgets every count), then brings the clock
     * back; the limiter keeps counting from zero while the clock is behind its minute. Tests move the clock days and
     * weeks ahead (a report back opens after ten days), so the limiter may have seen a minute far ahead: ten years
     * ahead, and a little further each time, is beyond any of them.
     */
    public static void forget(TestClock clock, VerifyRateLimiter limiter) {
        clock.advance(Duration.ofDays(3650).plusMinutes(2L * STEPS.incrementAndGet()));
        limiter.allow("a minute with nothing counted");
        clock.reset();
    }
}
