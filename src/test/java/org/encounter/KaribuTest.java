package org.encounter;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Browser-free UI tests: real views, services and MariaDB; a signed-in demo person. */
@EncounterTest
public abstract class KaribuTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.encounter");

    @Autowired
    protected ApplicationContext context;
    @Autowired
    private UserDetailsService users;

    /** Signs in as a demo person and opens a fresh UI, as after a real sign-in. */
    protected void signInAs(String email) {
        UserDetails user = users.loadUserByUsername(email);
        var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(auth);
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session);
            request.setUserPrincipalInt(auth);
            request.setUserInRole((principal, role) -> auth.getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
            return request;
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    /** Acts as another demo person (their own device) and returns to the signed-in one. */
    protected <T> T as(String who, java.util.function.Supplier<T> action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        var user = users.loadUserByUsername(who.contains("@") ? who : who + ServiceTest.DOMAIN);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    @AfterEach
    protected void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }
}
