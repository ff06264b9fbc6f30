package org.encounter.identity;

import java.util.Set;

/** What the person opening an invitation link sees before setting up their account. */
public record InvitationPreview(InvitationStatus status, String organisationName, String teamName, Set<Role> roles) {
}
