package org.encounter.identity;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is signed in, for services and views of every feature. */
@Component
public class CurrentPerson implements org.encounter.base.CurrentUserName {

    public Optional<Long> id() {
        return user().map(EncounterUser::personId);
    }

    /** The signed-in person's id; fails when nobody is signed in (services are guarded before this). */
    public long requireId() {
        return id().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("not signed in"));
    }

    @Override
    public Optional<String> displayName() {
        return user().map(EncounterUser::displayName);
    }

    public Optional<String> language() {
        return user().map(EncounterUser::language);
    }

    public Set<Role> roles() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (auth != null) {
            for (GrantedAuthority authority : auth.getAuthorities()) {
                for (Role role : Role.values()) {
                    if (role.authority().equals(authority.getAuthority())) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }

    public boolean has(Role role) {
        return roles().contains(role);
    }

    Optional<EncounterUser> user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof EncounterUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }
}
