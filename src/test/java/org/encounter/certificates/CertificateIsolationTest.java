package org.encounter.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.encounter.ServiceTest;
import org.encounter.TestClock;
import org.encounter.base.RecordNotFound;
import org.encounter.learning.LearningService;
import org.encounter.learning.StepAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * A certificate belongs to the organisation that issued it (the learner's), and an organisation admin lists, exports
 * and revokes only their own organisation's: the admin of Aurajoki Wellbeing Services County asks the service for a
 * city learner's certificate by id and by listing, and finds nothing.
 */
class CertificateIsolationTest extends ServiceTest {

    private static final CertificateAdminService.Filter ALL = new CertificateAdminService.Filter(null, null, null, null);

    @Autowired LearningService learning;
    @Autowired CertificateAdminService admin;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void an_organisation_admin_lists_and_exports_only_their_own_organisations_certificates() {
        long city = certificateOf(complete("ahmed"));
        long wellbeing = certificateOf(complete("elina"));
        assertThat(jdbc.queryForObject("select c.organisation_id = p.organisation_id from certificate c"
                + " join person p on p.id = c.learner_id where c.id = ?", Boolean.class, city)).isTrue();
        assertThat(jdbc.queryForObject("select o.name from certificate c join organisation o on o.id = c.organisation_id"
                + " where c.id = ?", String.class, wellbeing)).isEqualTo("Aurajoki Wellbeing Services County");

        as("ville", () -> {
            assertThat(admin.page(ALL, PageRequest.of(0, 500))).extracting(CertificateView::id)
                    .contains(wellbeing).doesNotContain(city);
            assertThat(new String(admin.csv(ALL, Locale.ENGLISH), StandardCharsets.UTF_8))
                    .contains("Elina Lindholm").doesNotContain("Ahmed Hassan");
        });
        as("riikka", () -> assertThat(admin.page(ALL, PageRequest.of(0, 500))).extracting(CertificateView::id)
                .contains(city).doesNotContain(wellbeing));
        assertThat(as("admin", () -> admin.page(ALL, PageRequest.of(0, 500)))).extracting(CertificateView::id)
                .contains(city, wellbeing);
    }

    @Test
    void an_organisation_admin_revoking_another_organisations_certificate_by_id_gets_not_found() {
        long city = certificateOf(complete("callum"));
        long wellbeing = certificateOf(complete("matti"));
        as("ville", () -> assertThatThrownBy(() -> admin.revoke(city, "Not yours"))
                .isInstanceOf(RecordNotFound.class));
        as("riikka", () -> assertThatThrownBy(() -> admin.revoke(wellbeing, "Not yours either"))
                .isInstanceOf(RecordNotFound.class));
        assertThat(jdbc.queryForObject("select count(*) from certificate where id in (?, ?) and revoked_at is null",
                Long.class, city, wellbeing)).isEqualTo(2);
        as("ville", () -> admin.revoke(wellbeing, "Issued by mistake"));
        assertThat(jdbc.queryForObject("select revoked_reason from certificate where id = ?", String.class, wellbeing))
                .isEqualTo("Issued by mistake");
    }

    private long certificateOf(long attempt) {
        return jdbc.queryForObject("select id from certificate where attempt_id = ?", Long.class, attempt);
    }

    /** Takes "When our assumptions came tumbling down" from start to completion as this learner. */
    private long complete(String who) {
        long module = jdbc.queryForObject("select id from module where title = 'When our assumptions came tumbling down'",
                Long.class);
        long attempt = as(who, () -> learning.start(module));
        for (int i = 0; i < 4; i++) {
            int position = i;
            as(who, () -> learning.completeStep(attempt, position, new StepAnswer("Thinking", 0, null, null, null, null,
                    null, null, false)));
        }
        as(who, () -> learning.completeStep(attempt, 4, new StepAnswer(null, null, null, null, null, null, "Check it",
                LocalDate.now(clock.withZone(ZoneId.of("Europe/Helsinki"))).plusDays(1), false)));
        clock.advance(Duration.ofDays(11));
        as(who, () -> learning.completeStep(attempt, 5, new StepAnswer(null, 1, "I checked", "I was wrong", null, null,
                null, null, false)));
        as(who, () -> learning.completeStep(attempt, 6, StepAnswer.empty()));
        return attempt;
    }
}
