package org.encounter.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.encounter.EncounterTest;
import org.encounter.ServiceTest;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partnerships, played as the people who would try to overstep them: the demo world's "One Aurajoki" (the city, the
 * wellbeing services county, the police and the youth council, coordinated by Kirsi of the city) and Northvale
 * District Council outside it (admin Nils). Every call goes to the service, as an attacker's would. Rolled back.
 */
@EncounterTest
@Transactional
class PartnershipsTest extends ServiceTest {

    @Autowired PartnershipService partnerships;
    @Autowired OrganisationScope scope;
    @Autowired UserDetailsService users;
    @Autowired jakarta.persistence.EntityManager entities;

    private static final PageRequest ALL = PageRequest.of(0, 50);

    private long organisation(String name) {
        return jdbc.queryForObject("select id from organisation where name = ?", Long.class, name);
    }

    private long oneAurajoki() {
        return jdbc.queryForObject("select id from partnership where name = 'One Aurajoki'", Long.class);
    }

    private long city() {
        return organisation("City of Aurajoki Youth and Community Services");
    }

    private long northvale() {
        return organisation("Northvale District Council");
    }

    private long currentMembers(long partnership) {
        entities.flush();
        return jdbc.queryForObject("select count(*) from partnership_member where partnership_id = ? and left_at is null",
                Long.class, partnership);
    }

    /** Another partnership, of Northvale, coordinated by its admin Nils: none of Kirsi's business. */
    private long northvaleCircle() {
        return as("admin", () -> partnerships.create("Northvale Learning Circle", personId("nils"))).id();
    }

    @Test
    void the_demo_partnership_has_four_organisations_and_a_coordinator_and_northvale_is_outside_it() {
        var detail = as("kirsi", () -> partnerships.detail(oneAurajoki()));
        assertThat(detail.members()).extracting(OrganisationSummary::name).containsExactly(
                "Aurajoki Police Department", "Aurajoki Wellbeing Services County", "Aurajoki Youth Council",
                "City of Aurajoki Youth and Community Services");
        assertThat(detail.coordinators()).extracting(PersonRef::displayName).containsExactly("Kirsi Lahtinen");
        assertThat(as("kirsi", () -> scope.partners())).hasSize(4).doesNotContain(northvale());
        assertThat(as("nils", () -> scope.partners())).containsExactly(northvale());
        assertThat(users.loadUserByUsername("kirsi" + DOMAIN).getAuthorities())
                .extracting(Object::toString).contains("ROLE_COORDINATOR");
        assertThat(users.loadUserByUsername("riikka" + DOMAIN).getAuthorities())
                .extracting(Object::toString).doesNotContain("ROLE_COORDINATOR");
    }

    @Test
    void a_coordinator_cannot_see_or_change_another_partnership_by_its_id() {
        long other = northvaleCircle();
        long city = city();
        assertThat(as("kirsi", () -> partnerships.page("", ALL))).extracting(PartnershipSummary::name)
                .containsExactly("One Aurajoki");
        assertThatThrownBy(() -> as("kirsi", () -> partnerships.detail(other))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("kirsi", () -> partnerships.candidates(other, "", ALL)))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("kirsi", () -> partnerships.coordinatorChoices(other, "", ALL)))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("kirsi", () -> partnerships.addMember(other, city)))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("kirsi", () -> partnerships.addCoordinator(other, personId("kirsi"))))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("kirsi", () -> partnerships.removeCoordinator(other, personId("nils"))))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("kirsi", () -> partnerships.removeMember(other, northvale())))
                .isInstanceOf(RecordNotFound.class);
        assertThat(currentMembers(other)).isEqualTo(1);
        entities.flush();
        assertThat(jdbc.queryForObject("select count(*) from partnership_coordinator where partnership_id = ?",
                Long.class, other)).isEqualTo(1);
    }

    @Test
    void a_coordinator_cannot_start_a_partnership_of_their_own() {
        assertThatThrownBy(() -> as("kirsi", () -> partnerships.create("Kirsi's circle", personId("kirsi"))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_organisation_admin_or_plain_staff_cannot_add_their_organisation_to_a_partnership() {
        long partnership = oneAurajoki();
        long northvale = northvale();
        assertThatThrownBy(() -> as("nils", () -> partnerships.addMember(partnership, northvale)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("riikka", () -> partnerships.removeMember(partnership, city())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("sanna", () -> partnerships.addMember(partnership, northvale)))
                .isInstanceOf(AccessDeniedException.class);
        // Ville's organisation is a member, but he is not a coordinator: he cannot make himself one.
        assertThatThrownBy(() -> as("ville", () -> partnerships.addCoordinator(partnership, personId("ville"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(currentMembers(partnership)).isEqualTo(4);
        assertThat(as("nils", () -> scope.coordinated().partnerships())).isEmpty();
        assertThat(as("riikka", () -> scope.joinable().organisations())).isEmpty();
    }

    @Test
    void a_coordinator_is_neither_offered_nor_able_to_add_an_organisation_outside_their_partnerships() {
        long partnership = oneAurajoki();
        long northvale = northvale();
        assertThat(as("kirsi", () -> partnerships.candidates(partnership, "", ALL))).isEmpty();
        assertThatThrownBy(() -> as("kirsi", () -> partnerships.addMember(partnership, northvale)))
                .isInstanceOf(RecordNotFound.class);
        assertThat(currentMembers(partnership)).isEqualTo(4);
        // The platform admin, acting on Northvale's agreement, may bring it in.
        assertThat(as("admin", () -> partnerships.candidates(partnership, "", ALL)))
                .extracting(OrganisationSummary::id).contains(northvale);
        as("admin", () -> partnerships.addMember(partnership, northvale));
        assertThat(currentMembers(partnership)).isEqualTo(5);
        assertThat(as("kirsi", () -> scope.partners())).contains(northvale);
    }

    @Test
    void a_coordinator_can_appoint_only_people_of_member_organisations() {
        long partnership = oneAurajoki();
        assertThat(as("kirsi", () -> partnerships.coordinatorChoices(partnership, "", ALL)))
                .extracting(PersonRef::displayName).contains("Ville Aaltonen", "Sanna Nieminen")
                .doesNotContain("Nils Berg");
        assertThatThrownBy(() -> as("kirsi", () -> partnerships.addCoordinator(partnership, personId("nils"))))
                .isInstanceOf(RecordNotFound.class);
        as("kirsi", () -> partnerships.addCoordinator(partnership, personId("ville")));
        assertThat(as("ville", () -> partnerships.detail(partnership).coordinators()))
                .extracting(PersonRef::displayName).containsExactly("Kirsi Lahtinen", "Ville Aaltonen");
        as("ville", () -> partnerships.removeCoordinator(partnership, personId("kirsi")));
        assertThatThrownBy(() -> as("ville", () -> partnerships.removeCoordinator(partnership, personId("ville"))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(as("kirsi", () -> scope.coordinated().partnerships())).isEmpty();
    }

    @Test
    void an_organisation_that_leaves_keeps_its_history_takes_its_coordinators_and_may_be_brought_back() {
        long partnership = oneAurajoki();
        long wellbeing = organisation("Aurajoki Wellbeing Services County");
        as("kirsi", () -> partnerships.addCoordinator(partnership, personId("ville")));
        as("kirsi", () -> partnerships.removeMember(partnership, wellbeing));
        entities.flush();
        assertThat(jdbc.queryForObject("select count(*) from partnership_member where partnership_id = ?"
                + " and organisation_id = ? and left_at is not null", Long.class, partnership, wellbeing)).isEqualTo(1);
        assertThat(as("kirsi", () -> partnerships.detail(partnership)).coordinators())
                .extracting(PersonRef::displayName).containsExactly("Kirsi Lahtinen");
        assertThat(as("ville", () -> scope.coordinated().partnerships())).isEmpty();
        assertThat(as("ville", () -> scope.partners())).containsExactly(wellbeing);
        // A former member may be brought back by the coordinator: a new membership, the old one kept.
        assertThat(as("kirsi", () -> partnerships.candidates(partnership, "", ALL)))
                .extracting(OrganisationSummary::id).containsExactly(wellbeing);
        as("kirsi", () -> partnerships.addMember(partnership, wellbeing));
        assertThat(jdbc.queryForObject("select count(*) from partnership_member where partnership_id = ?"
                + " and organisation_id = ?", Long.class, partnership, wellbeing)).isEqualTo(2);
        assertThatThrownBy(() -> as("kirsi", () -> partnerships.addMember(partnership, wellbeing)))
                .isInstanceOf(InvalidInputException.class);
        // The last coordinator's organisation cannot leave.
        assertThatThrownBy(() -> as("kirsi", () -> partnerships.removeMember(partnership, city())))
                .isInstanceOf(InvalidInputException.class);
        assertThat(currentMembers(partnership)).isEqualTo(4);
    }

    @Test
    void the_platform_admin_creates_a_partnership_whose_first_coordinator_runs_it() {
        var created = as("admin", () -> partnerships.create("Aurajoki Family Circle", personId("ville")));
        assertThat(users.loadUserByUsername("ville" + DOMAIN).getAuthorities())
                .extracting(Object::toString).contains("ROLE_COORDINATOR");
        assertThat(as("ville", () -> partnerships.detail(created.id())).members())
                .extracting(OrganisationSummary::name).containsExactly("Aurajoki Wellbeing Services County");
        assertThatThrownBy(() -> as("admin", () -> partnerships.create("one aurajoki", personId("ville"))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(as("admin", () -> partnerships.page("", ALL))).extracting(PartnershipSummary::name)
                .containsExactly("Aurajoki Family Circle", "One Aurajoki");
    }
}
