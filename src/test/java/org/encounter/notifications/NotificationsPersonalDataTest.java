package org.encounter.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.encounter.RecordingExport;
import org.encounter.ServiceTest;
import org.encounter.base.PersonalData.ErasureChoices;
import org.encounter.base.SystemAccess;
import org.encounter.identity.PrivacySubjects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A person's notifications in their export, and gone after their erasure, with their name in other people's. */
class NotificationsPersonalDataTest extends ServiceTest {

    private static final String SEPARATOR = "\u001F";

    @Autowired NotificationsPersonalData notifications;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void the_export_holds_the_persons_notifications_in_their_language_and_nobody_elses() {
        inRolledBackTransaction(() -> {
            long sanna = personId("sanna");
            notification(sanna, "a", "notify.registered-name-confirmed", "Sanna N.", "profile", true);
            notification(sanna, "b", "notify.registered-name-declined", "Sanna Q.", null, false);
            notification(personId("jussi"), "c", "notify.registered-name-confirmed", "Jussi K.", "profile", false);

            RecordingExport out = new RecordingExport();
            try {
                notifications.export(sanna, out);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            List<Map<String, Object>> mine = out.of("notification").stream()
                    .filter(n -> String.valueOf(n.get("message")).contains("Sanna ")).toList();
            assertThat(mine).hasSize(2);
            // Sanna reads Finnish: her message is not the English one.
            assertThat(mine.getFirst().get("message")).asString().contains("Sanna N.")
                    .doesNotContain("!notify").isNotEqualTo(english("notify.registered-name-confirmed", "Sanna N."));
            assertThat(mine.getFirst()).containsEntry("link", "profile").containsKeys("createdAt", "readAt");
            assertThat(mine.getFirst().get("readAt")).isNotNull();
            assertThat(mine.get(1).get("readAt")).isNull();
            assertThat(out.text()).doesNotContain("Jussi K.");
        });
    }

    @Test
    void erasure_deletes_the_persons_notifications_and_their_name_in_other_peoples_and_can_run_again() {
        inRolledBackTransaction(() -> {
            long sanna = personId("sanna");
            long mikko = personId("mikko");
            notification(sanna, "a", "notify.registered-name-confirmed", "Sanna Nieminen", "profile", false);
            long aboutHer = notification(mikko, "b", "notify.exchange-confirm",
                    "Sanna Nieminen" + SEPARATOR + "Spring round", "exchange", false);
            long namesake = notification(mikko, "c", "notify.exchange-confirm",
                    "Sannamaria Niemi" + SEPARATOR + "Spring round", "exchange", false);
            // Her address and her name in one notification: both go, in the one pass over the table.
            long both = notification(mikko, "d", "notify.exchange-confirm",
                    "sanna@demo.encounter.example" + SEPARATOR + "Sanna Nieminen", "exchange", false);

            erase(sanna);
            erase(sanna);

            assertThat(jdbc.queryForObject("select count(*) from notification where person_id = ?", Long.class, sanna))
                    .isZero();
            assertThat(args(aboutHer)).isEqualTo(PrivacySubjects.ERASED_NAME + SEPARATOR + "Spring round");
            assertThat(args(namesake)).isEqualTo("Sannamaria Niemi" + SEPARATOR + "Spring round");
            assertThat(args(both)).isEqualTo(PrivacySubjects.ERASED_NAME + SEPARATOR + PrivacySubjects.ERASED_NAME);
            assertThat(jdbc.queryForObject("select count(*) from notification where args like ? or args like ?",
                    Long.class, "%Sanna Nieminen%", "%sanna@demo%")).isZero();
        });
    }

    private long notification(long personId, String ref, String key, String args, String link, boolean read) {
        jdbc.update("""
                insert into notification (person_id, kind, ref, message_key, args, link, created_at, read_at)
                values (?, 'test', ?, ?, ?, ?, now(6), if(?, now(6), null))""", personId, "privacy-test:" + ref, key,
                args, link, read);
        return jdbc.queryForObject("select last_insert_id()", Long.class);
    }

    private String args(long id) {
        return jdbc.queryForObject("select args from notification where id = ?", String.class, id);
    }

    @Autowired com.vaadin.flow.i18n.I18NProvider i18n;

    private String english(String key, String arg) {
        return i18n.getTranslation(key, java.util.Locale.ENGLISH, arg);
    }

    private void erase(long personId) {
        SystemAccess.run(() -> {
            notifications.erase(personId, new ErasureChoices(false, false, true));
            return null;
        });
    }

    private void inRolledBackTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            work.run();
        });
    }
}
