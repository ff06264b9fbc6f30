package org.encounter.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.encounter.base.RecordNotFound;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * A certificate belongs to the organisation that issued it (the learner's), and an organisation admin lists, exports
 * and revokes only their own organisation's: the admin of Aurajoki Wellbeing Services County asks the service for a
 * city learner's certificate by id and by listing, and finds nothing.
 */
class CertificateIsolationTest extends CompletingServiceTest {

    private static final CertificateAdminService.Filter ALL = new CertificateAdminService.Filter(null, null, null, null);

    @Autowired CertificateAdminService admin;

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
}
