package org.encounter.identity.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.encounter.KaribuTest;
import org.encounter.identity.CreatedInvitation;
import org.encounter.identity.InvitationService;
import org.encounter.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The profile page and the invitation page, as the person using them sees them. */
class SelfServiceViewsTest extends KaribuTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired InvitationService invitations;
    @Autowired PasswordEncoder encoder;

    @Test
    void a_person_changes_their_display_name_and_language() {
        signInAs("leo" + NavigationByRoleTest.DOMAIN);
        UI.getCurrent().navigate(ProfileView.class);
        TextField name = _get(TextField.class, spec -> spec.withId("profile-display-name"));
        _setValue(name, "   ");
        _click(_get(Button.class, spec -> spec.withId("profile-save")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(jdbc.queryForObject("select display_name from person where email like 'leo@%'", String.class))
                .isEqualTo("Leo Mäkinen");

        _setValue(name, "Leo M.");
        @SuppressWarnings("unchecked")
        Select<String> language = _get(Select.class);
        _setValue(language, "sv");
        _click(_get(Button.class, spec -> spec.withId("profile-save")));
        assertThat(jdbc.queryForMap("select display_name, language from person where email like 'leo@%'"))
                .containsEntry("display_name", "Leo M.").containsEntry("language", "sv");
        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("sv");
    }

    @Test
    void a_password_change_needs_the_current_password_and_a_strong_new_one() {
        signInAs("zoe" + NavigationByRoleTest.DOMAIN);
        UI.getCurrent().navigate(ProfileView.class);
        PasswordField current = _get(PasswordField.class, spec -> spec.withLabel("Current password"));
        PasswordField next = _get(PasswordField.class, spec -> spec.withLabel("New password"));
        PasswordField confirm = _get(PasswordField.class, spec -> spec.withLabel("Repeat the new password"));
        Button change = _get(Button.class, spec -> spec.withText("Change password"));

        _setValue(current, "not my password at all");
        _setValue(next, "qwerty123456");
        _setValue(confirm, "qwerty123456");
        _click(change);
        assertThat(current.getErrorMessage()).isEqualTo("Your current password is not correct.");
        assertThat(next.getErrorMessage()).startsWith("This password is too common");

        _setValue(current, "encounter-demo-2026");
        _setValue(next, "moss grows on the north side");
        _setValue(confirm, "moss grows on the north side");
        _click(change);
        assertThat(current.isInvalid()).isFalse();
        String hash = jdbc.queryForObject("select password_hash from person where email like 'zoe@%'", String.class);
        assertThat(encoder.matches("moss grows on the north side", hash)).isTrue();
    }

    @Test
    void a_passphrase_longer_than_72_bytes_is_taken_by_the_profile_page() {
        String passphrase = "Ämpärit ja höyläpenkit öisessä työpajassa, kun pöllö huhuilee hämärässä metsässä yöllä";
        assertThat(passphrase.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(100);
        signInAs("noor" + NavigationByRoleTest.DOMAIN);
        UI.getCurrent().navigate(ProfileView.class);
        PasswordField current = _get(PasswordField.class, spec -> spec.withLabel("Current password"));
        PasswordField next = _get(PasswordField.class, spec -> spec.withLabel("New password"));
        _setValue(current, "encounter-demo-2026");
        _setValue(next, passphrase);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Repeat the new password")), passphrase);
        _click(_get(Button.class, spec -> spec.withText("Change password")));
        assertThat(current.isInvalid()).isFalse();
        assertThat(next.isInvalid()).isFalse();
        String hash = jdbc.queryForObject("select password_hash from person where email like 'noor@%'", String.class);
        assertThat(encoder.matches(passphrase, hash)).isTrue();
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                "Password changed. You were signed out everywhere else.");
    }

    @Test
    void an_invited_person_sets_up_their_account_and_the_link_then_says_it_was_used() {
        long organisation = jdbc.queryForObject("select min(id) from organisation", Long.class);
        signInAs("admin" + NavigationByRoleTest.DOMAIN);
        CreatedInvitation created = invitations.create(organisation, null, Set.of(Role.AUTHOR), "Mira Aalto", "Youth council");
        String path = created.link().substring(created.link().indexOf("/invite/") + 1);
        org.springframework.security.core.context.SecurityContextHolder.clearContext();

        UI.getCurrent().navigate(path);
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("invite-registered-name"))
                .getText()).contains("Mira Aalto");
        TextField name = _get(TextField.class, spec -> spec.withId("invite-display-name"));
        assertThat(name.getValue()).isEqualTo("Mira Aalto");
        EmailField email = _get(EmailField.class, spec -> spec.withId("invite-email"));
        PasswordField password = _get(PasswordField.class, spec -> spec.withId("invite-password"));
        PasswordField confirm = _get(PasswordField.class, spec -> spec.withId("invite-confirm"));
        _setValue(name, "x".repeat(100) + "y");
        _setValue(email, "mira");
        _setValue(password, "short");
        _setValue(confirm, "short");
        _click(_get(Button.class, spec -> spec.withId("invite-accept")));
        assertThat(email.getErrorMessage()).isEqualTo("Enter an e-mail address such as name@example.org.");
        assertThat(password.getErrorMessage()).isEqualTo("Use at least 12 characters.");
        assertThat(jdbc.queryForObject("select count(*) from person where display_name like 'xxx%'", Long.class)).isZero();

        _setValue(name, "Mira");
        _setValue(email, "mira@example.org");
        _setValue(password, "lanterns by the harbour");
        _setValue(confirm, "lanterns by the harbour");
        _click(_get(Button.class, spec -> spec.withId("invite-accept")));
        assertThat(_find(VerticalLayout.class, spec -> spec.withId("invitation-done"))).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from person p join person_role r on r.person_id = p.id"
                + " where p.email = 'mira@example.org' and r.role = 'AUTHOR'", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForMap("select display_name, registered_name from person where email = 'mira@example.org'"))
                .containsEntry("display_name", "Mira").containsEntry("registered_name", "Mira Aalto");

        UI.getCurrent().navigate(path);
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("invitation-problem"))
                .getText()).startsWith("This invitation link has already been used.");
    }

    @Test
    void a_person_sees_their_registered_name_read_only_and_asks_an_admin_for_another() {
        signInAs("asa" + NavigationByRoleTest.DOMAIN);
        UI.getCurrent().navigate(ProfileView.class);
        TextField registered = _get(TextField.class, spec -> spec.withId("profile-registered-name"));
        assertThat(registered.getValue()).isEqualTo("Åsa Öberg");
        assertThat(registered.isReadOnly()).isTrue();
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("profile-name-pending")))
                .isEmpty();

        _setValue(_get(TextField.class, spec -> spec.withId("profile-requested-name")), "Åsa Maria Öberg");
        _click(_get(Button.class, spec -> spec.withId("profile-ask-name")));
        com.vaadin.flow.component.html.Paragraph pending = _get(com.vaadin.flow.component.html.Paragraph.class,
                spec -> spec.withId("profile-name-pending"));
        assertThat(pending.getText()).contains("Åsa Maria Öberg");
        assertThat(jdbc.queryForMap("select registered_name, requested_name from person where email like 'asa@%'"))
                .containsEntry("registered_name", "Åsa Öberg").containsEntry("requested_name", "Åsa Maria Öberg");
        jdbc.update("update person set requested_name = null, name_requested_at = null where email like 'asa@%'");
    }
}
