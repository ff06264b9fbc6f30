package org.encounter.base;

import java.util.List;
import java.util.Locale;

/** The languages of the user interface; adding one means adding its bundle and its code here. */
public final class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.of("fi"), Locale.of("sv"));

    private Languages() {
    }

    public static boolean isSupported(String code) {
        return SUPPORTED.stream().anyMatch(l -> l.getLanguage().equals(code));
    }
}
