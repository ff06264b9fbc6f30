package org.encounter.base.internal;

import com.vaadin.flow.component.ComponentUtil;
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
import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What an open tab keeps on the server while its person reads, made compact after each of the tab's requests.
 * <ul>
 * <li>Vaadin keeps the tab's last answer, to send it again if the browser asks twice (when the answer was lost on its
 * way, in a network blip): a few KB for most pages, 20-60 KB for the module editor and team progress. It waits
 * deflated (about a fifth of its size) and is put back as it was before the tab's next request, so Vaadin finds the
 * same answer if that request is the browser asking again. A count of the tab's requests in flight keeps one request
 * from packing the answer away while another, already past this point, may still need it.
 * <li>The tab's list of front-end pieces refers to one shared copy of each: see {@link SharedDependencies}.
 * </ul>
 */
@Component
class CompactTabs implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(CompactTabs.class);
    /** The request attribute naming the tab whose answer this request unpacked (and counted in flight). */
    private static final String TAB = CompactTabs.class.getName() + ".tab";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        // Handlers added here run before Vaadin's own, so the answer is back before the UI request is read.
        event.addRequestHandler((session, request, response) -> {
            if (HandlerHelper.isRequestType(request, HandlerHelper.RequestType.UIDL)) {
                beforeUiRequest(session, request);
            }
            return false;
        });
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
                afterUiRequest(session, request);
            }
        });
    }

    /** The tab's answer as Vaadin kept it, for this request; the tab counts one more request in flight. */
    static void beforeUiRequest(VaadinSession session, VaadinRequest request) {
        int uiId;
        try {
            uiId = Integer.parseInt(request.getParameter(ApplicationConstants.UI_ID_PARAMETER));
        } catch (NumberFormatException noTab) {
            return;
        }
        session.lock();
        try {
            UI ui = session.getUIById(uiId);
            if (ui == null) {
                return;
            }
            Packed packed = ComponentUtil.getData(ui, Packed.class);
            if (packed == null) {
                packed = new Packed();
                ComponentUtil.setData(ui, Packed.class, packed);
            }
            packed.inFlight++;
            request.setAttribute(TAB, ui);
            if (packed.deflated != null) {
                byte[] deflated = packed.deflated;
                packed.deflated = null;
                try {
                    ui.getInternals().setLastRequestResponse(inflate(deflated, packed.length));
                } catch (IllegalStateException e) {
                    // The tab goes on without it: only a browser asking twice would then have to load the page again.
                    log.warn("A tab's kept answer could not be unpacked", e);
                }
            }
        } finally {
            session.unlock();
        }
    }

    /**
     * Packs the tab's answer away once its last request in flight has ended. The tab comes from this request's own
     * attribute, never from the HTTP session: after a sign-out the session is gone and the answer already sent.
     */
    static void afterUiRequest(VaadinSession session, VaadinRequest request) {
        if (session == null || !(request.getAttribute(TAB) instanceof UI ui)) {
            return;
        }
        request.removeAttribute(TAB); // counted down once, however often the end is reported
        session.lock();
        try {
            Packed packed = ComponentUtil.getData(ui, Packed.class);
            if (packed == null || --packed.inFlight > 0 || session.getState() != VaadinSessionState.OPEN) {
                return;
            }
            String answer = ui.getInternals().getLastRequestResponse();
            if (answer != null) {
                byte[] plain = answer.getBytes(StandardCharsets.UTF_8);
                packed.deflated = deflate(plain);
                packed.length = plain.length;
                ui.getInternals().setLastRequestResponse(null);
            }
            SharedDependencies.share(ui);
        } finally {
            session.unlock();
        }
    }

    static byte[] deflate(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(plain);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
            byte[] chunk = new byte[4096];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static String inflate(byte[] deflated, int length) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            byte[] plain = new byte[length];
            int read = 0;
            while (read < length && !inflater.finished()) {
                int n = inflater.inflate(plain, read, length - read);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                read += n;
            }
            if (read != length) {
                throw new IllegalStateException("a tab's kept answer unpacked to " + read + " of " + length + " bytes");
            }
            return new String(plain, StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a tab's kept answer did not unpack", e);
        } finally {
            inflater.end();
        }
    }

    /** A tab's kept answer while it waits, and how many of the tab's requests are in flight (none after a restart). */
    static final class Packed implements Serializable {
        byte[] deflated;
        int length;
        transient int inFlight;
    }
}
