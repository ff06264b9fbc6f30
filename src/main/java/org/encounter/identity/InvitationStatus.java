package org.encounter.identity;

public enum InvitationStatus {
    OPEN, USED, EXPIRED, REVOKED;

    public String labelKey() {
        return "invitation.status." + name().toLowerCase();
    }
}
