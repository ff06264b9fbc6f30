package org.encounter.identity;

import java.util.Set;

/**
 * What an admin sees of a person; signInFailures counts recent failed sign-ins from all clients. The registered
 * name is what certificates print; requestedName is an open request to change it (null when none).
 */
public record PersonSummary(long id, String displayName, String registeredName, String requestedName, String email,
                            long organisationId, String organisationName, Set<Role> roles, boolean enabled,
                            int signInFailures) {

    static PersonSummary of(Person p, int signInFailures) {
        return new PersonSummary(p.getId(), p.getDisplayName(), p.getRegisteredName(), p.getRequestedName(),
                p.getEmail(), p.getOrganisation().getId(), p.getOrganisation().getName(), p.getRoles(), p.isEnabled(),
                signInFailures);
    }
}
