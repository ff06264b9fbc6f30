package org.encounter.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.server.VaadinSession;
import org.encounter.EncounterTest;
import org.encounter.KaribuTest;
import org.encounter.identity.TeamService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Bookkeeping that follows a person's click runs as the system even inside that person's browser request, where
 * Vaadin reads the security context from the session first: completing a module files its impact answers in the
 * learner's team through a system-only lookup, and that lookup must not run as the learner.
 */
@EncounterTest
class SystemAccessTest extends KaribuTest {

    @Autowired TeamService teams;
    @Autowired JdbcTemplate jdbc;

    @Test
    void system_work_inside_a_signed_in_browser_request_runs_as_the_system_not_as_the_person() {
        signInAs("sanna@demo.encounter.example");
        // As in a real request: Spring Security keeps the person's context in the HTTP session.
        VaadinSession.getCurrent().getSession().setAttribute("SPRING_SECURITY_CONTEXT", SecurityContextHolder.getContext());
        long sanna = jdbc.queryForObject("select id from person where email = 'sanna@demo.encounter.example'", Long.class);
        long youth = jdbc.queryForObject("select id from team where name = 'Youth Services'", Long.class);

        assertThatThrownBy(() -> teams.impactTeamOf(sanna)).isInstanceOf(AccessDeniedException.class);
        assertThat(SystemAccess.run(() -> teams.impactTeamOf(sanna))).contains(youth);
        // Afterwards the request is the person's again.
        assertThat(VaadinSession.getCurrent()).isNotNull();
        assertThat(SecurityContextHolder.getContext().getAuthentication().getName())
                .isEqualTo("sanna@demo.encounter.example");
        assertThatThrownBy(() -> teams.impactTeamOf(sanna)).isInstanceOf(AccessDeniedException.class);
    }
}
