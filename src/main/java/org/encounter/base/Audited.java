package org.encounter.base;

/**
 * Something an admin or the platform must be able to answer for happened: the audit feature appends it to its
 * append-only log. Published by the feature where it happens, in the same request.
 *
 * <p>Holds no name, e-mail address, password or free text — only ids and codes — so the log can stay append-only
 * and still keep nothing of a person whose data has been erased.
 *
 * @param actorId        who did it (a person's id), or null for the platform itself or someone not signed in
 * @param action         what, as a code: "sign-in", "sign-in-failed", "roles-changed", "erasure-requested"…
 * @param targetType     what it was done to: "person", "team", "partnership", "certificate", "module", "account"…
 * @param targetId       which one (an id or a code), or null
 * @param organisationId the organisation the target belongs to, so its admins read the entry, or null
 * @param detail         a short summary in codes and ids ("MANAGER,CURATOR"), never a person's words, or null
 */
public record Audited(Long actorId, String action, String targetType, String targetId, Long organisationId,
                      String detail) {

    public Audited {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audited action needs a code");
        }
    }
}
