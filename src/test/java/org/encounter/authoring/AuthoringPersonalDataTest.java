package org.encounter.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.encounter.ExportKeys;
import org.encounter.RecordingExport;
import org.encounter.ServiceTest;
import org.encounter.base.PersonalData.ErasureChoices;
import org.encounter.base.SystemAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What authoring exports of a person and what erasure leaves of them. Every erasure here runs in a transaction that is
 * rolled back, so the demo world other tests read stays as it was.
 */
class AuthoringPersonalDataTest extends ServiceTest {

    private static final ErasureChoices AS_CO_DESIGNER = new ErasureChoices(false, true, false);
    private static final ErasureChoices AS_CHOSEN = new ErasureChoices(false, false, false);
    private static final String YOUTH_COUNCIL = "Young people of the Aurajoki Youth Council";

    @Autowired AuthoringPersonalData data;
    @Autowired PublishedModules published;
    @Autowired TransactionTemplate transactions;

    private long module(String title) {
        return jdbc.queryForObject("select id from module where title = ?", Long.class, title);
    }

    private String credits(String title) {
        return jdbc.queryForObject("select v.credits from module_version v join module m on m.latest_version_id = v.id"
                + " where m.title = ?", String.class, title);
    }

    private String content(String title) {
        return jdbc.queryForObject("select v.content from module_version v join module m on m.latest_version_id = v.id"
                + " where m.title = ?", String.class, title);
    }

    private void rolledBack(Consumer<TransactionStatus> work) {
        transactions.executeWithoutResult(status -> {
            try {
                work.accept(status);
            } finally {
                status.setRollbackOnly();
            }
        });
    }

    private void erase(String who, ErasureChoices choices) {
        SystemAccess.run(() -> {
            data.erase(personId(who), choices);
            return null;
        });
    }

    @Test
    void the_export_lists_the_authors_modules_credits_and_comments_and_nothing_others_wrote() throws Exception {
        var out = new RecordingExport();
        data.export(personId("noor"), out);

        // (Other tests may have made Noor a co-author of modules of their own: the demo's two are looked at.)
        assertThat(out.of("modules")).extracting(m -> m.get("title"))
                .contains("When our assumptions came tumbling down", "Waiting rooms");
        assertThat(out.of("modules")).filteredOn(m -> m.get("title").equals("When our assumptions came tumbling down"))
                .singleElement().satisfies(m -> {
                    assertThat(m.get("credit")).isEqualTo("Noor");
                    assertThat(m.get("owner")).isEqualTo(true);
                    assertThat(m.get("status")).isEqualTo("PUBLISHED");
                });
        assertThat(out.of("modules")).filteredOn(m -> m.get("title").equals("Waiting rooms"))
                .singleElement().satisfies(m -> assertThat(m.get("owner")).isEqualTo(false));
        assertThat(out.of("stepComments")).filteredOn(c -> c.get("module").equals("Nobody asked what I wanted"))
                .singleElement().satisfies(c -> {
                    assertThat(c.get("text")).isEqualTo("I would take this module myself. Short and honest.");
                    assertThat(c.get("createdAt")).isInstanceOf(Instant.class);
                });
        // The curators' comments on the same module are theirs; the module's own words are published work.
        assertThat(out.text()).doesNotContain("This is powerful").doesNotContain("trick question")
                .doesNotContain(DemoContent.ASSUMPTIONS_SUMMARY.substring(0, 40));
        // Kaisa published the module: her decisions are in her export, not in Noor's.
        var kaisa = new RecordingExport();
        data.export(personId("kaisa"), kaisa);
        assertThat(kaisa.of("reviewSteps")).extracting(t -> t.get("toStatus")).contains("PUBLISHED");
        assertThat(out.of("reviewSteps")).extracting(t -> t.get("toStatus")).contains("IN_REVIEW")
                .doesNotContain("PUBLISHED");
    }

    @Test
    void erasure_credits_a_co_designer_where_asked_in_the_published_versions_too_and_deletes_what_only_they_wrote() {
        long whole = module("See the whole person");
        long alone = module("Nobody asked what I wanted");
        assertThat(credits("See the whole person")).contains(YOUTH_COUNCIL);
        rolledBack(status -> {
            long version = jdbc.queryForObject("select latest_version_id from module where id = ?", Long.class, whole);
            assertThat(as("sanna", () -> published.version(version)).orElseThrow().credits())
                    .contains(YOUTH_COUNCIL); // now cached

            erase("eetu", AS_CO_DESIGNER);

            assertThat(jdbc.queryForObject("select credit from module_author where module_id = ? and person_id = ?",
                    String.class, whole, personId("eetu"))).isEqualTo("a co-designer");
            assertThat(credits("See the whole person")).isEqualTo("Emma, a co-designer");
            assertThat(content("See the whole person")).contains("\"credits\":[\"Emma\",\"a co-designer\"]")
                    .doesNotContain(YOUTH_COUNCIL);
            assertThat(as("sanna", () -> published.version(version)).orElseThrow().credits())
                    .containsExactly("Emma", "a co-designer");
            // Only he wrote it and no learner holds it: it goes, with the curators' comments on it.
            assertThat(jdbc.queryForObject("select count(*) from module where id = ?", Integer.class, alone)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from step_comment where module_id = ?", Integer.class,
                    alone)).isZero();
            assertNothingNames("Eetu");

            erase("eetu", AS_CO_DESIGNER); // again: nothing left to do, nothing breaks
            assertThat(credits("See the whole person")).isEqualTo("Emma, a co-designer");
            assertNothingNames("Eetu");
        });
        // Rolled back, and the learners' reader has forgotten what it read inside.
        assertThat(credits("See the whole person")).contains(YOUTH_COUNCIL);
        long version = jdbc.queryForObject("select latest_version_id from module where id = ?", Long.class, whole);
        assertThat(as("sanna", () -> published.version(version)).orElseThrow().credits()).contains(YOUTH_COUNCIL);
        assertThat(jdbc.queryForObject("select count(*) from module where id = ?", Integer.class, alone)).isOne();
    }

    @Test
    void erasure_in_the_modules_language_says_a_co_designer_in_that_language() {
        rolledBack(status -> {
            jdbc.update("update module set language = 'fi' where title = 'See the whole person'");
            jdbc.update("update module_version set language = 'fi' where module_id = ?", module("See the whole person"));
            erase("eetu", AS_CO_DESIGNER);
            assertThat(credits("See the whole person")).isEqualTo("Emma, yhteissuunnittelija");
        });
    }

    @Test
    void without_the_choice_the_credit_they_set_stays_even_their_own_name_and_old_versions_follow_it() {
        long whole = module("See the whole person");
        long shoes = module("Walk in another's shoes");
        long waiting = module("Waiting rooms");
        rolledBack(status -> {
            // Emma chose another credit on one module after it was published under her name.
            jdbc.update("update module_author set credit = 'E. of the youth council' where module_id = ? and person_id = ?",
                    shoes, personId("emma"));

            erase("emma", AS_CHOSEN);
            erase("eetu", AS_CHOSEN);

            assertThat(credits("See the whole person")).isEqualTo("Emma, " + YOUTH_COUNCIL);
            assertThat(jdbc.queryForObject("select credit from module_author where module_id = ? and person_id = ?",
                    String.class, whole, personId("emma"))).isEqualTo("Emma");
            assertThat(credits("Walk in another's shoes")).isEqualTo("Ruby, E. of the youth council");
            assertThat(content("Walk in another's shoes")).doesNotContain("\"Emma\"");
            // Her draft with co-authors stays; the co-author who joined first now owns it, and only they.
            assertThat(jdbc.queryForObject("select count(*) from module where id = ?", Integer.class, waiting)).isOne();
            long owner = jdbc.queryForObject("select owner_id from module where id = ?", Long.class, waiting);
            assertThat(owner).isIn(personId("noor"), personId("ruby"));
            assertThat(jdbc.queryForList("select person_id from module_author where module_id = ? and owner",
                    Long.class, waiting)).containsExactly(owner);
        });
    }

    @Test
    void erasure_removes_their_comments_notes_links_and_edits_and_keeps_what_others_wrote() {
        long review = module("Nobody asked what I wanted");
        long waiting = module("Waiting rooms");
        long noor = personId("noor");
        rolledBack(status -> {
            LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
            jdbc.update("insert into module_transition (module_id, from_status, to_status, actor_id, at, note)"
                    + " values (?, 'IN_REVIEW', 'CHANGES_REQUESTED', ?, ?, 'Noor says: shorten step two')",
                    review, noor, now);
            jdbc.update("insert into coauthor_invitation (token_hash, module_id, created_by_id, created_at, expires_at)"
                    + " values (repeat('a', 64), ?, ?, ?, ?)", waiting, noor, now, now.plusDays(14));
            jdbc.update("update module_step set updated_by_id = ? where module_id = ?", noor, waiting);
            jdbc.update("update module_share set shared_by = ? where shared_by = ?", noor, personId("kirsi"));

            erase("noor", AS_CO_DESIGNER);

            assertThat(jdbc.queryForObject("select count(*) from step_comment where author_id = ?", Integer.class,
                    noor)).isZero();
            assertThat(jdbc.queryForList("select body from step_comment where module_id = ?", String.class, review))
                    .hasSize(2).anyMatch(b -> b.startsWith("This is powerful"));
            assertThat(jdbc.queryForList("select note from module_transition where actor_id = ?", String.class, noor))
                    .isNotEmpty().containsOnlyNulls();
            assertThat(jdbc.queryForObject("select count(*) from coauthor_invitation where created_by_id = ?"
                    + " or used_by_id = ?", Integer.class, noor, noor)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from module_step where updated_by_id = ?", Integer.class,
                    noor)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from module_share where shared_by = ?", Integer.class,
                    noor)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from module_share", Integer.class)).isPositive();
            assertNothingNames("Noor");
        });
    }

    @Test
    void every_kind_and_field_of_the_export_reads_in_every_language() throws Exception {
        var out = new RecordingExport();
        data.export(personId("emma"), out);
        data.export(personId("kaisa"), out);
        data.export(personId("noor"), out);
        rolledBack(status -> {
            LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
            jdbc.update("insert into coauthor_invitation (token_hash, module_id, created_by_id, created_at, expires_at)"
                    + " values (repeat('b', 64), ?, ?, ?, ?)", module("Waiting rooms"), personId("emma"), now, now);
            try {
                data.export(personId("emma"), out);
                data.export(personId("kirsi"), out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(out.records).extracting(RecordingExport.Entry::kind).contains("modules", "stepComments",
                "reviewSteps", "coauthorLinks", "moduleShares");
        ExportKeys.assertTranslated(out);
    }

    /** No credit, comment, note or frozen credit line of authoring names the person any more. */
    private void assertNothingNames(String name) {
        Map<String, String> columns = Map.of("module_author", "credit", "module_version", "credits",
                "step_comment", "body", "module_transition", "note");
        columns.forEach((table, column) -> assertThat(jdbc.queryForList("select " + column + " from " + table
                + " where " + column + " like ?", String.class, "%" + name + "%")).as(table + "." + column).isEmpty());
        assertThat(jdbc.queryForList("select content from module_version where content like ?", String.class,
                "%\"credits\":[%\"" + name + "%")).as("module_version.content's credits").isEmpty();
        List<String> registered = jdbc.queryForList("select registered_name from person where display_name = ?",
                String.class, name);
        registered.forEach(r -> assertThat(jdbc.queryForObject("select count(*) from module_author where credit = ?",
                Integer.class, r)).isZero());
    }
}
