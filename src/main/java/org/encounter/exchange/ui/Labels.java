package org.encounter.exchange.ui;

import com.vaadin.flow.component.Component;
import java.util.Arrays;
import org.encounter.exchange.Reason;
import org.encounter.exchange.Sector;
import org.encounter.exchange.Theme;

/** The exchange's words in the reader's language: a reason with its themes and sectors named as labels. */
final class Labels {

    private Labels() {
    }

    static String reason(Component c, Reason reason) {
        Object[] args = reason.args().stream().map(a -> label(c, a)).toArray();
        return c.getTranslation(reason.key(), args);
    }

    static String sector(Component c, Sector sector) {
        return sector == null ? "" : c.getTranslation(sector.labelKey());
    }

    private static String label(Component c, String arg) {
        if (Arrays.stream(Theme.values()).anyMatch(t -> t.name().equals(arg))) {
            return c.getTranslation(Theme.valueOf(arg).labelKey());
        }
        if (Arrays.stream(Sector.values()).anyMatch(s -> s.name().equals(arg))) {
            return c.getTranslation(Sector.valueOf(arg).labelKey());
        }
        return arg;
    }
}
