package org.encounter.identity;

import java.util.Set;

/**
 * What the person opening an invitation link sees before setting up their account; {@code registeredName} is the
 * name the inviting admin registered for them (null on links made before names were registered).
 */
public record InvitationPreview(InvitationStatus status, String organisationName, String teamName, Set<Role> roles,
                                String registeredName) {
}
