package org.encounter.identity;

import java.time.Instant;
import java.util.Set;

/** What an admin sees of a person. */
public record PersonSummary(long id, String displayName, String email, long organisationId, String organisationName,
                            Set<Role> roles, boolean enabled, boolean locked) {

    static PersonSummary of(Person p, Instant now) {
        return new PersonSummary(p.getId(), p.getDisplayName(), p.getEmail(), p.getOrganisation().getId(),
                p.getOrganisation().getName(), p.getRoles(), p.isEnabled(), p.isLocked(now));
    }
}
