package org.encounter.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.encounter.EncounterTest;
import org.encounter.ServiceTest;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.encounter.identity.InvitationService;
import org.encounter.identity.PartnershipService;
import org.encounter.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;

/**
 * The induction pathway, played by the demo world's people against the services, committing as the application does
 * (joining runs a transaction of its own after the account's): Kirsi defines One Aurajoki's pathway from the two
 * modules it shares; people then join the wellbeing services county and the city (members) and Northvale (outside).
 * Afterwards the demo world is put back as it was.
 */
@EncounterTest
class InductionPathwayTest extends ServiceTest {

    private static final String PASSWORD = "blue kettle on the windowsill";
    private static final String PATH = "Working in Aurajoki's public services";

    @Autowired PathwayService pathways;
    @Autowired StarterService starters;
    @Autowired InductionService induction;
    @Autowired InvitationService invitations;
    @Autowired PartnershipService partnerships;

    private long module(String title) {
        return jdbc.queryForObject("select id from module where title = ?", Long.class, title);
    }

    private long oneAurajoki() {
        return jdbc.queryForObject("select id from partnership where name = 'One Aurajoki'", Long.class);
    }

    private long organisation(String name) {
        return jdbc.queryForObject("select id from organisation where name = ?", Long.class, name);
    }

    private List<Long> shared() {
        return List.of(module("Walk in another's shoes"), module("When our assumptions came tumbling down"));
    }

    /** An admin of the organisation invites a learner, who sets up their account: they join. */
    private long join(String admin, String organisation, String email, String name) {
        long org = organisation(organisation);
        String link = as(admin, () -> invitations.create(org, null, Set.of(Role.LEARNER), name, null)).link();
        return invitations.accept(link.substring(link.lastIndexOf('/') + 1), name, email, PASSWORD, "en");
    }

    @AfterEach
    void putTheDemoWorldBack() {
        jdbc.update("delete from invitation where registered_name like 'Starter %'");
        for (long id : jdbc.queryForList("select id from person where email like 'starter-%'", Long.class)) {
            jdbc.update("delete from notification where person_id = ?", id);
            jdbc.update("delete from assignment where learner_id = ?", id);
            jdbc.update("delete from person where id = ?", id);
        }
        jdbc.update("delete from pathway");
        jdbc.update("update module_share set ended_at = null where ended_at is not null");
        jdbc.update("delete from partnership_coordinator where partnership_id in"
                + " (select id from partnership where name = 'Northvale Circle')");
        jdbc.update("delete from partnership_member where partnership_id in"
                + " (select id from partnership where name = 'Northvale Circle')");
        jdbc.update("delete from partnership where name = 'Northvale Circle'");
    }

    @Test
    void a_person_joining_a_member_organisation_gets_the_pathway_and_one_joining_an_outsider_does_not() {
        as("kirsi", () -> pathways.save(oneAurajoki(), PATH, shared(), 30));

        long pia = join("ville", "Aurajoki Wellbeing Services County", "starter-pia@example.org", "Starter Pia");
        long sam = join("nils", "Northvale District Council", "starter-sam@example.org", "Starter Sam");

        assertThat(jdbc.queryForList("select module_id from assignment where learner_id = ? and pathway_id is not null"
                + " and assigned_by_id is null and withdrawn_at is null order by due_date", Long.class, pia))
                .containsExactlyElementsOf(shared());
        // Step 1 of 2 is due half way through the 30 days, step 2 at the end.
        assertThat(jdbc.queryForList("select datediff(due_date, date(created_at)) from assignment where learner_id = ?"
                + " order by due_date", Integer.class, pia)).containsExactly(15, 30);
        assertThat(jdbc.queryForObject("select count(*) from assignment where learner_id = ?", Integer.class, sam))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from pathway_starter where person_id = ?", Integer.class, sam))
                .isZero();
        // Pia's own list says where each module stands on her path.
        var mine = as("starter-pia@example.org", () -> induction.mine());
        assertThat(mine.get(shared().get(0))).isEqualTo(new InductionService.InductionStep(PATH, 1, 2));
        assertThat(mine.get(shared().get(1))).isEqualTo(new InductionService.InductionStep(PATH, 2, 2));
        assertThat(as("starter-sam@example.org", () -> induction.mine())).isEmpty();
        // Told as for any assignment.
        assertThat(jdbc.queryForObject("select count(*) from notification where person_id = ? and kind = 'assigned'",
                Integer.class, pia)).isEqualTo(2);
    }

    @Test
    void a_step_the_partnership_no_longer_shares_is_not_assigned_to_later_starters() {
        as("kirsi", () -> pathways.save(oneAurajoki(), PATH, shared(), 30));
        jdbc.update("update module_share set ended_at = now(6) where module_id = ?", shared().get(1));

        long pia = join("ville", "Aurajoki Wellbeing Services County", "starter-pia@example.org", "Starter Pia");

        assertThat(jdbc.queryForList("select module_id from assignment where learner_id = ?", Long.class, pia))
                .containsExactly(shared().get(0));
        // The coordinator is shown which step is no longer shared, and may not save the path as it was.
        assertThat(as("kirsi", () -> pathways.pathway(oneAurajoki()))).get()
                .extracting(d -> d.steps().stream().map(PathwayService.Step::shared).toList())
                .isEqualTo(List.of(true, false));
        assertThatThrownBy(() -> as("kirsi", () -> pathways.save(oneAurajoki(), PATH, shared(), 30)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void each_organisation_admin_sees_only_their_own_starters_and_the_coordinator_only_counts() {
        as("kirsi", () -> pathways.save(oneAurajoki(), PATH, shared(), 30));
        join("ville", "Aurajoki Wellbeing Services County", "starter-pia@example.org", "Starter Pia");
        join("riikka", "City of Aurajoki Youth and Community Services", "starter-cal@example.org", "Starter Cal");

        assertThat(as("riikka", () -> starters.page(PageRequest.of(0, 20)))).extracting(StarterService.Starter::name)
                .containsExactly("Starter Cal");
        assertThat(as("ville", () -> starters.page(PageRequest.of(0, 20)))).extracting(StarterService.Starter::name)
                .containsExactly("Starter Pia");
        assertThat(as("nils", () -> starters.page(PageRequest.of(0, 20)))).isEmpty();
        StarterService.Starter cal = as("riikka", () -> starters.page(PageRequest.of(0, 20))).getFirst();
        assertThat(cal.done()).isZero();
        assertThat(cal.steps()).isEqualTo(2);
        assertThat(cal.overdue()).isFalse();
        assertThat(cal.pathway()).isEqualTo(PATH);

        List<PathwayService.OrganisationProgress> counts = as("kirsi", () -> pathways.progress(oneAurajoki()));
        assertThat(counts).extracting(PathwayService.OrganisationProgress::organisation).containsExactly(
                "Aurajoki Police Department", "Aurajoki Wellbeing Services County", "Aurajoki Youth Council",
                "City of Aurajoki Youth and Community Services");
        assertThat(counts).extracting(PathwayService.OrganisationProgress::starters).containsExactly(0, 1, 0, 1);
        assertThat(counts).extracting(PathwayService.OrganisationProgress::onTrack).containsExactly(0, 1, 0, 1);
        // The coordinator's figures carry no person's name, whatever field a later change might add.
        assertThat(counts.toString()).doesNotContain("Pia", "Cal", "Starter");
        // Learners, managers and organisation admins do not manage pathways.
        assertThatThrownBy(() -> as("riikka", () -> pathways.progress(oneAurajoki())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("starter-cal@example.org", () -> starters.page(PageRequest.of(0, 20))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_coordinator_cannot_read_or_change_another_partnerships_pathway() {
        long circle = as("admin", () -> partnerships.create("Northvale Circle", personId("nils"))).id();
        // The circle shares nothing, so even the platform admin cannot put One Aurajoki's modules on its pathway; its
        // pathway is made here as the database would hold it.
        assertThatThrownBy(() -> as("admin", () -> pathways.save(circle, "Working in Northvale", shared(), 20)))
                .isInstanceOf(InvalidInputException.class);
        jdbc.update("insert into pathway (partnership_id, name, due_days, updated_at) values (?, 'Northvale way', 10,"
                + " now(6))", circle);

        assertThatThrownBy(() -> as("kirsi", () -> pathways.pathway(circle))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("kirsi", () -> pathways.progress(circle))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("kirsi", () -> pathways.choices(circle))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("kirsi", () -> pathways.save(circle, "Taken over", shared(), 10)))
                .isInstanceOf(RecordNotFound.class);
        assertThat(as("kirsi", () -> pathways.partnerships())).extracting(PathwayService.PartnershipChoice::name)
                .containsExactly("One Aurajoki");
        assertThat(jdbc.queryForObject("select name from pathway where partnership_id = ?", String.class, circle))
                .isEqualTo("Northvale way");
        assertThat(as("nils", () -> pathways.pathway(circle))).get().extracting(PathwayService.Detail::name)
                .isEqualTo("Northvale way");
    }

    @Test
    void a_module_the_partnership_does_not_share_or_a_draft_cannot_be_on_its_pathway() {
        long notShared = module("See the whole person");
        long draft = jdbc.queryForObject("select min(id) from module where status = 'DRAFT'", Long.class);
        for (long refused : new long[] {notShared, draft}) {
            assertThatThrownBy(() -> as("kirsi", () -> pathways.save(oneAurajoki(), PATH,
                    List.of(shared().get(0), refused), 30)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .anySatisfy(error -> assertThat(error.messageKey()).isEqualTo("pathway.shared-only")));
        }
        assertThat(jdbc.queryForObject("select count(*) from pathway", Integer.class)).isZero();

        as("kirsi", () -> pathways.save(oneAurajoki(), PATH, shared().reversed(), 30));
        assertThat(as("kirsi", () -> pathways.pathway(oneAurajoki()))).get()
                .extracting(d -> d.steps().stream().map(PathwayService.Step::moduleId).toList())
                .isEqualTo(shared().reversed());
    }
}
