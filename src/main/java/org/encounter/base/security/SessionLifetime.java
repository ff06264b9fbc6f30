package org.encounter.base.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.WrappedSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A session ends SESSION_TIMEOUT after the person last did something, even while their tab stays
 * open. An open tab sends Vaadin heartbeats on its own, and each one would keep the HTTP session
 * alive; with {@code vaadin.closeIdleSessions} Vaadin closes its session once no real request came
 * for the session's timeout, and here the HTTP session (and with it the sign-in) ends too, so the
 * next click or reload shows the sign-in page. Spring Boot hands Tomcat the timeout in whole
 * minutes; each new session is given the exact duration.
 */
@Component
class SessionLifetime implements HttpSessionListener, VaadinServiceInitListener {

    private final int timeoutSeconds;

    SessionLifetime(@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval(timeoutSeconds);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(destroyed -> {
            WrappedSession http = destroyed.getSession().getSession();
            if (http != null) {
                try {
                    http.invalidate();
                } catch (IllegalStateException alreadyInvalidated) {
                    // The HTTP session ended first (sign-out, expiry): nothing more to end.
                }
            }
        });
    }
}
