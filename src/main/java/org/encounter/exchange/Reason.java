package org.encounter.exchange;

import java.util.List;

/**
 * Why a pair was proposed, or why someone was left unmatched: an i18n key with its arguments, so the coordinator
 * reads it in their own language. Arguments that name a {@link Theme} or {@link Sector} are their enum names, written
 * as labels by the view.
 */
public record Reason(String key, List<String> args) {

    public Reason {
        args = List.copyOf(args);
    }

    public static Reason of(String key, String... args) {
        return new Reason(key, List.of(args));
    }
}
