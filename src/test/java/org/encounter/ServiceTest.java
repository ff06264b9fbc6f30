package org.encounter;

import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Service tests on real MariaDB, acting as demo people. */
@EncounterTest
public abstract class ServiceTest {

    public static final String DOMAIN = "@demo.encounter.example";

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    private UserDetailsService users;

    protected <T> T as(String who, Supplier<T> action) {
        var user = users.loadUserByUsername(who.contains("@") ? who : who + DOMAIN);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    protected void as(String who, Runnable action) {
        as(who, () -> {
            action.run();
            return null;
        });
    }

    protected long personId(String who) {
        return jdbc.queryForObject("select id from person where email = ?", Long.class,
                who.contains("@") ? who : who + DOMAIN);
    }
}
