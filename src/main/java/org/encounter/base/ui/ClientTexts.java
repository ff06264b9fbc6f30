package org.encounter.base.ui;

import com.vaadin.flow.component.UI;

/**
 * Words the browser side of Vaadin writes itself, in the page's language: the connection indicator ("Connection
 * lost, trying to reconnect…") and the password fields' "Show password" button, including the sign-in form's.
 */
public final class ClientTexts {

    private static final String SCRIPT = """
            const [online, offline, reconnecting, reveal] = [$0, $1, $2, $3];
            const indicator = window.Vaadin && window.Vaadin.connectionIndicator;
            if (indicator) {
              indicator.onlineText = online;
              indicator.offlineText = offline;
              indicator.reconnectingText = reconnecting;
            }
            const label = field => { field.i18n = Object.assign({}, field.i18n, { reveal }); };
            document.querySelectorAll('vaadin-password-field').forEach(label);
            if (!window.__encounterPasswordLabels) {
              window.__encounterPasswordLabels = new MutationObserver(changes => changes.forEach(change =>
                  change.addedNodes.forEach(node => {
                    if (node.nodeType !== 1) return;
                    if (node.localName === 'vaadin-password-field') label(node);
                    node.querySelectorAll && node.querySelectorAll('vaadin-password-field').forEach(label);
                  })));
              window.__encounterPasswordLabels.observe(document.body, { childList: true, subtree: true });
            }""";

    private ClientTexts() {
    }

    public static void apply(UI ui) {
        ui.getPage().executeJs(SCRIPT, ui.getTranslation("connection.online"), ui.getTranslation("connection.offline"),
                ui.getTranslation("connection.reconnecting"), ui.getTranslation("password.reveal"));
    }
}
