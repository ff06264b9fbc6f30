package org.encounter.identity;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in principal. Equality is by username (e-mail), which the session registry relies on. */
class EncounterUser extends User {

    private final long personId;
    private final String displayName;
    private final String language;

    EncounterUser(long personId, String email, String passwordHash, String displayName, String language,
                  boolean enabled, boolean accountNonLocked, Collection<? extends GrantedAuthority> authorities) {
        super(email, passwordHash, enabled, true, true, accountNonLocked, authorities);
        this.personId = personId;
        this.displayName = displayName;
        this.language = language;
    }

    long personId() {
        return personId;
    }

    String displayName() {
        return displayName;
    }

    String language() {
        return language;
    }
}
