package org.encounter.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.encounter.base.ClientAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code cap} sessions nobody has signed in to per client address, so a client that drops its cookie
 * with every request (10,000 requests, 10,000 sessions, each with a Vaadin UI) cannot fill the heap. Past the
 * cap the client's oldest anonymous session is ended rather than the newcomer refused: behind a shared address
 * (an office's NAT) the oldest anonymous session is most likely a sign-in page someone walked away from, while
 * refusing newcomers would shut the whole office out until abandoned pages expired, half an hour later. Someone
 * who has signed in is no longer counted. Registered in {@link AnonymousSessionsConfiguration}, around security.
 */
class AnonymousSessions extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AnonymousSessions.class);
    static final String MARK = AnonymousSessions.class.getName();

    private final int cap;
    private final Map<String, Deque<Mark>> byClient = new ConcurrentHashMap<>();

    AnonymousSessions(int cap) {
        this.cap = cap;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            HttpSession session = request.getSession(false);
            if (session != null) {
                note(session, ClientAddress.network(request.getRemoteAddr()));
            }
        }
    }

    /** A session seen for the first time is counted against its client, if nobody has signed in to it. */
    private void note(HttpSession session, String client) {
        try {
            if (session.getAttribute(MARK) != null || signedIn(session)) {
                return;
            }
            Mark mark = new Mark(this, client, session);
            session.setAttribute(MARK, mark);
            List<Mark> ended = new ArrayList<>();
            byClient.compute(client, (key, marks) -> {
                Deque<Mark> live = marks == null ? new ArrayDeque<>() : marks;
                live.removeIf(Mark::goneOrSignedIn);
                live.addLast(mark);
                while (live.size() > cap) {
                    ended.add(live.removeFirst());
                }
                return live;
            });
            if (!ended.isEmpty()) {
                log.debug("{} has more than {} anonymous sessions: ending its oldest {}", client, cap, ended.size());
            }
            // Outside compute: ending a session calls back into forget(), which updates the same map entry.
            ended.forEach(Mark::end);
        } catch (IllegalStateException invalidated) {
            // The request ended its session itself (sign-out): nothing to count.
        }
    }

    private void forget(Mark mark) {
        byClient.computeIfPresent(mark.client, (key, marks) -> {
            marks.remove(mark);
            return marks.isEmpty() ? null : marks;
        });
    }

    /** How many clients have anonymous sessions counted (for tests and a glance in a debugger). */
    int clients() {
        return byClient.size();
    }

    static boolean signedIn(HttpSession session) {
        return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                instanceof SecurityContext context
                && context.getAuthentication() instanceof Authentication authentication
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** Held in the session it counts; its removal (the session ended or expired) takes it off the count. */
    private static final class Mark implements HttpSessionBindingListener, Serializable {
        private final transient AnonymousSessions counter;
        private final String client;
        private final transient HttpSession session;

        Mark(AnonymousSessions counter, String client, HttpSession session) {
            this.counter = counter;
            this.client = client;
            this.session = session;
        }

        boolean goneOrSignedIn() {
            try {
                return session == null || signedIn(session);
            } catch (IllegalStateException invalidated) {
                return true;
            }
        }

        void end() {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // Ended meanwhile by its own request or by expiry.
            }
        }

        @Override
        public void valueUnbound(HttpSessionBindingEvent event) {
            if (counter != null) {
                counter.forget(this);
            }
        }
    }
}
