package org.encounter.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.encounter.ServiceTest;
import org.encounter.base.RecordNotFound;
import org.encounter.identity.PartnershipService;
import org.encounter.learning.AttemptStatus;
import org.encounter.learning.ImpactAnswered;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Organisation admins' overviews and the partnership report, played as the people who would try to see more: each
 * organisation admin reads their own organisation and is refused another; a coordinator is refused a partnership they
 * do not coordinate; learners and managers are refused both; the report and its CSV hold no person's name; a figure
 * below the release threshold stays hidden. Its own context (and database): it adds answers and completions.
 */
@TestPropertySource(properties = {"encounter.demo.learning=true", "encounter.test.context=partnership-report"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnershipReportTest extends ServiceTest {

    @Autowired OrganisationProgressService overview;
    @Autowired PartnershipReportService reports;
    @Autowired PartnershipService partnerships;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;

    private long organisation(String name) {
        return jdbc.queryForObject("select id from organisation where name = ?", Long.class, name);
    }

    private long aurajoki() {
        return jdbc.queryForObject("select id from partnership where name = 'One Aurajoki'", Long.class);
    }

    /** What the database says about one organisation, counted here the long way, to compare with the overview. */
    private Map<String, Object> truth(long organisation) {
        return jdbc.queryForMap("""
                select (select count(*) from attempt a join person p on p.id = a.learner_id
                        where p.organisation_id = ? and a.status = 'COMPLETED') completed,
                       (select count(*) from attempt a join person p on p.id = a.learner_id
                        where p.organisation_id = ? and a.status = 'IN_PROGRESS') in_progress,
                       (select count(*) from certificate where organisation_id = ? and revoked_at is null) certificates
                """, organisation, organisation, organisation);
    }

    private void assertOverviewIsOnly(String admin, String organisationName) {
        long id = organisation(organisationName);
        OrganisationProgressService.Overview o = as(admin, () -> overview.overview());
        assertThat(o.organisations()).containsExactly(organisationName);
        Map<String, Object> truth = truth(id);
        assertThat(o.attempts().get(AttemptStatus.COMPLETED)).isEqualTo(((Number) truth.get("completed")).longValue());
        assertThat(o.attempts().getOrDefault(AttemptStatus.IN_PROGRESS, 0L))
                .isEqualTo(((Number) truth.get("in_progress")).longValue());
        assertThat(o.certificates().valid() + o.certificates().expiring() + o.certificates().expired())
                .isEqualTo(((Number) truth.get("certificates")).longValue());
        assertThat(o.completions().stream().mapToLong(Long::longValue).sum())
                .isLessThanOrEqualTo(((Number) truth.get("completed")).longValue());
        assertThat(as(admin, () -> overview.overview(id))).isEqualTo(o);
    }

    @Test
    @Order(1)
    void each_organisation_admin_sees_only_their_own_organisations_figures() {
        assertOverviewIsOnly("riikka", "City of Aurajoki Youth and Community Services");
        assertOverviewIsOnly("ville", "Aurajoki Wellbeing Services County");
        assertOverviewIsOnly("nils", "Northvale District Council");
        // The demo world's year of learning is the city's: its admin's figures are not the others'.
        long cityCompleted = as("riikka", () -> overview.overview()).attempts().get(AttemptStatus.COMPLETED);
        assertThat(cityCompleted).isPositive();
        assertThat(as("admin", () -> overview.overview()).everywhere()).isTrue();
    }

    @Test
    @Order(2)
    void an_organisation_admin_asking_for_another_organisation_by_id_gets_not_found() {
        long wellbeing = organisation("Aurajoki Wellbeing Services County");
        long city = organisation("City of Aurajoki Youth and Community Services");
        assertThatThrownBy(() -> as("riikka", () -> overview.overview(wellbeing))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("ville", () -> overview.overview(city))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("nils", () -> overview.overview(city))).isInstanceOf(RecordNotFound.class);
        assertThat(as("admin", () -> overview.overview(wellbeing)).organisations())
                .containsExactly("Aurajoki Wellbeing Services County");
    }

    @Test
    @Order(3)
    void learners_managers_and_coordinators_are_refused_the_organisation_overview() {
        for (String who : List.of("sanna", "mikko", "kirsi", "emma")) {
            assertThatThrownBy(() -> as(who, () -> overview.overview())).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    @Order(4)
    void a_coordinator_gets_not_found_for_a_partnership_they_do_not_coordinate() {
        long other = as("admin", () -> partnerships.create("Northvale Together", personId("nils"))).id();
        assertThatThrownBy(() -> as("kirsi", () -> reports.report(other))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("kirsi", () -> reports.csv(other, Locale.ENGLISH)))
                .isInstanceOf(RecordNotFound.class);
        assertThat(as("kirsi", () -> reports.report(aurajoki())).name()).isEqualTo("One Aurajoki");
        assertThat(as("admin", () -> reports.report(other)).modules()).isEmpty();
    }

    @Test
    @Order(5)
    void learners_managers_and_organisation_admins_are_refused_the_partnership_report() {
        long aurajoki = aurajoki();
        for (String who : List.of("sanna", "mikko", "riikka", "ville", "emma")) {
            assertThatThrownBy(() -> as(who, () -> reports.report(aurajoki))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(who, () -> reports.csv(aurajoki, Locale.ENGLISH)))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    @Order(6)
    void the_partnership_report_and_its_csv_carry_no_persons_name() {
        PartnershipReport report = as("kirsi", () -> reports.report(aurajoki()));
        String csv = new String(as("kirsi", () -> reports.csv(aurajoki(), Locale.ENGLISH)), StandardCharsets.UTF_8);
        String records = report.toString();
        assertThat(report.modules()).extracting(PartnershipReport.ModuleRows::title)
                .contains("Walk in another's shoes", "When our assumptions came tumbling down");
        assertThat(csv).contains("City of Aurajoki Youth and Community Services", "Aurajoki Police Department",
                "All member organisations");
        List<String> names = jdbc.queryForList("""
                select display_name from person union select registered_name from person""", String.class);
        assertThat(names).hasSizeGreaterThan(20);
        for (String name : names) {
            assertThat(csv).as("CSV names %s", name).doesNotContain(name);
            assertThat(records).as("report names %s", name).doesNotContain(name);
        }
        assertThat(csv).doesNotContain(DOMAIN);
    }

    @Test
    @Order(7)
    void a_figure_below_the_release_threshold_is_not_shown_until_five_have_answered() {
        long aurajoki = aurajoki();
        long police = organisation("Aurajoki Police Department");
        long shoes = jdbc.queryForObject("select id from module where title = 'Walk in another''s shoes'", Long.class);
        List<Long> officers = jdbc.queryForList("""
                select p.id from person p where p.organisation_id = ?
                and not exists (select 1 from team_member t where t.person_id = p.id) order by p.id""", Long.class, police);
        // Five people of the police who answer; the demo world may have fewer, so any five teamless people stand in
        // by being moved into the police first.
        List<Long> five = jdbc.queryForList("""
                select p.id from person p where not exists (select 1 from team_member t where t.person_id = p.id)
                and p.id not in (select a.learner_id from attempt a) order by p.id limit 5""", Long.class);
        assertThat(five).hasSize(5);
        five.forEach(id -> jdbc.update("update person set organisation_id = ? where id = ?", police, id));
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (int i = 0; i < 4; i++) {
            long learner = five.get(i);
            tx.executeWithoutResult(s -> events.publishEvent(new ImpactAnswered(learner, shoes, Instant.now(),
                    Map.of(0, 2), true)));
        }
        jdbc.update("""
                insert into organisation_completion_tally (organisation_id, module_id, month, completions)
                values (?, ?, '2026-01', 4)""", police, shoes);
        PartnershipReport.Row before = policeRow(as("kirsi", () -> reports.report(aurajoki)), shoes);
        assertThat(before.completions()).isZero();
        assertThat(before.tried().shown()).isFalse();
        assertThat(before.statements().getFirst().shown()).isFalse();
        String csvBefore = new String(as("kirsi", () -> reports.csv(aurajoki, Locale.ENGLISH)), StandardCharsets.UTF_8);
        assertThat(csvBefore).contains("\"Walk in another's shoes\",\"Aurajoki Police Department\",\"Completions\",\"0\"");

        long fifth = five.get(4);
        tx.executeWithoutResult(s -> events.publishEvent(new ImpactAnswered(fifth, shoes, Instant.now(), Map.of(0, 3),
                false)));
        jdbc.update("""
                update organisation_completion_tally set completions = 6 where organisation_id = ? and module_id = ?
                and month = '2026-01'""", police, shoes);
        PartnershipReport report = as("kirsi", () -> reports.report(aurajoki));
        PartnershipReport.Row after = policeRow(report, shoes);
        assertThat(after.completions()).isEqualTo(5);
        assertThat(after.tried().people()).isEqualTo(5);
        assertThat(after.tried().value()).isEqualTo(0.8);
        assertThat(after.statements().getFirst().value()).isEqualTo(2.2);
        PartnershipReport.Row combined = report.modules().stream().filter(m -> m.moduleId() == shoes).findFirst()
                .orElseThrow().rows().getLast();
        assertThat(combined.combined()).isTrue();
        assertThat(combined.completions() % 5).isZero();
        assertThat(combined.tried().people() % 5).isZero();
        assertThat(officers).isNotNull();
    }

    private static PartnershipReport.Row policeRow(PartnershipReport report, long moduleId) {
        return report.modules().stream().filter(m -> m.moduleId() == moduleId).findFirst().orElseThrow().rows()
                .stream().filter(r -> "Aurajoki Police Department".equals(r.organisation())).findFirst().orElseThrow();
    }
}
