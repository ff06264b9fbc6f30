package org.encounter.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.encounter.ServiceTest;
import org.encounter.TestClock;
import org.encounter.notifications.NotificationService;
import org.encounter.notifications.NotificationView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Reminders in the app and by e-mail, against a real SMTP server (GreenMail) on this machine. */
class RemindersTest extends ServiceTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(2525, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired Reminders reminders;
    @Autowired LearningService learning;
    @Autowired AssignmentService assignments;
    @Autowired NotificationService notifications;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static long toKaisa(MimeMessage[] mails) {
        return java.util.Arrays.stream(mails).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals("kaisa@demo.encounter.example");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    @Test
    void the_scheduled_run_takes_a_lock_in_the_database_so_a_second_instance_skips_it() {
        reminders.run();
        assertThat(jdbc.queryForObject("select count(*) from shedlock where name = 'learning-reminders'"
                + " and lock_until > now(3)", Integer.class)).isEqualTo(1);
    }

    @Test
    void assignment_due_soon_overdue_and_report_back_open_are_each_reminded_once_in_app_and_by_mail() throws Exception {
        long whole = jdbc.queryForObject("select id from module where title = 'See the whole person'", Long.class);
        long kaisa = personId("kaisa");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Helsinki")));
        as("mikko", () -> assignments.assign(whole, Set.of(kaisa), today.plusDays(2)));

        reminders.remindAll();
        reminders.remindAll();
        assertThat(as("kaisa", () -> notifications.mine(20))).extracting(NotificationView::messageKey)
                .containsOnlyOnce("notify.assigned", "notify.due-soon");
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).extracting(m -> m.getAllRecipients()[0].toString()).contains("kaisa@demo.encounter.example");
        assertThat(java.util.Arrays.stream(mails).map(GreenMailUtil::getBody).toList())
                .anyMatch(body -> body.contains("See the whole person") && body.contains("Hei Kaisa Salo"));
        long mailsBefore = toKaisa(mails);

        clock.advance(Duration.ofDays(3));
        reminders.remindAll();
        assertThat(as("kaisa", () -> notifications.mine(20))).extracting(NotificationView::messageKey)
                .contains("notify.overdue");

        // Report back: plan an action, move the clock past the author's gap.
        long attempt = as("kaisa", () -> learning.start(whole));
        for (int i = 0; i < 4; i++) {
            int position = i;
            as("kaisa", () -> learning.completeStep(attempt, position, new StepAnswer("Thinking", 0, null, null, null,
                    null, null, null, false)));
        }
        as("kaisa", () -> learning.completeStep(attempt, 4, new StepAnswer(null, null, null, null, null, null,
                "Ask first", LocalDate.now(clock.withZone(ZoneId.of("Europe/Helsinki"))).plusDays(1), false)));
        reminders.remindAll();
        assertThat(as("kaisa", () -> notifications.mine(20))).extracting(NotificationView::messageKey)
                .doesNotContain("notify.report-back-open");
        clock.advance(Duration.ofDays(8));
        reminders.remindAll();
        reminders.remindAll();
        assertThat(as("kaisa", () -> notifications.mine(20))).extracting(NotificationView::messageKey)
                .containsOnlyOnce("notify.report-back-open");
        assertThat(toKaisa(smtp.getReceivedMessages())).isEqualTo(mailsBefore + 2);
        assertThat(as("kaisa", () -> notifications.unread())).isGreaterThanOrEqualTo(4);
        as("kaisa", () -> notifications.markAllRead());
        assertThat(as("kaisa", () -> notifications.unread())).isZero();
    }
}
