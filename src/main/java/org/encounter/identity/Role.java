package org.encounter.identity;

/** What a person may do on the platform. A person may hold several roles. */
public enum Role {
    AUTHOR, LEARNER, FACILITATOR, MANAGER, CURATOR, ADMIN;

    /** Role names for access annotations, which need compile-time constants. */
    public static final class Names {
        public static final String AUTHOR = "AUTHOR";
        public static final String LEARNER = "LEARNER";
        public static final String FACILITATOR = "FACILITATOR";
        public static final String MANAGER = "MANAGER";
        public static final String CURATOR = "CURATOR";
        public static final String ADMIN = "ADMIN";

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
