package org.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.encounter.base.RecordNotFound;
import org.encounter.learning.AssignmentService;
import org.encounter.learning.OrganisationAssignments;
import org.encounter.learning.OrganisationAssignments.Adoption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each organisation runs a shared module its own way: the city's organisation admin (Riikka) and the wellbeing
 * county's (Ville) assign "Walk in another's shoes", which the city shares with One Aurajoki, to their own teams with
 * their own due dates; neither sees nor touches the other's, and Northvale's admin (Nils), outside the partnership,
 * cannot assign it at all. Every call goes to the services. Rolled back.
 */
@EncounterTest
@Transactional
class OrganisationsRunSharedModulesTest extends ServiceTest {

    @Autowired OrganisationAssignments adoptions;
    @Autowired AssignmentService assignments;

    private static final String SHOES = "Walk in another's shoes";

    private long module(String title) {
        return jdbc.queryForObject("select id from module where title = ?", Long.class, title);
    }

    private long team(String name) {
        return jdbc.queryForObject("select id from team where name = ?", Long.class, name);
    }

    private int membersOf(String team) {
        return jdbc.queryForObject("select count(*) from team_member where team_id = ?", Integer.class, team(team));
    }

    private LocalDate dueOf(String who, long module) {
        return jdbc.queryForObject("select due_date from assignment where learner_id = ? and module_id = ?"
                + " and withdrawn_at is null", LocalDate.class, personId(who), module);
    }

    @Test
    void two_organisations_assign_the_same_shared_module_with_their_own_due_dates() {
        long shoes = module(SHOES);
        LocalDate cityDue = LocalDate.now().plusDays(30);
        LocalDate countyDue = LocalDate.now().plusDays(60);
        jdbc.update("delete from assignment where module_id = ?", shoes);

        var city = as("riikka", () -> adoptions.assignTeams(shoes, List.of(team("Youth Services")), cityDue));
        var county = as("ville", () -> adoptions.assignTeams(shoes, List.of(team("Family Support")), countyDue));

        // Everyone in each team, however many other tests have put there.
        assertThat(city.assigned()).isEqualTo(membersOf("Youth Services")).isPositive();
        assertThat(county.assigned()).isEqualTo(membersOf("Family Support")).isPositive();
        assertThat(dueOf("sanna", shoes)).isEqualTo(cityDue);
        assertThat(dueOf("elina", shoes)).isEqualTo(countyDue);
        // Each admin's figures are their own organisation's only.
        assertThat(as("ville", () -> adoptions.adoptions())).extracting(Adoption::title, Adoption::dueDate,
                Adoption::assigned).containsExactly(org.assertj.core.groups.Tuple.tuple(SHOES, countyDue,
                (long) membersOf("Family Support")));
        assertThat(as("riikka", () -> adoptions.adoptions())).extracting(Adoption::dueDate)
                .contains(cityDue).doesNotContain(countyDue);
        // Assigning again tells who already had it and assigns nobody twice.
        var again = as("ville", () -> adoptions.assignTeams(shoes, List.of(team("Family Support")), countyDue));
        assertThat(again.assigned()).isZero();
        assertThat(again.alreadyAssigned()).isEqualTo(membersOf("Family Support"));
    }

    @Test
    void an_organisation_admin_cannot_reach_another_organisations_teams_people_or_assignments() {
        long shoes = module(SHOES);
        LocalDate due = LocalDate.now().plusDays(30);
        assertThatThrownBy(() -> as("ville", () -> adoptions.assignTeams(shoes, List.of(team("Youth Services")), due)))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("ville", () -> assignments.assign(shoes, List.of(personId("sanna")), due)))
                .isInstanceOf(AccessDeniedException.class);
        as("ville", () -> adoptions.assignTeams(shoes, List.of(team("Family Support")), due));
        long elinas = jdbc.queryForObject("select id from assignment where learner_id = ? and module_id = ?"
                + " and withdrawn_at is null", Long.class, personId("elina"), shoes);
        assertThatThrownBy(() -> as("riikka", () -> assignments.withdraw(elinas)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("riikka", () -> assignments.changeDue(elinas, due)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_module_outside_the_organisations_catalogue_cannot_be_adopted() {
        // "See the whole person" is the city's and shared with no partnership: the county cannot take it.
        long whole = module("See the whole person");
        LocalDate due = LocalDate.now().plusDays(30);
        assertThatThrownBy(() -> as("ville", () -> adoptions.assignTeams(whole, List.of(team("Family Support")), due)))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("ville", () -> assignments.assign(whole, List.of(personId("matti")), due)))
                .isInstanceOf(RecordNotFound.class);
        assertThat(jdbc.queryForObject("select count(*) from assignment where module_id = ? and learner_id = ?",
                Long.class, whole, personId("matti"))).isZero();
    }
}
