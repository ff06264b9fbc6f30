package org.encounter.base.security;

/** What the sign-in page may offer again after a failed try: the e-mail (never the password), once. */
public final class LastSignIn {

    /** Session attribute holding the e-mail of the last failed sign-in. */
    public static final String EMAIL = "encounter.sign-in.email";

    private LastSignIn() {
    }
}
