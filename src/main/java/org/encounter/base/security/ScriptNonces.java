package org.encounter.base.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Vaadin's page carries a few inline scripts of its own. Rather than allow every inline script (and with it
 * any an attacker manages to inject), each page gets a fresh random nonce: Vaadin's scripts carry it, the
 * page's Content-Security-Policy names it, and an injected script, lacking it, does not run. Pages are sent
 * with {@code Cache-Control: no-store}, so a nonce is never reused.
 */
@Component
class ScriptNonces implements VaadinServiceInitListener {

    private static final String CSP = "Content-Security-Policy";

    private final SecureRandom random = new SecureRandom();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(this::addNonce);
    }

    private void addNonce(IndexHtmlResponse page) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        page.getDocument().select("script").attr("nonce", nonce);
        page.getVaadinResponse().setHeader(CSP, SecurityHeaders.contentSecurityPolicy(nonce));
    }
}
