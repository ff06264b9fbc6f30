package org.encounter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The application's clock in tests: real time plus an offset a test can move on (never sleep). */
public class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> frozenAt = new AtomicReference<>();

    public void advance(Duration duration) {
        offset.updateAndGet(d -> d.plus(duration));
    }

    /** Stops the clock where it is (until {@link #reset()}), for a test that must stay within one minute. */
    public void freeze() {
        frozenAt.set(instant());
    }

    /** Stops the clock at {@code at} (until {@link #reset()}), for a test that happens at a given hour. */
    public void freezeAt(Instant at) {
        frozenAt.set(at);
    }

    public void reset() {
        offset.set(Duration.ZERO);
        frozenAt.set(null);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Instant frozen = frozenAt.get();
        return frozen != null ? Clock.fixed(frozen, zone) : Clock.offset(Clock.system(zone), offset.get());
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt.get();
        return frozen != null ? frozen : Instant.now().plus(offset.get());
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
