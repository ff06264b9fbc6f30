package org.encounter.base.internal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinRequestInterceptor;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.VaadinSessionState;
import com.vaadin.flow.shared.ApplicationConstants;
import org.springframework.stereotype.Component;

/**
 * Vaadin keeps each open tab's last answer, to send it again if the browser asks twice (when the answer was lost on
 * its way, in a network blip). Java keeps a text in one byte per character only while every character is in Latin-1:
 * one curly quote, dash or emoji in a page (a module's story, a chart's label) makes the whole answer two bytes per
 * character. After each of the UI's requests this writes such characters as JSON escapes ({@code \u2019}): the same
 * answer to the browser, kept in half the memory. Team progress and the module editor answer with 30-60 KB.
 */
@Component
class CompactResend implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addVaadinRequestInterceptor(new VaadinRequestInterceptor() {
            @Override
            public void requestStart(VaadinRequest request, VaadinResponse response) {
            }

            @Override
            public void handleException(VaadinRequest request, VaadinResponse response, VaadinSession session,
                    Exception exception) {
            }

            @Override
            public void requestEnd(VaadinRequest request, VaadinResponse response, VaadinSession session) {
                if (session != null && HandlerHelper.isRequestType(request, HandlerHelper.RequestType.UIDL)) {
                    compactKeptAnswer(session, request);
                }
            }
        });
    }

    /**
     * Looks the tab up by the request's UI id in the Vaadin session alone: the HTTP session may be gone by now (a
     * sign-out, an expired session) and the answer already sent, when asking the request for it would fail.
     */
    static void compactKeptAnswer(VaadinSession session, VaadinRequest request) {
        int uiId;
        try {
            uiId = Integer.parseInt(request.getParameter(ApplicationConstants.UI_ID_PARAMETER));
        } catch (NumberFormatException noTab) {
            return;
        }
        session.lock();
        try {
            UI ui = session.getState() == VaadinSessionState.OPEN ? session.getUIById(uiId) : null;
            if (ui != null) {
                String kept = ui.getInternals().getLastRequestResponse();
                String compact = latin1(kept);
                if (compact != kept) {
                    ui.getInternals().setLastRequestResponse(compact);
                }
            }
        } finally {
            session.unlock();
        }
    }

    /**
     * The same JSON with every character beyond Latin-1 written as a {@code \}{@code uXXXX} escape; the text itself if
     * it has none. Such characters can only be inside JSON strings, where the escape means the same character (and
     * an emoji's two UTF-16 halves are two escapes, as JSON spells them).
     */
    static String latin1(String json) {
        int first = json == null ? -1 : firstBeyondLatin1(json);
        if (first < 0) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length() + 64).append(json, 0, first);
        for (int i = first; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c <= 0xFF) {
                out.append(c);
            } else {
                out.append("\\u").append(Character.forDigit(c >> 12 & 0xF, 16)).append(Character.forDigit(c >> 8 & 0xF, 16))
                        .append(Character.forDigit(c >> 4 & 0xF, 16)).append(Character.forDigit(c & 0xF, 16));
            }
        }
        return out.toString();
    }

    /** Where the first character beyond Latin-1 is, or -1: one pass over each answer, most of which have none. */
    private static int firstBeyondLatin1(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return i;
            }
        }
        return -1;
    }
}
