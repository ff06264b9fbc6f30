package org.encounter.audit;

import java.time.Instant;

/**
 * One entry as an admin reads it: the ids and codes of the log, with the names of the people and organisations they
 * point to (an erased person reads as identity names them once erased). {@code actorName} is null when nobody was
 * signed in or the platform itself acted; {@code targetName} is null when the target has no name to show.
 */
public record AuditEntry(long id, Instant occurredAt, Long actorId, String actorName, String action,
                         String targetType, String targetId, String targetName, Long organisationId,
                         String organisationName, String detail) {
}
