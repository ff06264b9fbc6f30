package org.encounter.identity;

/**
 * What a person may do on the platform. A person may hold several roles. {@link #ADMIN} is the platform admin: it
 * creates organisations and administers all of them. {@link #ORG_ADMIN} administers its own organisation only
 * (people, teams, invitations, certificates); {@link OrganisationScope} is where that is decided.
 */
public enum Role {
    AUTHOR, LEARNER, FACILITATOR, MANAGER, CURATOR, ORG_ADMIN, ADMIN;

    /** Role names for access annotations, which need compile-time constants. */
    public static final class Names {
        public static final String AUTHOR = "AUTHOR";
        public static final String LEARNER = "LEARNER";
        public static final String FACILITATOR = "FACILITATOR";
        public static final String MANAGER = "MANAGER";
        public static final String CURATOR = "CURATOR";
        public static final String ADMIN = "ADMIN";
        public static final String ORG_ADMIN = "ORG_ADMIN";
        /**
         * Not a role anyone is given: sign-in grants it to a person who coordinates at least one partnership, so the
         * Partnerships page opens and shows in their menu. Which partnerships they coordinate is data
         * ({@code partnership_coordinator}), asked of {@link OrganisationScope#coordinated()} on every call.
         */
        public static final String COORDINATOR = "COORDINATOR";

        private Names() {
        }
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** The i18n key of the role's name. */
    public String labelKey() {
        return "role." + name().toLowerCase();
    }
}
