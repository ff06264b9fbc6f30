package org.encounter.identity;

import java.time.Instant;

/** A person's open request for another registered name, as the admin deciding it sees it. */
public record NameRequest(long personId, String displayName, String registeredName, String requestedName,
                          Instant requestedAt) {

    static NameRequest of(Person p) {
        return new NameRequest(p.getId(), p.getDisplayName(), p.getRegisteredName(), p.getRequestedName(),
                p.getNameRequestedAt());
    }
}
