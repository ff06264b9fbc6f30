package org.encounter.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.encounter.ExportKeys;
import org.encounter.RecordingExport;
import org.encounter.ServiceTest;
import org.encounter.base.PersonalData.ErasureChoices;
import org.encounter.base.PersonalData.Retention;
import org.encounter.base.PersonalExport;
import org.encounter.base.SystemAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What learning exports of a person, what erasure leaves of them and what the retention period takes. The learning
 * written here goes straight into the tables inside a transaction that is rolled back, so the demo world stays as
 * it was for the other tests.
 */
class LearningPersonalDataTest extends ServiceTest {

    private static final ErasureChoices CHOICES = new ErasureChoices(false, true, false);
    private static final String WHOLE = "See the whole person";

    @Autowired LearningPersonalData data;
    @Autowired LearningService learning;
    @Autowired TransactionTemplate transactions;

    private void rolledBack(Consumer<TransactionStatus> work) {
        transactions.executeWithoutResult(status -> {
            try {
                work.accept(status);
            } finally {
                status.setRollbackOnly();
            }
        });
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private long module(String title) {
        return jdbc.queryForObject("select id from module where title = ?", Long.class, title);
    }

    /** One Aurajoki's induction pathway (the learning demo's, or one made here) with Kirsi as a starter. */
    private long pathwayWithKirsi() {
        long partnership = jdbc.queryForObject("select id from partnership where name = 'One Aurajoki'", Long.class);
        List<Long> existing = jdbc.queryForList("select id from pathway where partnership_id = ?", Long.class,
                partnership);
        long pathway;
        if (existing.isEmpty()) {
            jdbc.update("insert into pathway (partnership_id, name, due_days, updated_at) values (?,"
                    + " 'Working in Aurajoki''s public services', 30, ?)", partnership, utc(Instant.now()));
            pathway = jdbc.queryForObject("select last_insert_id()", Long.class);
            jdbc.update("insert into pathway_step (pathway_id, position, module_id) values (?, 0, ?)", pathway,
                    module("Walk in another's shoes"));
        } else {
            pathway = existing.getFirst();
        }
        jdbc.update("""
                insert ignore into pathway_starter (pathway_id, person_id, organisation_id, joined_on, due_date)
                select ?, id, organisation_id, ?, ? from person where id = ?""", pathway, LocalDate.now().minusDays(2),
                LocalDate.now().plusDays(28), personId("kirsi"));
        jdbc.update("delete from assignment where learner_id = ? and module_id = ?", personId("kirsi"),
                module("Walk in another's shoes"));
        jdbc.update("""
                insert into assignment (learner_id, module_id, assigned_by_id, pathway_id, due_date, created_at)
                values (?, ?, null, ?, ?, ?)""", personId("kirsi"), module("Walk in another's shoes"), pathway,
                LocalDate.now().plusDays(28), utc(Instant.now()));
        return pathway;
    }

    private void assign(String learner, String title, String by) {
        jdbc.update("delete from assignment where learner_id = ? and module_id = ?", personId(learner), module(title));
        jdbc.update("insert into assignment (learner_id, module_id, assigned_by_id, due_date, created_at)"
                + " values (?, ?, ?, ?, ?)", personId(learner), module(title), personId(by),
                LocalDate.now().plusDays(10), utc(Instant.now()));
    }

    private void feedback(long attempt, String comment, Long signedBy) {
        jdbc.update("""
                insert into module_feedback (attempt_id, module_id, version_id, rating, comment, signed_by_id, created_at)
                select id, module_id, version_id, 4, ?, ?, completed_at from attempt where id = ?""", comment,
                signedBy, attempt);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_export_holds_every_attempt_answer_rating_feedback_and_assignment_of_the_learner_and_nobody_elses() {
        rolledBack(status -> {
            long kirsi = personId("kirsi");
            long attempt = AttemptRows.completed(jdbc, kirsi, WHOLE, Instant.now().minus(Duration.ofDays(3)), "Kirsi-7f3");
            feedback(attempt, "Kirsi-7f3 feedback", kirsi);
            assign("kirsi", WHOLE, "riikka");
            pathwayWithKirsi();
            long jussi = AttemptRows.completed(jdbc, personId("jussi"), WHOLE, Instant.now(), "Jussi-c41");
            feedback(jussi, "Jussi-c41 feedback", null);

            var out = export(kirsi);

            assertThat(out.of("attempts")).filteredOn(a -> a.get("attempt").equals(attempt)).singleElement()
                    .satisfies(a -> {
                        assertThat(a.get("module")).isEqualTo(WHOLE);
                        assertThat(a.get("status")).isEqualTo("COMPLETED");
                        assertThat(a.get("action")).isEqualTo("Kirsi-7f3 action");
                        assertThat(a.get("completedAt")).isInstanceOf(Instant.class);
                        assertThat(a.get("answersRemovedAt")).isNull();
                    });
            assertThat(out.of("answers")).filteredOn(a -> a.get("attempt").equals(attempt)).hasSize(7)
                    .anySatisfy(a -> assertThat(a.get("answer")).isEqualTo("Kirsi-7f3 reflection"))
                    .anySatisfy(a -> {
                        assertThat(a.get("tried")).isEqualTo("Kirsi-7f3 tried");
                        assertThat(a.get("keepDoing")).isEqualTo("Kirsi-7f3 keep");
                        assertThat(a.get("step")).isEqualTo(6);
                    });
            assertThat(out.of("ratings")).filteredOn(r -> r.get("attempt").equals(attempt)).hasSize(2)
                    .allSatisfy(r -> assertThat((String) r.get("statement")).startsWith("I see the person"));
            assertThat(out.of("feedback")).anySatisfy(f -> {
                assertThat(f.get("comment")).isEqualTo("Kirsi-7f3 feedback");
                assertThat(f.get("signed")).isEqualTo(true);
            });
            assertThat(out.of("assignments")).anySatisfy(a -> {
                assertThat(a.get("module")).isEqualTo(WHOLE);
                assertThat(a.get("assignedBy")).isEqualTo("Riikka Järvinen");
            }).anySatisfy(a -> assertThat(a.get("pathway")).isEqualTo("Working in Aurajoki's public services"));
            assertThat(out.of("pathways")).singleElement().satisfies(p ->
                    assertThat((List<Object>) p.get("modules")).contains("Walk in another's shoes"));
            assertThat(out.text()).doesNotContain("Jussi-c41");
            ExportKeys.assertTranslated(out);
        });
    }

    @Test
    void a_thousand_attempts_export_page_by_page_as_they_are_read() {
        rolledBack(status -> {
            long kirsi = personId("kirsi");
            long version = jdbc.queryForObject("select latest_version_id from module where title = ?", Long.class,
                    WHOLE);
            jdbc.update("""
                    insert into attempt (learner_id, module_id, version_id, status, current_position, step_count,
                    started_at, last_activity_at, completed_at)
                    select ?, ?, ?, 'COMPLETED', 7, 7, now(6), now(6), now(6) from seq_1_to_1000""", kirsi,
                    module(WHOLE), version);
            jdbc.update("""
                    insert into attempt_step (attempt_id, position, answer, updated_at)
                    select a.id, s.seq, concat('Bulk answer ', a.id, '/', s.seq), now(6)
                    from attempt a join seq_0_to_4 s where a.learner_id = ?""", kirsi);
            Map<String, Integer> counts = new HashMap<>();
            try {
                data.export(kirsi, new PersonalExport() {
                    @Override
                    public void record(String kind, Object... fieldsAndValues) {
                        counts.merge(kind, 1, Integer::sum);
                    }

                    @Override
                    public OutputStream file(String name) {
                        return OutputStream.nullOutputStream();
                    }
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            int attempts = jdbc.queryForObject("select count(*) from attempt where learner_id = ?", Integer.class, kirsi);
            int answers = jdbc.queryForObject("select count(*) from attempt_step s join attempt a on a.id = s.attempt_id"
                    + " where a.learner_id = ?", Integer.class, kirsi);
            assertThat(attempts).isGreaterThanOrEqualTo(1000);
            assertThat(counts).containsEntry("attempts", attempts).containsEntry("answers", answers);
        });
    }

    @Test
    void erasure_leaves_completed_attempts_as_bare_facts_and_none_of_their_words_and_can_run_again() {
        rolledBack(status -> {
            long sanna = personId("sanna");
            long done = AttemptRows.completed(jdbc, sanna, WHOLE, Instant.now().minus(Duration.ofDays(30)), "Sanna-9e2");
            jdbc.update("update attempt_step set shared = 'SIGNED' where attempt_id = ? and position = 2", done);
            feedback(done, "Sanna-9e2 feedback", sanna);
            assign("sanna", "Walk in another's shoes", "mikko");
            jdbc.update("delete from attempt where learner_id = ? and status <> 'COMPLETED' and module_id = ?", sanna,
                    module("Walk in another's shoes"));
            jdbc.update("""
                    insert into attempt (learner_id, module_id, version_id, status, step_count, action_text, started_at,
                    last_activity_at) select ?, id, latest_version_id, 'IN_PROGRESS', 7, 'Sanna-9e2 open', now(6), now(6)
                    from module where title = 'Walk in another''s shoes'""", sanna);
            long open = jdbc.queryForObject("select last_insert_id()", Long.class);
            jdbc.update("insert into attempt_step (attempt_id, position, answer, updated_at) values (?, 2, 'Sanna-9e2 "
                    + "draft', now(6))", open);
            long jussi = AttemptRows.completed(jdbc, personId("jussi"), WHOLE, Instant.now(), "Jussi-5b8");
            // Feedback signed by Sanna on someone else's attempt (the app never makes it; erasure still finds it).
            feedback(jussi, "Sanna-9e2 signed elsewhere", sanna);
            int completed = jdbc.queryForObject("select count(*) from attempt where learner_id = ? and status ="
                    + " 'COMPLETED'", Integer.class, sanna);

            for (int run = 0; run < 2; run++) {
                SystemAccess.run(() -> {
                    data.erase(sanna, CHOICES);
                    return null;
                });
                assertThat(jdbc.queryForObject("select count(*) from attempt where learner_id = ? and status ="
                        + " 'COMPLETED'", Integer.class, sanna)).isEqualTo(completed);
                assertThat(jdbc.queryForObject("select count(*) from attempt where id = ?", Integer.class, open)).isZero();
                assertThat(jdbc.queryForList("""
                        select concat_ws('|', s.answer, s.tried, s.happened, s.learned, s.keep_doing, a.action_text)
                        from attempt a left join attempt_step s on s.attempt_id = a.id where a.learner_id = ?""",
                        String.class, sanna)).allSatisfy(words -> assertThat(words).matches("\\|*"));
                assertThat(jdbc.queryForObject("select count(*) from attempt_step s join attempt a on a.id ="
                        + " s.attempt_id where a.learner_id = ? and s.shared <> 'NONE'", Integer.class, sanna)).isZero();
                assertThat(jdbc.queryForObject("select count(*) from attempt_rating r join attempt a on a.id ="
                        + " r.attempt_id where a.learner_id = ?", Integer.class, sanna)).isZero();
                assertThat(jdbc.queryForObject("select count(*) from module_feedback f join attempt a on a.id ="
                        + " f.attempt_id where a.learner_id = ? and (f.comment is not null or f.signed_by_id is not null)",
                        Integer.class, sanna)).isZero();
                assertThat(jdbc.queryForObject("select count(*) from module_feedback where signed_by_id = ?",
                        Integer.class, sanna)).isZero();
                assertThat(jdbc.queryForObject("select count(*) from assignment where learner_id = ?", Integer.class,
                        sanna)).isZero();
                assertThat(jdbc.queryForObject("select count(*) from pathway_starter where person_id = ?",
                        Integer.class, sanna)).isZero();
                // Certificates name their attempt: each still has one.
                assertThat(jdbc.queryForObject("select count(*) from certificate c where c.learner_id = ? and"
                        + " c.attempt_id is not null and not exists (select 1 from attempt a where a.id = c.attempt_id)",
                        Integer.class, sanna)).isZero();
                for (String table : List.of("attempt_step", "attempt", "module_feedback")) {
                    assertThat(jdbc.queryForObject("select count(*) from " + table + " t where concat_ws('|', "
                            + textColumns(table) + ") like '%Sanna-9e2%'", Integer.class)).as(table).isZero();
                }
            }
            // Another learner's words, and Mikko's assignments to others, are theirs.
            assertThat(jdbc.queryForObject("select answer from attempt_step where attempt_id = ? and position = 2",
                    String.class, jussi)).isEqualTo("Jussi-5b8 reflection");
        });
    }

    private static String textColumns(String table) {
        return switch (table) {
            case "attempt_step" -> "t.answer, t.tried, t.happened, t.learned, t.keep_doing";
            case "attempt" -> "t.action_text";
            default -> "t.comment";
        };
    }

    @Test
    void the_retention_period_takes_the_private_answers_of_old_completed_attempts_and_leaves_recent_ones() {
        rolledBack(status -> {
            long sanna = personId("sanna");
            Instant now = Instant.now();
            long old = AttemptRows.completed(jdbc, sanna, WHOLE, now.minus(Duration.ofDays(800)), "Old-31a");
            jdbc.update("update attempt_step set shared = 'ANONYMOUS' where attempt_id = ? and position = 5", old);
            long recent = AttemptRows.completed(jdbc, sanna, WHOLE, now.minus(Duration.ofDays(20)), "Recent-31a");

            Map<String, Integer> removed = SystemAccess.run(() ->
                    data.applyRetention(new Retention(now.minus(Duration.ofDays(730)))));

            assertThat(removed.get("privateAnswers")).isPositive();
            assertThat(jdbc.queryForObject("select answer from attempt_step where attempt_id = ? and position = 2",
                    String.class, old)).isEmpty();
            assertThat(jdbc.queryForObject("select action_text from attempt where id = ?", String.class, old)).isEmpty();
            // Shared with the authors: theirs to read until the learner stops sharing or is erased.
            assertThat(jdbc.queryForObject("select tried from attempt_step where attempt_id = ? and position = 5",
                    String.class, old)).isEqualTo("Old-31a tried");
            assertThat(jdbc.queryForObject("select answer from attempt_step where attempt_id = ? and position = 2",
                    String.class, recent)).isEqualTo("Recent-31a reflection");
            assertThat(jdbc.queryForObject("select action_text from attempt where id = ?", String.class, recent))
                    .isEqualTo("Recent-31a action");

            // The learner still opens the old attempt: it says when its answers went, and shows none of them.
            PlayerState player = as("sanna", () -> learning.player(old));
            assertThat(player.status()).isEqualTo(AttemptStatus.COMPLETED);
            assertThat(player.answersRemovedAt()).isNotNull();
            assertThat(player.steps().get(2).answer().answer()).isEmpty();
            assertThat(player.steps()).allSatisfy(s -> assertThat(s.completed()).isTrue());
            assertThat(as("sanna", () -> learning.player(recent)).answersRemovedAt()).isNull();

            assertThat(SystemAccess.run(() -> data.applyRetention(new Retention(now.minus(Duration.ofDays(730))))))
                    .containsEntry("privateAnswers", 0);
        });
    }

    @Test
    void no_retention_period_set_removes_nothing() {
        assertThat(data.applyRetention(new Retention(null))).containsEntry("privateAnswers", 0);
    }

    private RecordingExport export(long personId) {
        var out = new RecordingExport();
        try {
            data.export(personId, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }
}
