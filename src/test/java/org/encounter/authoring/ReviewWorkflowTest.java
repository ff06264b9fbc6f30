package org.encounter.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.encounter.ServiceTest;
import org.encounter.base.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Who is told what in review (in the app and by e-mail), what waits for whom, and who may delete a draft. */
class ReviewWorkflowTest extends ServiceTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(2525, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    /** Every table that holds a part of a module, with the column naming it. */
    private static final Map<String, String> MODULE_PARTS = Map.of("module", "id", "module_step", "module_id",
            "module_author", "module_id", "module_transition", "module_id", "step_comment", "module_id",
            "coauthor_invitation", "module_id", "module_image", "module_id");

    @Autowired ModuleService modules;
    @Autowired ReviewService review;
    @Autowired ReviewInbox inbox;
    @Autowired CoAuthorService coAuthors;
    @Autowired ImageService images;

    @TempDir Path dir;

    /** A complete module by Emma with Noor (an author who is also a curator) as co-author, ready for review. */
    private long readyModule(String title) {
        long id = as("emma", () -> modules.create(title, "en"));
        as("emma", () -> {
            modules.updateDetails(id, null, new ModuleDetails(title, "Being asked only about problems.",
                    "Youth workers", 20, "en", List.of("listening"), List.of("I see the whole person.")));
            StepView story = modules.addStep(id, StepType.STORY);
            modules.updateStep(story.id(), story.version(), new StepContent(StepType.STORY, "My first meeting",
                    "They read my file before they looked at me.", null, null, null, null, null, List.of()));
            StepView reflect = modules.addStep(id, StepType.REFLECTION);
            modules.updateStep(reflect.id(), reflect.version(), new StepContent(StepType.REFLECTION, null,
                    "When did you last read a file first?", null, null, null, null, null, List.of()));
            coAuthors.addExisting(id, personId("noor"));
        });
        return id;
    }

    private String seen(String who, long id) {
        return as(who, () -> modules.draft(id)).revision();
    }

    /** The people told about one occurrence (kind and ref), by login. */
    private Set<String> told(String kind, String ref) {
        return Set.copyOf(jdbc.queryForList("select substring_index(p.email, '@', 1) from notification n"
                + " join person p on p.id = n.person_id where n.kind = ? and n.ref = ?", String.class, kind, ref));
    }

    private long lastTransition(long id, String to) {
        return jdbc.queryForObject("select max(id) from module_transition where module_id = ? and to_status = ?",
                Long.class, id, to);
    }

    private long lastComment(long id) {
        return jdbc.queryForObject("select max(id) from step_comment where module_id = ?", Long.class, id);
    }

    @Test
    void the_panel_told_is_drawn_from_the_host_organisation_and_its_partners_and_never_from_outside() {
        // Elina (the wellbeing county, a partner of the city in One Aurajoki) and Nils (Northvale, outside it) curate.
        String curators = "insert into person_role (person_id, role) values (?, 'CURATOR')";
        jdbc.update(curators, personId("elina"));
        jdbc.update(curators, personId("nils"));
        try {
            long id = readyModule("Told across the partnership");
            as("emma", () -> review.submit(id));
            String ref = "transition:" + lastTransition(id, "IN_REVIEW");
            assertThat(told("module-submitted", ref)).containsExactlyInAnyOrder("tuula", "kaisa", "elina");
            assertThat(as("nils", () -> inbox.forCurator(5)).count()).isZero();
            assertThat(as("elina", () -> inbox.forCurator(5)).first()).extracting(ModuleSummary::title)
                    .contains("Told across the partnership");
        } finally {
            jdbc.update("delete from person_role where role = 'CURATOR' and person_id in (?, ?)", personId("elina"),
                    personId("nils"));
        }
    }

    @Test
    void sending_for_review_tells_every_curator_in_the_app_and_by_mail_but_never_its_own_authors() throws Exception {
        long id = readyModule("Told to the panel");
        as("emma", () -> review.submit(id));
        String ref = "transition:" + lastTransition(id, "IN_REVIEW");

        // The panel is Tuula, Kaisa and Noor; Noor co-wrote it, so she is not asked to review it.
        assertThat(told("module-submitted", ref)).containsExactlyInAnyOrder("tuula", "kaisa");
        Map<String, Object> row = jdbc.queryForMap("select n.message_key, n.args, n.link from notification n"
                + " join person p on p.id = n.person_id where p.email = ? and n.ref = ?", "kaisa" + DOMAIN, ref);
        assertThat(row).containsEntry("message_key", "notify.module-submitted").containsEntry("args", "Told to the panel")
                .containsEntry("link", "review/" + id);
        // Kaisa reads Finnish: her e-mail says it in Finnish, with the link to the module.
        assertThat(java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals("kaisa" + DOMAIN);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).map(ReviewWorkflowTest::text).toList()).anyMatch(body -> body.contains("Told to the panel")
                && body.contains("arvioitavaksi") && body.contains("/review/" + id));

        // Sent again after changes: a new occurrence, told again.
        as("kaisa", () -> review.requestChanges(id, "Say how it ended.", seen("kaisa", id)));
        as("emma", () -> review.submit(id));
        String again = "transition:" + lastTransition(id, "IN_REVIEW");
        assertThat(again).isNotEqualTo(ref);
        assertThat(told("module-submitted", again)).containsExactlyInAnyOrder("tuula", "kaisa");
    }

    @Test
    void changes_asked_comments_and_publishing_tell_each_author_but_not_the_one_who_acted() {
        long id = readyModule("Told to the authors");
        as("emma", () -> review.submit(id));
        long step = as("emma", () -> modules.draft(id)).steps().getFirst().id();

        as("kaisa", () -> review.comment(id, step, "How did the meeting end?"));
        String kaisasComment = "comment:" + lastComment(id);
        assertThat(told("module-comment", kaisasComment)).containsExactlyInAnyOrder("emma", "noor");
        assertThat(jdbc.queryForObject("select args from notification where ref = ? limit 1", String.class,
                kaisasComment)).isEqualTo("Told to the authors\u001FKaisa Salo");

        as("kaisa", () -> review.requestChanges(id, "Please add how it ended.", seen("kaisa", id)));
        String asked = "transition:" + lastTransition(id, "CHANGES_REQUESTED");
        assertThat(told("module-changes-requested", asked)).containsExactlyInAnyOrder("emma", "noor");
        assertThat(jdbc.queryForList("select distinct link from notification where ref = ?", String.class, asked))
                .containsExactly("authoring/" + id);

        // An author's reply tells the other author, not herself (and the curators are not authors).
        as("emma", () -> review.comment(id, step, "Added a sentence."));
        assertThat(told("module-comment", "comment:" + lastComment(id))).containsExactly("noor");

        as("emma", () -> review.submit(id));
        int number = as("tuula", () -> review.publish(id, seen("tuula", id)));
        long version = jdbc.queryForObject("select latest_version_id from module where id = ?", Long.class, id);
        assertThat(told("module-published", "version:" + version)).containsExactlyInAnyOrder("emma", "noor");
        assertThat(jdbc.queryForObject("select args from notification where ref = ? limit 1", String.class,
                "version:" + version)).isEqualTo("Told to the authors\u001F" + number);
        // Nobody outside the module's authors heard of the publication.
        assertThat(jdbc.queryForObject("select count(*) from notification where kind = 'module-published' and ref = ?",
                Integer.class, "version:" + version)).isEqualTo(2);
    }

    @Test
    void a_curators_home_counts_the_modules_waiting_for_her_but_not_her_own_and_an_author_sees_what_waits_for_her() {
        long id = readyModule("Waiting for someone");
        long before = as("kaisa", () -> inbox.forCurator(5)).count();
        long noorsBefore = as("noor", () -> inbox.forCurator(5)).count();
        as("emma", () -> review.submit(id));
        assertThat(as("kaisa", () -> inbox.forCurator(100)).count()).isEqualTo(before + 1);
        assertThat(as("kaisa", () -> inbox.forCurator(100)).first()).extracting(ModuleSummary::id).contains(id);
        // Noor co-wrote it: it does not wait for her.
        assertThat(as("noor", () -> inbox.forCurator(100)).count()).isEqualTo(noorsBefore);
        assertThat(as("noor", () -> inbox.forCurator(100)).first()).extracting(ModuleSummary::id).doesNotContain(id);
        // Her queue agrees with her home page; Kaisa's lists it.
        var page = org.springframework.data.domain.PageRequest.of(0, 100);
        assertThat(as("noor", () -> review.queue(page))).extracting(ModuleSummary::id).doesNotContain(id);
        assertThat(as("kaisa", () -> review.queue(page))).extracting(ModuleSummary::id).contains(id);
        assertThatThrownBy(() -> as("emma", () -> inbox.forCurator(5))).isInstanceOf(AccessDeniedException.class);

        // Nothing waits for Emma while the curators read.
        assertThat(as("emma", () -> inbox.forAuthor())).extracting(AuthorWaiting::moduleId).doesNotContain(id);
        long step = as("emma", () -> modules.draft(id)).steps().getFirst().id();
        as("kaisa", () -> review.comment(id, step, "One question."));
        as("tuula", () -> review.comment(id, null, "And one more."));
        assertThat(as("emma", () -> inbox.forAuthor())).contains(new AuthorWaiting(id, "Waiting for someone", false, 2));
        as("kaisa", () -> review.requestChanges(id, "Please answer.", seen("kaisa", id)));
        assertThat(as("emma", () -> inbox.forAuthor())).contains(new AuthorWaiting(id, "Waiting for someone", true, 2));
        // Her reply answers what came before it; the changes are still asked for until she sends it again.
        as("emma", () -> review.comment(id, step, "Answered."));
        assertThat(as("emma", () -> inbox.forAuthor())).contains(new AuthorWaiting(id, "Waiting for someone", true, 0));
        // Noor has not answered: Emma's reply is new for her too.
        assertThat(as("noor", () -> inbox.forAuthor())).contains(new AuthorWaiting(id, "Waiting for someone", true, 3));
        as("emma", () -> review.submit(id));
        assertThat(as("emma", () -> inbox.forAuthor())).extracting(AuthorWaiting::moduleId).doesNotContain(id);
        // Sending it again answers what came before, even without a reply.
        as("kaisa", () -> review.comment(id, null, "Last thing."));
        assertThat(as("emma", () -> inbox.forAuthor())).contains(new AuthorWaiting(id, "Waiting for someone", false, 1));
        as("kaisa", () -> review.requestChanges(id, "See my last comment.", seen("kaisa", id)));
        as("emma", () -> review.submit(id));
        assertThat(as("emma", () -> inbox.forAuthor())).extracting(AuthorWaiting::moduleId).doesNotContain(id);
    }

    @Test
    void the_owner_deletes_a_draft_that_was_never_published_with_everything_it_holds() throws Exception {
        long id = readyModule("Gone for good");
        Path png = dir.resolve("cover.png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        as("emma", () -> {
            modules.setCover(id, images.upload(id, png));
            coAuthors.createLink(id);
            review.comment(id, null, "A note to Noor.");
            review.submit(id);
        });
        as("kaisa", () -> review.requestChanges(id, "Not yet.", seen("kaisa", id)));
        Map<String, Integer> before = parts(id);
        assertThat(before).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
        int versions = jdbc.queryForObject("select count(*) from module_version", Integer.class);

        as("emma", () -> modules.deleteDraft(id));

        assertThat(parts(id)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(jdbc.queryForObject("select count(*) from module_version", Integer.class)).isEqualTo(versions);
        assertThat(as("emma", () -> modules.myModules())).extracting(ModuleSummary::id).doesNotContain(id);
    }

    @Test
    void a_co_author_a_stranger_or_a_module_in_review_or_once_published_is_refused_and_nothing_changes() {
        long id = readyModule("Not yours to delete");
        Map<String, Integer> before = parts(id);

        assertThatThrownBy(() -> as("noor", () -> modules.deleteDraft(id))).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.errors().getFirst().messageKey())
                        .isEqualTo("module.delete.owner-only"));
        assertThatThrownBy(() -> as("ruby", () -> modules.deleteDraft(id))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("kaisa", () -> modules.deleteDraft(id))).isInstanceOf(AccessDeniedException.class);
        assertThat(parts(id)).isEqualTo(before);

        as("emma", () -> review.submit(id));
        before = parts(id);
        assertThatThrownBy(() -> as("emma", () -> modules.deleteDraft(id))).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.errors().getFirst().messageKey())
                        .isEqualTo("module.delete.in-review"));
        assertThat(parts(id)).isEqualTo(before);

        // Published, then a new draft started: learners may hold the published version, so it stays.
        as("tuula", () -> review.publish(id, seen("tuula", id)));
        as("emma", () -> review.startNewDraft(id));
        assertThat(jdbc.queryForObject("select status from module where id = ?", String.class, id)).isEqualTo("DRAFT");
        before = parts(id);
        assertThatThrownBy(() -> as("emma", () -> modules.deleteDraft(id))).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.errors().getFirst().messageKey())
                        .isEqualTo("module.delete.published"));
        assertThat(parts(id)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from module_version where module_id = ?", Integer.class, id))
                .isEqualTo(1);
    }

    private static String text(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Integer> parts(long id) {
        Map<String, Integer> rows = new TreeMap<>();
        MODULE_PARTS.forEach((table, column) -> rows.put(table, jdbc.queryForObject(
                "select count(*) from " + table + " where " + column + " = ?", Integer.class, id)));
        return rows;
    }
}
