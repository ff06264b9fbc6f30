package org.encounter.identity;

import java.time.Instant;

/**
 * A person joined an organisation: their account was set up (an invitation accepted). Published inside the joining
 * transaction; features that greet new starters (the induction pathway) listen.
 */
public record PersonJoined(long personId, long organisationId, Instant joinedAt) {
}
