package org.encounter.base;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tell someone something (in the app, and by e-mail when configured). Features publish it; the
 * notifications feature delivers it once per (person, kind, ref) — a reminder is never repeated.
 * The message is an i18n key with arguments, so it is written in the person's own language.
 */
public record NotifyPerson(long personId, String kind, String ref, String messageKey, List<String> args, String link) {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public NotifyPerson {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A date as an argument: kept as 2026-12-05, and written in the reader's language when shown or e-mailed. */
    public static String date(LocalDate day) {
        return day.toString();
    }

    /** Stored arguments as a message formats them: dates become dates again, so each reader sees their own. */
    public static Object[] formatArgs(List<String> args) {
        return args.stream().map(a -> ISO_DATE.matcher(a).matches() ? (Object) LocalDate.parse(a) : a).toArray();
    }
}
