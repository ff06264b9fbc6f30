package org.encounter.notifications;

import com.vaadin.flow.i18n.I18NProvider;
import java.time.Clock;
import java.util.Locale;
import org.encounter.base.NotifyPerson;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.PrivacySubjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Stores each notification once (per person, kind and reference) and, when an SMTP server is
 * configured, e-mails it in the person's language. A failed e-mail never loses the in-app one.
 */
@Component
class NotificationDelivery {

    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

    private final NotificationRepository notifications;
    private final PersonDirectory directory;
    private final PrivacySubjects subjects;
    private final I18NProvider i18n;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final String from;
    private final String publicUrl;

    NotificationDelivery(NotificationRepository notifications, PersonDirectory directory, PrivacySubjects subjects,
                         I18NProvider i18n,
                         ObjectProvider<JavaMailSender> mail, Clock clock,
                         @Value("${encounter.mail.from:Encounter <no-reply@encounter.example>}") String from,
                         @Value("${encounter.public-url}") String publicUrl) {
        this.notifications = notifications;
        this.directory = directory;
        this.subjects = subjects;
        this.i18n = i18n;
        this.mail = mail;
        this.clock = clock;
        this.from = from;
        this.publicUrl = publicUrl.replaceAll("/$", "");
    }

    /**
     * After the work that asked for it commits (or at once, outside a transaction): nobody is told of a change
     * that was rolled back, and the mail server is never called while that work holds its transaction.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void deliver(NotifyPerson event) {
        // An erased person is told nothing more: a reminder scheduled before the erasure would store new rows.
        if (subjects.isErased(event.personId())
                || notifications.existsByPersonIdAndKindAndRef(event.personId(), event.kind(), event.ref())) {
            return;
        }
        Notification n = notifications.save(new Notification(event.personId(), event.kind(), event.ref(),
                event.messageKey(), event.args(), event.link(), clock.instant()));
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        directory.contact(event.personId()).ifPresent(contact -> {
            Locale locale = contact.language() == null ? Locale.ENGLISH : Locale.of(contact.language());
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(contact.email());
            message.setSubject(i18n.getTranslation("mail.subject", locale));
            String text = i18n.getTranslation(event.messageKey(), locale, NotifyPerson.formatArgs(event.args()));
            message.setText(i18n.getTranslation("mail.body", locale, contact.displayName(), text,
                    publicUrl + "/" + (event.link() == null ? "" : event.link())));
            try {
                sender.send(message);
                n.emailed(clock.instant());
            } catch (MailException e) {
                log.warn("Could not e-mail notification {}: {}", n.getId(), e.getMessage());
            }
        });
    }
}
