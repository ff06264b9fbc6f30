package org.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.encounter.authoring.ReviewService;
import org.encounter.base.RecordNotFound;
import org.encounter.certificates.CertificateService;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.PersonRef;
import org.encounter.identity.Role;
import org.encounter.learning.LearningService;
import org.encounter.notifications.NotificationService;
import org.encounter.progress.TeamProgressService;
import org.encounter.sets.SetService;
import org.encounter.stories.StoryService;
import org.encounter.stories.StoryView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nothing crosses between organisations except what partnerships allow, played by one person of each side holding
 * every role a person of an organisation can hold: Nils of Northvale District Council (outside One Aurajoki) and
 * Elina of the wellbeing county (inside it), against the city's year of demo learning. They ask every feature's
 * lists and records as an attacker would, by service call and by id. Rolled back.
 */
@EncounterTest
@Transactional
@TestPropertySource(properties = "encounter.demo.learning=true")
class OrganisationBoundariesTest extends ServiceTest {

    @Autowired LearningService learning;
    @Autowired ReviewService review;
    @Autowired StoryService stories;
    @Autowired PersonDirectory directory;
    @Autowired TeamProgressService teamProgress;
    @Autowired SetService sets;
    @Autowired CertificateService certificates;
    @Autowired NotificationService notifications;

    private static final PageRequest ALL = PageRequest.of(0, 50);

    /** Nils and Elina are given every role a person may hold in an organisation, to try every door. */
    @BeforeEach
    void everyRole() {
        for (String who : List.of("nils", "elina")) {
            for (Role role : List.of(Role.LEARNER, Role.AUTHOR, Role.CURATOR, Role.FACILITATOR, Role.MANAGER)) {
                jdbc.update("insert ignore into person_role (person_id, role) values (?, ?)", personId(who), role.name());
            }
        }
        anApprovedStoryOfTheCitysOwnModule();
    }

    /**
     * Sanna turns her report back on the city's own "See the whole person" (shared with no partnership) into a named
     * story, and Noor approves it: the demo world has no stories of its own, and this test must not lean on another
     * test's.
     */
    private void anApprovedStoryOfTheCitysOwnModule() {
        long attempt = jdbc.queryForObject("select min(a.id) from attempt a join module m on m.id = a.module_id"
                + " where a.learner_id = ? and m.title = 'See the whole person' and a.status = 'COMPLETED'",
                Long.class, personId("sanna"));
        as("sanna", () -> stories.submit(attempt, "Reading the person first", "I asked before I read the file.",
                "She told me what mattered.", "Ask first.", false));
        StoryView waiting = as("noor", () -> stories.waiting()).stream()
                .filter(s -> s.title().equals("Reading the person first")).findFirst().orElseThrow();
        as("noor", () -> stories.approve(waiting.id(), waiting.revision()));
    }

    private long module(String title) {
        return jdbc.queryForObject("select id from module where title = ?", Long.class, title);
    }

    private long sannasAttempt() {
        return jdbc.queryForObject("select min(id) from attempt where learner_id = ?", Long.class, personId("sanna"));
    }

    @Test
    void the_outside_organisation_meets_nothing_of_the_partnership_in_any_list() {
        assertThat(as("nils", () -> learning.catalogue(null, null, null, null, false, ALL))).isEmpty();
        assertThat(as("nils", () -> review.queue(ALL))).isEmpty();
        assertThat(as("nils", () -> stories.approved(null, null))).isEmpty();
        assertThat(as("nils", () -> stories.waiting())).isEmpty();
        assertThat(as("nils", () -> directory.pickable("Sanna", Role.LEARNER, 10))).isEmpty();
        assertThat(as("nils", () -> directory.pickable("Kirsi", Role.LEARNER, 10))).isEmpty();
        assertThat(as("nils", () -> teamProgress.myTeams())).isEmpty();
        assertThat(as("nils", () -> sets.mine())).isEmpty();
        assertThat(as("nils", () -> certificates.mine())).isEmpty();
        assertThat(as("nils", () -> notifications.mine(50))).isEmpty();
        // ... while the city's own people meet their organisation's year of learning.
        assertThat(as("sanna", () -> stories.approved(null, null))).isNotEmpty();
        assertThat(as("tuula", () -> directory.pickable("Sanna", Role.LEARNER, 10))).extracting(PersonRef::displayName)
                .contains("Sanna Nieminen");
    }

    @Test
    void the_outside_organisation_asking_by_id_gets_not_found_or_is_refused() {
        long whole = module("See the whole person");
        long waiting = module("Nobody asked what I wanted");
        long attempt = sannasAttempt();
        assertThatThrownBy(() -> as("nils", () -> learning.start(whole))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("nils", () -> learning.player(attempt))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("nils", () -> review.comments(waiting))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("nils", () -> teamProgress.progress(
                jdbc.queryForObject("select id from team where name = 'Youth Services'", Long.class),
                org.encounter.progress.ProgressFilter.ALL))).isInstanceOf(RecordNotFound.class);
        long story = jdbc.queryForObject("select max(id) from story", Long.class);
        assertThatThrownBy(() -> as("nils", () -> stories.approve(story, 0))).isInstanceOf(RecordNotFound.class);
    }

    @Test
    void a_partner_organisation_meets_only_what_the_partnership_shares() {
        // The city shares two modules with One Aurajoki; its "See the whole person" stays the city's own.
        assertThat(as("elina", () -> learning.catalogue(null, null, null, null, false, ALL)))
                .extracting(e -> e.module().title())
                .containsExactly("Walk in another's shoes", "When our assumptions came tumbling down");
        List<StoryView> seen = as("elina", () -> stories.approved(null, null));
        assertThat(seen).extracting(StoryView::moduleTitle).doesNotContain("See the whole person");
        assertThat(as("sanna", () -> stories.approved(null, null))).extracting(StoryView::moduleTitle)
                .contains("See the whole person");
        assertThat(as("elina", () -> review.queue(ALL))).extracting(s -> s.title())
                .containsExactly("Nobody asked what I wanted");
        assertThat(as("elina", () -> teamProgress.myTeams())).isEmpty();
        assertThatThrownBy(() -> as("elina", () -> learning.player(sannasAttempt())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as("elina", () -> certificates.mine())).isEmpty();
    }
}
