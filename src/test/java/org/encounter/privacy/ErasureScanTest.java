package org.encounter.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.encounter.ServiceTest;
import org.encounter.TestClock;
import org.encounter.base.InvalidInputException;
import org.encounter.base.PersonalData.ErasureChoices;
import org.encounter.base.SystemAccess;
import org.encounter.authoring.ModuleService;
import org.encounter.identity.PrivacySubjects;
import org.encounter.learning.LearningService;
import org.encounter.learning.Sharing;
import org.encounter.sets.SetService;
import org.encounter.stories.StoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The promise of erasure, checked the hard way: a demo person who has done everything — authored, learned, shared,
 * written a story, joined a set and an exchange — is erased, and then every text column of every table is searched
 * for their names, their e-mail address and every free text they wrote. Nothing may be found. (Inside a transaction
 * that is rolled back, so the demo world stays as it was for the other tests.)
 */
@TestPropertySource(properties = "encounter.demo.learning=true")
class ErasureScanTest extends ServiceTest {

    /** Shorter texts ("Yes", a date) could be anyone's words. */
    private static final int SHORTEST_TEXT = 12;

    @Autowired
    private Erasures erasures;
    @Autowired
    private ErasureRunner runner;
    @Autowired
    private PrivacySubjects subjects;
    @Autowired
    private TestClock clock;
    @Autowired
    private ModuleService modules;
    @Autowired
    private LearningService learning;
    @Autowired
    private SetService sets;
    @Autowired
    private StoryService stories;
    @Autowired
    private PlatformTransactionManager transactions;

    @AfterEach
    void resetClock() {
        clock.reset();
        jdbc.update("update erasure_request set status = 'CANCELLED' where status = 'PENDING'");
    }

    @Test
    void after_erasure_no_text_column_of_any_table_holds_anything_of_the_person() {
        TransactionTemplate outer = new TransactionTemplate(transactions);
        outer.executeWithoutResult(status -> {
            status.setRollbackOnly();
            long kaisa = personId("kaisa");
            EverythingDone.makeOwn(jdbc, kaisa);
            doTheRest(kaisa);
            Map<String, Long> done = EverythingDone.counts(jdbc, kaisa);
            assertThat(done).as("what the person has done").allSatisfy((what, n) -> assertThat(n).as(what).isPositive());

            Set<String> needles = new LinkedHashSet<>(SystemAccess.run(() -> subjects.subject(kaisa)).orElseThrow()
                    .identifiers());
            needles.addAll(EverythingDone.words(jdbc, kaisa).stream().filter(w -> w.strip().length() >= SHORTEST_TEXT)
                    .map(String::strip).toList());
            assertThat(needles.size()).isGreaterThan(10);
            assertThat(scan(needles)).as("before erasure the scan finds them").isNotEmpty();

            // She asks to be credited as "a co-designer", keeps no anonymous story and accepts that her exchange ends.
            as("kaisa", () -> erasures.request(kaisa, new ErasureChoices(false, true, true)));
            clock.advance(Duration.ofDays(15));
            assertThat(runner.eraseDue()).as(() -> "the request: " + jdbc.queryForList(
                    "select status, due_at, last_failure, failures from erasure_request where person_id = ?", kaisa))
                    .isOne();

            assertThat(scan(needles)).as("columns still holding the erased person's words").isEmpty();
        });
    }

    /** Tuula and Aino's exchange is under way in the demo world. */
    @Test
    void erasing_during_an_open_exchange_needs_the_person_to_accept_that_it_ends() {
        long tuula = personId("tuula");
        assertThatThrownBy(() -> as("tuula", () -> erasures.request(tuula, new ErasureChoices(false, false, false))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().getFirst().messageKey())
                        .isEqualTo("privacy.erasure.open-exchange"));
        Erasures.Request request = as("tuula", () -> erasures.request(tuula, new ErasureChoices(false, false, true)));
        assertThat(request.choices().endOpenExchange()).isTrue();
        as("tuula", () -> erasures.cancel(request.id()));
    }

    /**
     * Kaisa has learned, curated, joined a set and an exchange in the demo world; here she also authors a module of her
     * own, shares an answer with a module's authors and her commitment with her set, and writes a story of change —
     * through the services, as she would on the screens.
     */
    private void doTheRest(long kaisa) {
        jdbc.update("insert into person_role (person_id, role) values (?, 'AUTHOR')", kaisa);
        as("kaisa", () -> modules.create("Kaisan oma moduuli kuuntelemisesta ensin", "fi"));
        long attempt = jdbc.queryForObject("""
                select a.id from attempt a join learning_set s on s.module_id = a.module_id
                  join learning_set_member m on m.set_id = s.id and m.person_id = a.learner_id
                 where a.learner_id = ? and a.status = 'COMPLETED' order by a.id limit 1""", Long.class, kaisa);
        long set = jdbc.queryForObject("""
                select s.id from learning_set s join learning_set_member m on m.set_id = s.id
                  join attempt a on a.module_id = s.module_id and a.learner_id = m.person_id
                 where a.id = ? limit 1""", Long.class, attempt);
        int position = jdbc.queryForObject("""
                select min(position) from attempt_step where attempt_id = ?
                   and coalesce(answer, tried, happened, learned, keep_doing) is not null""", Integer.class, attempt);
        as("kaisa", () -> learning.share(attempt, position, Sharing.SIGNED));
        List<Long> readers = jdbc.queryForList("""
                select person_id from learning_set_member where set_id = ? and person_id <> ?""", Long.class, set, kaisa);
        as("kaisa", () -> sets.share(set, readers));
        as("kaisa", () -> stories.submit(attempt, "Mitä nuorisovaltuusto opetti minulle kuuntelemisesta",
                "Kokeilin antaa nuorten puhua ensin koko kokouksen ajan.",
                "Kokous kesti pidempään, mutta päätökset pitivät paremmin.",
                "Opin, että hiljaisuus on työkalu eikä tyhjää aikaa.", false));
    }

    /** Every text column of every table, searched for every needle: "table.column ∋ needle" for each find. */
    private List<String> scan(Set<String> needles) {
        Map<String, List<String>> columns = new TreeMap<>();
        jdbc.query("""
                select table_name, column_name from information_schema.columns
                 where table_schema = database()
                   and data_type in ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'json')""",
                rs -> {
                    columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                });
        List<String> found = new ArrayList<>();
        columns.forEach((table, cols) -> cols.forEach(column -> {
            for (String needle : needles) {
                String like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                Long n = jdbc.queryForObject("select count(*) from `" + table + "` where `" + column + "` like ?",
                        Long.class, like);
                if (n != null && n > 0) {
                    found.add(table + "." + column + " ∋ " + abbreviate(needle));
                }
            }
        }));
        return found;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
