package org.encounter.certificates;

import java.time.Clock;
import org.encounter.base.ClientRate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code limit} verifications per client a minute, so nobody can try codes in bulk (the codes'
 * 128 random bits make guessing hopeless anyway). Kept in memory per app instance, in 1 MiB however many
 * clients come ({@link ClientRate}).
 */
@Component
public class VerifyRateLimiter {

    private final ClientRate rate;

    VerifyRateLimiter(Clock clock, @Value("${encounter.verify.per-minute:20}") int limit) {
        this.rate = new ClientRate(clock, limit);
    }

    /**
     * Records an attempt by this client (the address the servlet container reports, which is the
     * forwarded one only behind a trusted proxy; an IPv6 client counts as its /64); false when it is over the limit.
     */
    public boolean allow(String client) {
        return rate.allow(client);
    }
}
