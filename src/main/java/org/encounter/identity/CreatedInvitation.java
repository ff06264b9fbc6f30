package org.encounter.identity;

import java.time.Instant;

/** The link is shown once, to the admin who created it; only a hash of its token is stored. */
public record CreatedInvitation(long id, String link, Instant expiresAt) {
}
