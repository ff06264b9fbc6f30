package org.encounter.identity;

import java.time.Instant;
import java.util.Set;

public record InvitationSummary(long id, Set<Role> roles, String organisationName, String teamName, String note,
                                Instant createdAt, Instant expiresAt, InvitationStatus status, String usedBy) {
}
