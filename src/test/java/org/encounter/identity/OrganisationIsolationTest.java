package org.encounter.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.encounter.EncounterTest;
import org.encounter.ServiceTest;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation admin reaches only their own organisation: the demo world's second organisation (Aurajoki
 * Wellbeing Services County, admin Ville) asks the services for the city's people, teams and invitations by id and
 * by listing, and gets "not found" or nothing; the city's organisation admin (Riikka) cannot climb to platform
 * admin. Every call goes to the service, as an attacker's would, not through a screen. Rolled back after each test.
 */
@EncounterTest
@Transactional
class OrganisationIsolationTest extends ServiceTest {

    static final String PLATFORM_ADMIN = "admin" + DemoWorld.DOMAIN;
    static final String CITY_ADMIN = "riikka" + DemoWorld.DOMAIN;
    static final String WELLBEING_ADMIN = "ville" + DemoWorld.DOMAIN;

    @Autowired PersonService people;
    @Autowired TeamService teams;
    @Autowired InvitationService invitations;
    @Autowired OrganisationService organisations;
    @Autowired SignInFailureService signInFailures;

    private long person(String key) {
        return jdbc.queryForObject("select id from person where email = ?", Long.class, key + DemoWorld.DOMAIN);
    }

    private long team(String name) {
        return jdbc.queryForObject("select id from team where name = ?", Long.class, name);
    }

    private long organisation(String name) {
        return jdbc.queryForObject("select id from organisation where name = ?", Long.class, name);
    }

    private long city() {
        return organisation("City of Aurajoki Youth and Community Services");
    }

    private long wellbeing() {
        return organisation("Aurajoki Wellbeing Services County");
    }

    @Test
    @WithUserDetails(WELLBEING_ADMIN)
    void an_organisation_admin_asking_for_another_organisations_person_by_id_gets_not_found() {
        long sanna = person("sanna");
        assertThatThrownBy(() -> people.get(sanna)).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> people.update(sanna, "Sanna", "sanna" + DemoWorld.DOMAIN, Set.of(Role.LEARNER)))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> people.register(sanna, "Someone Else")).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> people.disable(sanna)).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> people.enable(sanna)).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> signInFailures.of(sanna)).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> signInFailures.clear(sanna)).isInstanceOf(RecordNotFound.class);
        long kaisa = person("kaisa");
        assertThatThrownBy(() -> people.confirmNameRequest(kaisa, "Kaisa Salo-Lindqvist"))
                .isInstanceOf(RecordNotFound.class);
        assertThat(jdbc.queryForObject("select concat(display_name, '/', registered_name, '/', enabled) from person"
                + " where id = ?", String.class, sanna)).isEqualTo("Sanna Nieminen/Sanna Nieminen/1");
        assertThat(jdbc.queryForObject("select requested_name from person where id = ?", String.class, kaisa))
                .isEqualTo("Kaisa Salo-Lindqvist");
        // Their own people they manage as before.
        assertThat(people.get(person("elina")).displayName()).isEqualTo("Elina Lindholm");
    }

    @Test
    @WithUserDetails(WELLBEING_ADMIN)
    void listing_as_an_organisation_admin_shows_none_of_another_organisations_people_teams_or_requests() {
        assertThat(people.page("", PageRequest.of(0, 100))).extracting(PersonSummary::email)
                .containsExactlyInAnyOrder("ville" + DemoWorld.DOMAIN, "elina" + DemoWorld.DOMAIN,
                        "matti" + DemoWorld.DOMAIN, "tiina" + DemoWorld.DOMAIN, "juha" + DemoWorld.DOMAIN);
        assertThat(people.page("sanna", PageRequest.of(0, 100))).isEmpty();
        assertThat(people.nameRequests(PageRequest.of(0, 100))).isEmpty();
        assertThat(people.countNameRequests()).isZero();
        assertThat(teams.page("", PageRequest.of(0, 100))).extracting(TeamSummary::name)
                .containsExactly("Family Support");
        assertThat(organisations.administered("", PageRequest.of(0, 100))).extracting(OrganisationSummary::name)
                .containsExactly("Aurajoki Wellbeing Services County");
        assertThatThrownBy(() -> people.choices(city(), "", PageRequest.of(0, 100)))
                .isInstanceOf(RecordNotFound.class);
    }

    @Test
    @WithUserDetails(WELLBEING_ADMIN)
    void an_organisation_admin_cannot_reach_another_organisations_team_or_pull_its_people_into_their_own() {
        long youth = team("Youth Services");
        assertThatThrownBy(() -> teams.get(youth)).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> teams.update(youth, "Taken over", Set.of(person("ville")), Set.of()))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> teams.create(city(), "A team in someone else's house"))
                .isInstanceOf(RecordNotFound.class);
        long family = team("Family Support");
        long sanna = person("sanna");
        // Making Sanna a member of their team would let them follow her progress: refused as if she did not exist.
        assertThatThrownBy(() -> teams.update(family, "Family Support", Set.of(), Set.of(person("elina"), sanna)))
                .isInstanceOf(RecordNotFound.class);
        assertThat(jdbc.queryForObject("select count(*) from team_member where team_id = ? and person_id = ?",
                Long.class, family, sanna)).isZero();
        assertThat(jdbc.queryForObject("select name from team where id = ?", String.class, youth))
                .isEqualTo("Youth Services");
    }

    @Test
    void an_organisation_admin_sees_and_revokes_only_their_own_organisations_invitations() {
        long cityInvitation = as(CITY_ADMIN, () -> invitations.create(city(), team("Youth Services"),
                Set.of(Role.LEARNER), "Nea Newcomer", null).id());
        as(WELLBEING_ADMIN, () -> {
            assertThatThrownBy(() -> invitations.create(city(), null, Set.of(Role.LEARNER), "Intruder", null))
                    .isInstanceOf(RecordNotFound.class);
            assertThat(invitations.page(PageRequest.of(0, 100))).extracting(InvitationSummary::id)
                    .doesNotContain(cityInvitation);
            assertThatThrownBy(() -> invitations.revoke(cityInvitation)).isInstanceOf(RecordNotFound.class);
            return null;
        });
        assertThat(jdbc.queryForObject("select revoked_at is null from invitation where id = ?", Boolean.class,
                cityInvitation)).isTrue();
        assertThat(as(CITY_ADMIN, () -> invitations.page(PageRequest.of(0, 100))))
                .extracting(InvitationSummary::id).contains(cityInvitation);
        assertThat(as(PLATFORM_ADMIN, () -> invitations.page(PageRequest.of(0, 100))))
                .extracting(InvitationSummary::id).contains(cityInvitation);
    }

    @Test
    @WithUserDetails(CITY_ADMIN)
    void an_organisation_admin_cannot_make_anyone_a_platform_admin_or_touch_one() {
        long sanna = person("sanna");
        long helena = person("admin");
        assertThatThrownBy(() -> people.update(sanna, "Sanna Nieminen", "sanna" + DemoWorld.DOMAIN,
                EnumSet.of(Role.LEARNER, Role.ADMIN))).isInstanceOf(InvalidInputException.class);
        long riikka = person("riikka");
        assertThatThrownBy(() -> people.update(riikka, "Riikka Järvinen", "riikka" + DemoWorld.DOMAIN,
                EnumSet.of(Role.ORG_ADMIN, Role.ADMIN))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> invitations.create(city(), null, Set.of(Role.ADMIN), "Shadow Admin", null))
                .isInstanceOf(InvalidInputException.class);
        // The platform admin belongs to the city too, but is not the city admin's to disable or rename.
        assertThatThrownBy(() -> people.disable(helena)).isInstanceOf(InvalidInputException.class);
        // Nor to rename on her certificates.
        assertThatThrownBy(() -> people.register(helena, "Someone Else")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> people.update(helena, "Helena Virtanen", "riikka-owns-this@example.org",
                EnumSet.of(Role.ADMIN))).isInstanceOf(InvalidInputException.class);
        assertThat(jdbc.queryForList("select p.email from person_role r join person p on p.id = r.person_id"
                + " where r.role = 'ADMIN'", String.class)).containsExactly(PLATFORM_ADMIN);
        assertThat(jdbc.queryForObject("select concat(enabled, '/', registered_name) from person where id = ?",
                String.class, helena)).isEqualTo("1/Helena Virtanen");
        assertThat(jdbc.queryForObject("select count(*) from invitation_role where role = 'ADMIN'", Long.class))
                .isZero();
        // Within their own organisation they hand out every other role, organisation admin included.
        people.update(sanna, "Sanna Nieminen", "sanna" + DemoWorld.DOMAIN, EnumSet.of(Role.LEARNER, Role.ORG_ADMIN));
        assertThat(people.get(sanna).roles()).containsExactlyInAnyOrder(Role.LEARNER, Role.ORG_ADMIN);
        assertThat(people.page("", PageRequest.of(0, 100))).extracting(PersonSummary::email)
                .contains("sanna" + DemoWorld.DOMAIN).doesNotContain("elina" + DemoWorld.DOMAIN);
    }

    @Test
    @WithUserDetails(CITY_ADMIN)
    void an_organisation_admin_neither_creates_nor_renames_organisations() {
        assertThatThrownBy(() -> organisations.create("Riikka's own organisation"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> organisations.rename(wellbeing(), "Renamed"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> organisations.page("", PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails(PLATFORM_ADMIN)
    void the_platform_admin_creates_organisations_and_reaches_every_one() {
        OrganisationSummary created = organisations.create("Aurajoki Fire and Rescue");
        assertThat(organisations.administered("", PageRequest.of(0, 100))).extracting(OrganisationSummary::name)
                .contains("City of Aurajoki Youth and Community Services", "Aurajoki Wellbeing Services County",
                        "Aurajoki Fire and Rescue");
        assertThat(teams.create(created.id(), "Crew A").organisationName()).isEqualTo("Aurajoki Fire and Rescue");
        assertThat(people.page("", PageRequest.of(0, 100))).extracting(PersonSummary::email)
                .contains("sanna" + DemoWorld.DOMAIN, "elina" + DemoWorld.DOMAIN);
        assertThat(teams.page("", PageRequest.of(0, 100))).extracting(TeamSummary::name)
                .contains("Youth Services", "Family Support", "Crew A");
        // Even the platform admin keeps a team to its own organisation's people.
        assertThatThrownBy(() -> teams.update(team("Family Support"), "Family Support", Set.of(),
                Set.of(person("sanna")))).isInstanceOf(RecordNotFound.class);
    }
}
