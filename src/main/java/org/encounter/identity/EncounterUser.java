package org.encounter.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in principal, kept in the session. It carries a password hash only while the
 * password is being checked ({@link SignInService#loadUserByUsername}); the principal that is
 * kept is always {@link #withoutPassword()}, so no session (in memory, persisted or replicated)
 * holds a hash. Equality is by username (e-mail), which the session registry relies on.
 */
final class EncounterUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long personId;
    private final String email;
    private final String displayName;
    private final String language;
    private final boolean enabled;
    private final List<GrantedAuthority> authorities;
    private String passwordHash;

    EncounterUser(long personId, String email, String passwordHash, String displayName, String language,
                  boolean enabled, Collection<? extends GrantedAuthority> authorities) {
        this.personId = personId;
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.language = language;
        this.enabled = enabled;
        this.authorities = List.copyOf(authorities);
    }

    /** The same person with no hash: the only form that may be kept after sign-in. */
    EncounterUser withoutPassword() {
        return new EncounterUser(personId, email, null, displayName, language, enabled, authorities);
    }

    EncounterUser withPassword(String newHash) {
        return new EncounterUser(personId, email, newHash, displayName, language, enabled, authorities);
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

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncounterUser user && email.equals(user.email);
    }

    @Override
    public int hashCode() {
        return email.hashCode();
    }

    @Override
    public String toString() {
        return "EncounterUser[" + personId + ", " + email + "]";
    }
}
