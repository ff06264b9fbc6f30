package org.encounter.base;

import java.util.List;

/**
 * Tell someone something (in the app, and by e-mail when configured). Features publish it; the
 * notifications feature delivers it once per (person, kind, ref) — a reminder is never repeated.
 * The message is an i18n key with arguments, so it is written in the person's own language.
 */
public record NotifyPerson(long personId, String kind, String ref, String messageKey, List<String> args, String link) {

    public NotifyPerson {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
