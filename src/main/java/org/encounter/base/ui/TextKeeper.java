package org.encounter.base.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Keeps what a person types into autosaved fields in their browser tab too (frontend/components/text-keeper.js),
 * so that a server or database restart, a network blip or an expired session loses none of it. Each field is kept
 * under the person and what is edited; the kept text is dropped once the server has saved it (the
 * {@link Autosaver} says when) and on sign-out. When a view opens and its field shows something other than the
 * text kept for it, the kept text is put back and saved through the view's own autosave, so the service's
 * checks (ownership, limits) still decide, and the person is told.
 */
final class TextKeeper implements Serializable {

    private static final String PREFIX = "encounter-kept:";

    private final Map<String, HasValue<?, String>> fields = new LinkedHashMap<>();
    private final Map<String, Integer> confirmed = new LinkedHashMap<>();
    private boolean told;

    /** Keeps the field's text under {@code what} (e.g. "attempt:12:step:3:answer") for the signed-in person. */
    <F extends Component & HasValue<?, String>> F keep(F field, String what) {
        String key = person() + ":" + what;
        fields.values().remove(field);
        fields.put(key, field);
        confirmed.put(key, Objects.hashCode(field.getValue()));
        field.getElement().executeJs("return window.encounterKeeper ? window.encounterKeeper.keep(this, $0) : null", key)
                .then(String.class, kept -> putBack(field, kept));
        return field;
    }

    /**
     * Puts the text the tab kept back into its field, as a change from the person: the view's own listener saves it
     * through its service, whose checks (ownership, limits) decide as for anything typed.
     */
    private <F extends Component & HasValue<?, String>> void putBack(F field, String kept) {
        if (kept == null || kept.equals(field.getValue()) || field.isReadOnly() || field.getUI().isEmpty()) {
            return;
        }
        String shown = field.getValue();
        field.setValue(kept);
        ComponentUtil.fireEvent(field, new AbstractField.ComponentValueChangeEvent<>(field, field, shown, true));
        if (!told) {
            told = true;
            Notifications.success(field.getTranslation("save.restored"));
        }
    }

    /** The server saved every change it was sent: what the browser kept of those texts is no longer needed. */
    void saved() {
        var iterator = fields.entrySet().iterator();
        while (iterator.hasNext()) {
            var entry = iterator.next();
            Component field = (Component) entry.getValue();
            if (field.getUI().isEmpty()) {
                // Left the page (another step is shown): its text was saved or is still kept in the browser.
                confirmed.remove(entry.getKey());
                iterator.remove();
                continue;
            }
            int hash = Objects.hashCode(entry.getValue().getValue());
            if (!Objects.equals(confirmed.get(entry.getKey()), hash)) {
                confirmed.put(entry.getKey(), hash);
                field.getElement().executeJs("window.encounterKeeper && window.encounterKeeper.saved($0, $1)",
                        entry.getKey(), hash);
            }
        }
    }

    /** On sign-out: nothing typed in this tab is left behind for the next person at this computer. */
    public static void forgetAll(UI ui) {
        ui.getPage().executeJs("""
                try {
                  for (const name of Object.keys(window.sessionStorage)) {
                    if (name.startsWith($0)) { window.sessionStorage.removeItem(name); }
                  }
                } catch (e) { /* nothing kept */ }""", PREFIX);
    }

    /** The person, not readable from the key: a shared computer's next user sees no e-mail address in storage. */
    private static String person() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String name = auth == null ? "" : auth.getName();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
