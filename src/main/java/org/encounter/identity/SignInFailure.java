package org.encounter.identity;

import java.time.Instant;

/**
 * What an admin sees of one client's failed sign-ins to an account: the client address (an IPv6
 * address as its /64 network), the failed or refused tries since the last success, the last one,
 * and until when the client must wait (null when it need not).
 */
public record SignInFailure(String client, int failures, Instant lastFailedAt, Instant waitingUntil) {
}
