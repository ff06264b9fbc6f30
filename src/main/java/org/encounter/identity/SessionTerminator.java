package org.encounter.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends open sessions of a person: all of them when an admin disables the account, the others
 * when the person changes their password. An ended session is refused at its next request.
 */
@Component
class SessionTerminator {

    private final SessionRegistry registry;

    SessionTerminator(SessionRegistry registry) {
        this.registry = registry;
    }

    int endSessionsOf(String email) {
        return endSessionsOf(email, null);
    }

    /**
     * Ends every session of the person except the one making this request, which gets a new id:
     * after a password change, whoever held a copy of the old id (or the old password) is out.
     */
    int endOtherSessionsOf(String email) {
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web
                ? web.getRequest() : null;
        HttpSession current = request == null ? null : request.getSession(false);
        int ended = endSessionsOf(email, current == null ? null : current.getId());
        if (current != null) {
            request.changeSessionId();
        }
        return ended;
    }

    private int endSessionsOf(String email, String keep) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof UserDetails user && user.getUsername().equals(email)) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    if (!session.getSessionId().equals(keep)) {
                        session.expireNow();
                        ended++;
                    }
                }
            }
        }
        return ended;
    }
}
