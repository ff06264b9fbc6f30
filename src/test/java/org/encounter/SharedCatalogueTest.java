package org.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.encounter.authoring.ModuleSharing;
import org.encounter.authoring.ModuleSummary;
import org.encounter.authoring.ReviewService;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.encounter.identity.PartnershipService;
import org.encounter.learning.CatalogueEntry;
import org.encounter.learning.LearningService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.junit.jupiter.api.AfterEach;

/**
 * The shared catalogue, played by the people of the demo world: the city hosts the published modules and shares two
 * with One Aurajoki; Elina of the wellbeing services county (a member) sees the third only once the partnership
 * shares it too; Nils of
 * Northvale District Council, outside the partnership, never does. Every call goes to the services, and commits
 * (starting a module runs transactions of its own); afterwards the demo world is put back as it was.
 */
@EncounterTest
class SharedCatalogueTest extends ServiceTest {

    @Autowired ModuleSharing sharing;
    @Autowired LearningService learning;
    @Autowired ReviewService review;
    @Autowired PartnershipService partnerships;

    private static final PageRequest ALL = PageRequest.of(0, 50);
    /** The city's module that the demo world does not share (it shares the other two with One Aurajoki). */
    private static final String WHOLE = "See the whole person";

    private long module(String title) {
        return jdbc.queryForObject("select id from module where title = ?", Long.class, title);
    }

    private long oneAurajoki() {
        return jdbc.queryForObject("select id from partnership where name = 'One Aurajoki'", Long.class);
    }

    private long organisation(String name) {
        return jdbc.queryForObject("select id from organisation where name = ?", Long.class, name);
    }

    private List<String> catalogueOf(String who) {
        return as(who, () -> learning.catalogue(null, null, null, null, false, ALL)).stream()
                .map(e -> e.module().title()).toList();
    }

    @AfterEach
    void putTheDemoWorldBack() {
        jdbc.update("delete from module_share where module_id = ?", module(WHOLE));
        jdbc.update("update module_share set ended_at = null where ended_at is not null");
        jdbc.update("delete from attempt where learner_id = ?", personId("elina"));
        jdbc.update("update partnership_member set left_at = null where left_at is not null");
        jdbc.update("delete from partnership_coordinator where person_id = ?", personId("ville"));
        jdbc.update("insert ignore into partnership_coordinator (partnership_id, person_id) values (?, ?)",
                oneAurajoki(), personId("kirsi"));
        jdbc.update("delete from person_role where role = 'CURATOR' and person_id in (?, ?)", personId("elina"),
                personId("nils"));
    }

    private void makeCurator(String who) {
        jdbc.update("insert into person_role (person_id, role) values (?, 'CURATOR')", personId(who));
    }

    @Test
    void a_module_belongs_to_the_organisation_of_the_author_who_started_it() {
        assertThat(jdbc.queryForList("select distinct o.name from module m join organisation o on o.id = m.organisation_id",
                String.class)).containsExactly("City of Aurajoki Youth and Community Services");
    }

    @Test
    void another_organisation_sees_a_module_only_once_its_partnership_shares_it_and_is_told_where_it_comes_from() {
        long whole = module(WHOLE);
        assertThat(catalogueOf("sanna")).contains(WHOLE, "Walk in another's shoes");
        assertThat(catalogueOf("elina")).containsExactly("Walk in another's shoes",
                "When our assumptions came tumbling down");
        assertThatThrownBy(() -> as("elina", () -> learning.start(whole))).isInstanceOf(RecordNotFound.class);

        as("kirsi", () -> sharing.share(whole, oneAurajoki()));

        List<CatalogueEntry> elinas = as("elina", () -> learning.catalogue(WHOLE, null, null, null, false, ALL));
        assertThat(elinas).extracting(e -> e.module().title()).containsExactly(WHOLE);
        assertThat(elinas.get(0).module().host()).isEqualTo("City of Aurajoki Youth and Community Services");
        assertThat(elinas.get(0).module().sharedThrough()).containsExactly("One Aurajoki");
        assertThat(as("elina", () -> learning.start(whole))).isPositive();
        // The city's own learners see it as their own organisation's.
        CatalogueEntry sannas = as("sanna", () -> learning.catalogue(WHOLE, null, null, null, false, ALL)).get(0);
        assertThat(sannas.module().sharedThrough()).isEmpty();
        // Northvale stands outside the partnership: nothing of it reaches Nils.
        assertThat(catalogueOf("nils")).isEmpty();
        assertThatThrownBy(() -> as("nils", () -> learning.start(whole))).isInstanceOf(RecordNotFound.class);
    }

    @Test
    void an_outsider_or_another_organisations_admin_cannot_share_and_a_learner_may_not_try() {
        long whole = module(WHOLE);
        long partnership = oneAurajoki();
        // Northvale's admin is in no partnership with the city: the partnership is "not found".
        assertThatThrownBy(() -> as("nils", () -> sharing.share(whole, partnership))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("nils", () -> sharing.shared(partnership))).isInstanceOf(RecordNotFound.class);
        // The wellbeing county's admin shares into One Aurajoki, but only the county's own modules.
        assertThatThrownBy(() -> as("ville", () -> sharing.share(whole, partnership))).isInstanceOf(RecordNotFound.class);
        assertThat(as("ville", () -> sharing.shareable(partnership, ""))).isEmpty();
        // The city's admin shares the city's.
        assertThat(as("riikka", () -> sharing.shareable(partnership, ""))).extracting(ModuleSharing.SharedModule::title)
                .contains(WHOLE);
        as("riikka", () -> sharing.share(whole, partnership));
        assertThat(as("kirsi", () -> sharing.shared(partnership))).extracting(ModuleSharing.SharedModule::title)
                .containsExactlyInAnyOrder(WHOLE, "Walk in another's shoes", "When our assumptions came tumbling down");
        assertThatThrownBy(() -> as("sanna", () -> sharing.share(whole, partnership)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_draft_or_a_module_in_review_cannot_be_shared() {
        for (String title : List.of("Waiting rooms", "Nobody asked what I wanted")) {
            assertThatThrownBy(() -> as("kirsi", () -> sharing.share(module(title), oneAurajoki())))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("sharing.published-only");
        }
        assertThat(as("kirsi", () -> sharing.shareable(oneAurajoki(), ""))).extracting(ModuleSharing.SharedModule::title)
                .doesNotContain("Waiting rooms", "Nobody asked what I wanted");
    }

    @Test
    void leaving_the_partnership_ends_future_learning_through_it_and_keeps_what_was_learned() {
        long whole = module(WHOLE);
        as("kirsi", () -> sharing.share(whole, oneAurajoki()));
        long attempt = as("elina", () -> learning.start(whole));

        as("kirsi", () -> partnerships.removeMember(oneAurajoki(),
                organisation("Aurajoki Wellbeing Services County")));

        assertThat(catalogueOf("elina")).isEmpty();
        // The attempt under way goes on; nothing of it was removed.
        assertThat(as("elina", () -> learning.start(whole))).isEqualTo(attempt);
        assertThat(jdbc.queryForObject("select count(*) from attempt where id = ?", Long.class, attempt)).isEqualTo(1);
        // The city's learners still have their own module.
        assertThat(catalogueOf("sanna")).contains(WHOLE);
    }

    @Test
    void an_organisation_that_leaves_takes_its_modules_out_of_the_partnerships_catalogue() {
        long whole = module(WHOLE);
        as("kirsi", () -> sharing.share(whole, oneAurajoki()));
        long city = organisation("City of Aurajoki Youth and Community Services");
        // Kirsi is of the city; the platform admin takes the city out.
        jdbc.update("insert into partnership_coordinator (partnership_id, person_id) values (?, ?)", oneAurajoki(),
                personId("ville"));
        as("admin", () -> partnerships.removeMember(oneAurajoki(), city));
        assertThat(catalogueOf("elina")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from module_share where ended_at is null", Long.class)).isZero();
    }

    @Test
    void a_curator_panel_is_drawn_from_across_the_partnership_and_never_from_outside_it() {
        long waiting = module("Nobody asked what I wanted");
        makeCurator("elina");
        makeCurator("nils");
        assertThat(as("elina", () -> review.queue(ALL))).extracting(ModuleSummary::title)
                .contains("Nobody asked what I wanted");
        assertThat(as("nils", () -> review.queue(ALL))).isEmpty();
        assertThatThrownBy(() -> as("nils", () -> review.comments(waiting))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("nils", () -> review.comment(waiting, null, "Looks fine")))
                .isInstanceOf(RecordNotFound.class);
    }
}
