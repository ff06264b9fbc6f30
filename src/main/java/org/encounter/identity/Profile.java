package org.encounter.identity;

import java.util.Set;

/**
 * The signed-in person's own profile. {@code registeredName} is what certificates print; only an admin changes it.
 * {@code requestedName} is the change the person asked for and an admin has not yet decided (null when none).
 */
public record Profile(long id, String displayName, String registeredName, String requestedName, String email,
                      String language, Set<Role> roles) {
}
