package org.encounter.certificates;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code limit} verifications per client a minute, so nobody can try codes in bulk. Kept in
 * memory per app instance; the codes' 128 random bits make guessing hopeless anyway.
 */
@Component
public class VerifyRateLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_CLIENTS = 50_000;

    private final Map<String, Deque<Instant>> seen = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int limit;

    VerifyRateLimiter(Clock clock, @Value("${encounter.verify.per-minute:20}") int limit) {
        this.clock = clock;
        this.limit = limit;
    }

    /** Records an attempt by this client; false when it is over the limit. */
    public boolean allow(String client) {
        Instant now = clock.instant();
        if (seen.size() > MAX_CLIENTS) {
            seen.entrySet().removeIf(e -> e.getValue().isEmpty() || e.getValue().peekLast().isBefore(now.minus(WINDOW)));
        }
        Deque<Instant> times = seen.computeIfAbsent(client == null ? "?" : client, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
