package org.encounter;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * What a person's HTTP session holds, as the bytes it would be written as when Tomcat persists or
 * replicates it: every attribute serialised, and the Vaadin session's UIs too (Vaadin leaves them
 * out in development mode). Objects that cannot be serialised are written as their class name, so
 * one stray object does not hide the rest.
 */
public final class SessionContents {

    private SessionContents() {
    }

    /** The session with this id (the browser's JSESSIONID cookie) in the running Tomcat. */
    public static HttpSession find(ApplicationContext context, String sessionId) {
        var server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        Context webapp = (Context) server.getTomcat().getHost().findChildren()[0];
        try {
            Session session = webapp.getManager().findSession(sessionId);
            if (session == null) {
                throw new AssertionError("no session " + sessionId);
            }
            return session.getSession();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The serialised attributes as text (ISO-8859-1, so every byte is one character and ASCII reads as itself). */
    public static String serialised(HttpSession session) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String name : Collections.list(session.getAttributeNames())) {
            Object value = session.getAttribute(name);
            if (value instanceof VaadinSession vaadin) {
                // Under the session's lock, as Vaadin itself serialises it: requests may be running.
                vaadin.lock();
                try {
                    write(bytes, vaadin);
                    for (UI ui : vaadin.getUIs()) {
                        write(bytes, ui);
                    }
                } finally {
                    vaadin.unlock();
                }
            } else {
                write(bytes, value);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static void write(OutputStream out, Object value) {
        try (ObjectOutputStream stream = new Replacing(out)) {
            stream.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("could not serialise " + value.getClass(), e);
        }
    }

    private static final class Replacing extends ObjectOutputStream {
        Replacing(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            return obj instanceof Serializable ? obj : "not serialisable: " + obj.getClass().getName();
        }
    }
}
