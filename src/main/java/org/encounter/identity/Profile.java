package org.encounter.identity;

import java.util.Set;

/** The signed-in person's own profile. */
public record Profile(long id, String displayName, String email, String language, Set<Role> roles) {
}
