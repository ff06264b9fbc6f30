package org.encounter.base;

import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs server-side work (scheduled jobs, and bookkeeping that follows a person's action) that reads through guarded
 * services as the system: authenticated, with the SYSTEM authority and no role, so it passes "signed in" and
 * "system" checks, never a role or an ownership check.
 *
 * <p>Inside a browser request Vaadin's security context strategy reads the signed-in person's context from the
 * Vaadin session before the thread's own, so the work runs with no current Vaadin session: otherwise it would run
 * as that person, and a system-only check would refuse them.
 */
public final class SystemAccess {

    private SystemAccess() {
    }

    /** Whether the running code is the platform's own work, inside {@link #run}, and no person's. */
    public static boolean isSystem() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> "SYSTEM".equals(a.getAuthority()));
    }

    public static <T> T run(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        VaadinSession session = VaadinSession.getCurrent();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system", null,
                List.of(new SimpleGrantedAuthority("SYSTEM"))));
        if (session != null) {
            VaadinSession.setCurrent(null);
        }
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
            if (session != null) {
                VaadinSession.setCurrent(session);
            }
        }
    }
}
