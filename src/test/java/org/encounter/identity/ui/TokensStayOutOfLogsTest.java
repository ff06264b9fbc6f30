package org.encounter.identity.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Set;
import org.encounter.KaribuTest;
import org.encounter.identity.CreatedInvitation;
import org.encounter.identity.InvitationService;
import org.encounter.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Invitation and setup links are keys to an account: whoever reads them in a log could use them. This walks an
 * invitation through every page it opens, including one that fails on a database hiccup, and reads every log line.
 */
class TokensStayOutOfLogsTest extends KaribuTest {

    @Autowired InvitationService invitations;
    @Autowired JdbcTemplate jdbc;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void listen() {
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stopListening() {
        root().detachAppender(logs);
    }

    @Test
    void an_invitation_token_appears_in_no_log_line_even_when_its_page_fails() {
        signInAs("admin" + NavigationByRoleTest.DOMAIN);
        CreatedInvitation created = invitations.create(organisationId(), null, Set.of(Role.LEARNER), "Log Check", "Log check");
        String token = created.link().substring(created.link().lastIndexOf('/') + 1);

        // The database hiccups while the invitee opens the link: the error page is shown and logged.
        jdbc.execute("RENAME TABLE invitation TO invitation_away");
        try {
            UI.getCurrent().navigate("invite/" + token);
        } finally {
            jdbc.execute("RENAME TABLE invitation_away TO invitation");
        }
        assertThat(logs.list).as("the failure was logged").isNotEmpty();

        UI.getCurrent().navigate("invite/" + token);
        _setValue(_get(TextField.class, spec -> spec.withId("invite-display-name")), "Log Tester");
        _setValue(_get(EmailField.class, spec -> spec.withId("invite-email")), "not an address");
        _setValue(_get(PasswordField.class, spec -> spec.withId("invite-password")), "short");
        _setValue(_get(PasswordField.class, spec -> spec.withId("invite-confirm")), "short");
        _click(_get(Button.class, spec -> spec.withId("invite-accept")));
        _setValue(_get(EmailField.class, spec -> spec.withId("invite-email")), "log.tester@example.org");
        _setValue(_get(PasswordField.class, spec -> spec.withId("invite-password")), "a long enough passphrase");
        _setValue(_get(PasswordField.class, spec -> spec.withId("invite-confirm")), "a long enough passphrase");
        _click(_get(Button.class, spec -> spec.withId("invite-accept")));
        UI.getCurrent().navigate("invite/" + token);
        UI.getCurrent().navigate("setup/" + token);

        List<String> lines = logs.list.stream().map(TokensStayOutOfLogsTest::render).toList();
        assertThat(lines).noneMatch(line -> line.contains(token));
    }

    private static String render(ILoggingEvent event) {
        return event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }

    private long organisationId() {
        return jdbc.queryForObject("select min(id) from organisation", Long.class);
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
