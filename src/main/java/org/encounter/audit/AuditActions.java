package org.encounter.audit;

import java.util.List;
import java.util.function.Function;

/**
 * The action codes the features publish, in the order the admin's filter offers them; each has the label
 * {@code audit.action.<code>} in every language. An entry with a code not listed here still shows, as its code.
 */
public final class AuditActions {

    public static final List<String> ALL = List.of(
            "sign-in", "sign-in-failed", "sign-ins-unlocked",
            "roles-changed", "account-disabled", "account-enabled",
            "team-created", "team-changed",
            "invitation-sent", "invitation-accepted", "invitation-revoked",
            "first-admin-set-up",
            "certificate-revoked",
            "impact-released",
            "partnership-created", "partnership-member-joined", "partnership-member-left",
            "partnership-coordinator-added", "partnership-coordinator-removed",
            "module-shared", "module-unshared", "module-shares-ended",
            "data-export-requested", "data-export-ready",
            "erasure-requested", "erasure-cancelled", "erasure-completed", "retention-changed");

    /** What entries are about; each has the label {@code audit.target.<type>}. */
    public static final List<String> TARGETS = List.of("person", "account", "team", "invitation", "certificate",
            "module", "partnership", "organisation", "export", "erasure", "retention");

    private AuditActions() {
    }

    /** The action's label, through {@code translate} (an i18n key to text); an unknown code is shown as it is. */
    public static String action(String code, Function<String, String> translate) {
        return label("audit.action.", ALL, code, translate);
    }

    /** What the entry is about, in words; an unknown type is shown as it is. */
    public static String target(String type, Function<String, String> translate) {
        return label("audit.target.", TARGETS, type, translate);
    }

    private static String label(String prefix, List<String> known, String code, Function<String, String> translate) {
        if (code == null) {
            return "";
        }
        return known.contains(code) ? translate.apply(prefix + code) : code;
    }
}
