package org.encounter.learning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.encounter.authoring.PublishedModule;
import org.encounter.authoring.PublishedModules;
import org.encounter.authoring.StepContent;
import org.encounter.base.PersonalData;
import org.encounter.base.PersonalExport;
import org.encounter.base.SystemAccess;
import org.encounter.identity.PersonDirectory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What learning holds about a person: their attempts and every word they wrote in them, their ratings, the feedback
 * they gave, what was assigned to them and the induction pathways they were given.
 *
 * <p>Erasure keeps a completed attempt as a bare fact (module, version, dates, status, no word of the learner's):
 * a certificate names its attempt (certificate.attempt_id) and a story of change hangs on it (story.attempt_id, ON
 * DELETE CASCADE: deleting the attempt would take an anonymous story the person chose to keep). Open attempts hold
 * nothing anyone else needs, so they go. The tallies are released aggregates and stay as they are.
 */
@Component
class LearningPersonalData implements PersonalData {

    static final int PAGE = 200;
    /** Attempts whose answers are read at once: each has at most Limits.MAX_STEPS answers. */
    static final int ANSWER_PAGE = 20;
    /** The retention job blanks answers this many attempts at a time, so no statement locks a whole year at once. */
    static final int RETENTION_BATCH = 500;

    /** Blanks every text column of attempt_step that holds words; '' where there were words, so the row still says the
     *  step was answered (a report back is the step whose {@code tried} is not null). */
    private static final String BLANK_STEP = "s.answer = if(s.answer is null, null, ''), s.tried = if(s.tried is null, "
            + "null, ''), s.happened = if(s.happened is null, null, ''), s.learned = if(s.learned is null, null, ''), "
            + "s.keep_doing = if(s.keep_doing is null, null, '')";

    private final NamedParameterJdbcTemplate sql;
    private final PublishedModules published;
    private final PersonDirectory directory;
    private final Clock clock;

    LearningPersonalData(NamedParameterJdbcTemplate sql, PublishedModules published, PersonDirectory directory,
                         Clock clock) {
        this.sql = sql;
        this.published = published;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "learning";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(
                Holding.of("attempt", "Each module a person takes: when, how far, and the action they planned. After "
                        + "erasure a completed attempt stays without a word of theirs (certificates and stories refer "
                        + "to it); an open one is deleted.", Treatment.ANONYMISED, "learner_id", "action_text"),
                Holding.codes("attempt", "status"),
                Holding.of("attempt_step", "The learner's answers at each step (reflection, report back), private "
                        + "unless they share one with the module's authors. Blanked on erasure, and once the "
                        + "retention period after completion has passed (what they shared with the authors stays "
                        + "until erasure).", Treatment.ANONYMISED, "answer", "tried", "happened", "learned",
                        "keep_doing"),
                Holding.codes("attempt_step", "shared"),
                Holding.of("attempt_rating", "How true the module's impact statements were for the learner, at the "
                        + "start and at report back; counted into the released impact figures at completion.",
                        Treatment.DELETED, "attempt_id", "rating"),
                Holding.codes("attempt_rating", "phase"),
                Holding.of("assignment", "Modules a manager or an induction pathway asked the person to take, and "
                        + "by when.", Treatment.DELETED, "learner_id"),
                Holding.of("assignment", "Who assigned a module to someone else: an erased manager's assignments "
                        + "stay with their learners, pointing at the anonymised person.", Treatment.KEPT,
                        "assigned_by_id"),
                Holding.of("module_feedback", "A learner's rating and comment for a module's authors, signed or "
                        + "anonymous. On erasure the comment and signature go; the bare rating stays for the authors.",
                        Treatment.ANONYMISED, "comment", "signed_by_id"),
                Holding.of("pathway", "A partnership's induction pathway: its name is the partnership's, not a "
                        + "person's.", Treatment.NOT_PERSONAL, "name"),
                Holding.of("pathway_step", "The modules of an induction pathway.", Treatment.NOT_PERSONAL,
                        "module_id"),
                Holding.of("pathway_starter", "A new starter given a partnership's induction pathway, and when.",
                        Treatment.DELETED, "person_id"),
                Holding.of("completion_tally", "Completions per month, for everyone: a released aggregate that "
                        + "names nobody.", Treatment.KEPT, "month", "completions"),
                Holding.of("organisation_completion_tally", "Completions per organisation, module and month: a "
                        + "released aggregate that names nobody.", Treatment.KEPT, "month", "completions"));
        // (impact_tally and action_tally went in V16: impact is released by the progress feature, in cohorts.)
    }

    @Override
    public void export(long personId, PersonalExport out) throws IOException {
        try {
            SystemAccess.run(() -> {
                try {
                    new Export(personId, out).run();
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void erase(long personId, ErasureChoices choices) {
        MapSqlParameterSource p = new MapSqlParameterSource("person", personId)
                .addValue("now", utc(clock.instant()));
        // Open attempts: nothing refers to them (certificates and stories come after completion); their steps and
        // ratings go with them (ON DELETE CASCADE).
        sql.update("delete from attempt where learner_id = :person and status <> 'COMPLETED'", p);
        sql.update("update attempt_step s join attempt a on a.id = s.attempt_id set " + BLANK_STEP
                + ", s.shared = 'NONE' where a.learner_id = :person", p);
        sql.update("delete r from attempt_rating r join attempt a on a.id = r.attempt_id where a.learner_id = :person",
                p);
        sql.update("""
                update module_feedback f join attempt a on a.id = f.attempt_id set f.comment = null,
                f.signed_by_id = null where a.learner_id = :person""", p);
        // Feedback they signed on anyone else's attempt (giveFeedback signs with the attempt's own learner, so there
        // is normally none). Found by a plain read, not by an UPDATE: signed_by_id has no index, and an UPDATE's scan
        // would lock every feedback row under REPEATABLE READ, so nobody could give feedback until the erasure ends
        // (bench/RESULTS.md, the privacy benchmark).
        List<Long> signed = sql.queryForList("select id from module_feedback where signed_by_id = :person", p,
                Long.class);
        if (!signed.isEmpty()) {
            sql.update("update module_feedback set comment = null, signed_by_id = null where id in (:ids)",
                    new MapSqlParameterSource("ids", signed));
        }
        sql.update("""
                update attempt set action_text = if(action_text is null, null, ''),
                answers_removed_at = coalesce(answers_removed_at, :now) where learner_id = :person""", p);
        sql.update("delete from assignment where learner_id = :person", p);
        sql.update("delete from pathway_starter where person_id = :person", p);
    }

    /**
     * Blanks the private answers of attempts completed before the cut-off: the reflections and report backs the
     * learner did not share with the authors, and the action they planned. What they shared with the authors stays
     * (they gave it away; erasure takes it back). Copies other features made (a story of change, a set's notes) are
     * those features' to keep or not. Returns how many attempts lost their answers.
     */
    @Override
    public Map<String, Integer> applyRetention(Retention retention) {
        if (retention.privateAnswersCompletedBefore() == null) {
            return Map.of("privateAnswers", 0);
        }
        MapSqlParameterSource p = new MapSqlParameterSource("before", utc(retention.privateAnswersCompletedBefore()))
                .addValue("now", utc(clock.instant())).addValue("limit", RETENTION_BATCH);
        int removed = 0;
        while (true) {
            List<Long> ids = sql.queryForList("""
                    select id from attempt where answers_removed_at is null and status = 'COMPLETED'
                    and completed_at < :before order by id limit :limit""", p, Long.class);
            if (ids.isEmpty()) {
                return Map.of("privateAnswers", removed);
            }
            MapSqlParameterSource batch = new MapSqlParameterSource("ids", ids).addValue("now", p.getValue("now"));
            sql.update("update attempt_step s set " + BLANK_STEP + " where s.attempt_id in (:ids) and s.shared = 'NONE'",
                    batch);
            sql.update("""
                    update attempt set action_text = if(action_text is null, null, ''), answers_removed_at = :now
                    where id in (:ids)""", batch);
            removed += ids.size();
        }
    }

    /** One export: pages of {@link #PAGE} rows by key, each kind after the other, the modules' words looked up once. */
    private final class Export {

        private final long personId;
        private final PersonalExport out;
        /** The few published versions met recently (their title, step headings and statements): a bounded cache. */
        private final Map<Long, PublishedModule> versions = new LinkedHashMap<>(32, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, PublishedModule> eldest) {
                return size() > 50;
            }
        };

        Export(long personId, PersonalExport out) {
            this.personId = personId;
            this.out = out;
        }

        void run() throws IOException {
            attempts();
            answers();
            ratings();
            feedback();
            assignments();
            pathways();
        }

        private void attempts() throws IOException {
            long after = 0;
            while (true) {
                List<Object[]> page = sql.query("""
                        select id, version_id, status, started_at, last_activity_at, completed_at, seconds_spent,
                        action_text, action_date, tried_already, answers_removed_at from attempt
                        where learner_id = :person and id > :after order by id limit :limit""", page(after),
                        (rs, i) -> new Object[]{rs.getLong(1), rs.getLong(2), rs.getString(3), instant(rs, 4),
                                instant(rs, 5), instant(rs, 6), rs.getInt(7), rs.getString(8),
                                rs.getObject(9, LocalDate.class), rs.getBoolean(10), instant(rs, 11)});
                for (Object[] r : page) {
                    PublishedModule v = version((Long) r[1]);
                    out.record("attempts", "attempt", r[0], "module", v == null ? null : v.title(),
                            "version", v == null ? null : v.number(), "status", r[2], "startedAt", r[3],
                            "lastActivityAt", r[4], "completedAt", r[5], "secondsSpent", r[6], "action", r[7],
                            "actionDate", r[8], "triedAlready", r[9], "answersRemovedAt", r[10]);
                }
                if (page.size() < PAGE) {
                    return;
                }
                after = (Long) page.getLast()[0];
            }
        }

        private void answers() throws IOException {
            for (long after = 0; ; ) {
                Map<Long, Long> attempts = attemptPage(after, ANSWER_PAGE);
                if (attempts.isEmpty()) {
                    return;
                }
                List<Object[]> rows = sql.query("""
                        select attempt_id, position, answer, choice, tried, happened, learned, keep_doing, shared,
                        completed_at, updated_at from attempt_step where attempt_id in (:ids)
                        order by attempt_id, position""", new MapSqlParameterSource("ids", attempts.keySet()),
                        (rs, i) -> new Object[]{rs.getLong(1), rs.getInt(2), rs.getString(3),
                                rs.getObject(4, Integer.class), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getString(9), instant(rs, 10), instant(rs, 11)});
                for (Object[] r : rows) {
                    PublishedModule v = version(attempts.get((Long) r[0]));
                    int position = (Integer) r[1];
                    StepContent step = v == null || position >= v.steps().size() ? null : v.steps().get(position);
                    out.record("answers", "attempt", r[0], "module", v == null ? null : v.title(),
                            "step", position + 1, "heading", step == null ? null : step.heading(),
                            "answer", r[2], "choice", r[3], "tried", r[4], "happened", r[5], "learned", r[6],
                            "keepDoing", r[7], "sharedWithAuthors", r[8], "completedAt", r[9], "updatedAt", r[10]);
                }
                after = attempts.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            }
        }

        private void ratings() throws IOException {
            for (long after = 0; ; ) {
                Map<Long, Long> attempts = attemptPage(after, PAGE);
                if (attempts.isEmpty()) {
                    return;
                }
                List<Object[]> rows = sql.query("""
                        select attempt_id, phase, statement, rating from attempt_rating where attempt_id in (:ids)
                        order by attempt_id, phase desc, statement""",
                        new MapSqlParameterSource("ids", attempts.keySet()),
                        (rs, i) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4)});
                for (Object[] r : rows) {
                    PublishedModule v = version(attempts.get((Long) r[0]));
                    int statement = (Integer) r[2];
                    out.record("ratings", "attempt", r[0], "module", v == null ? null : v.title(), "phase", r[1],
                            "statement", v == null || statement >= v.statements().size() ? null
                                    : v.statements().get(statement), "rating", r[3]);
                }
                after = attempts.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            }
        }

        /** The person's next attempts after {@code after} by id: id → published version, in id order. */
        private Map<Long, Long> attemptPage(long after, int size) {
            Map<Long, Long> page = new LinkedHashMap<>();
            sql.query("select id, version_id from attempt where learner_id = :person and id > :after order by id "
                    + "limit :limit", page(after).addValue("limit", size), rs -> {
                        page.put(rs.getLong(1), rs.getLong(2));
                    });
            return page;
        }

        private void feedback() throws IOException {
            long after = 0;
            while (true) {
                List<Object[]> page = sql.query("""
                        select f.id, f.version_id, f.rating, f.comment, f.signed_by_id is not null, f.created_at
                        from module_feedback f join attempt a on a.id = f.attempt_id
                        where a.learner_id = :person and f.id > :after order by f.id limit :limit""", page(after),
                        (rs, i) -> new Object[]{rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                                rs.getBoolean(5), instant(rs, 6)});
                for (Object[] r : page) {
                    PublishedModule v = version((Long) r[1]);
                    out.record("feedback", "module", v == null ? null : v.title(), "rating", r[2], "comment", r[3],
                            "signed", r[4], "createdAt", r[5]);
                }
                if (page.size() < PAGE) {
                    return;
                }
                after = (Long) page.getLast()[0];
            }
        }

        private void assignments() throws IOException {
            long after = 0;
            while (true) {
                List<Object[]> page = sql.query("""
                        select g.id, g.module_id, g.assigned_by_id, p.name, g.due_date, g.created_at, g.withdrawn_at,
                        g.satisfied_at from assignment g left join pathway p on p.id = g.pathway_id
                        where g.learner_id = :person and g.id > :after order by g.id limit :limit""", page(after),
                        (rs, i) -> new Object[]{rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                                rs.getString(4), rs.getObject(5, LocalDate.class), instant(rs, 6), instant(rs, 7),
                                instant(rs, 8)});
                Set<Long> modules = new HashSet<>();
                Set<Long> assigners = new HashSet<>();
                for (Object[] r : page) {
                    modules.add((Long) r[1]);
                    if (r[2] != null) {
                        assigners.add((Long) r[2]);
                    }
                }
                // The learner saw who assigned each module and what it was called: both are theirs to have.
                Map<Long, String> titles = published.titles(modules);
                Map<Long, String> names = directory.displayNames(assigners);
                for (Object[] r : page) {
                    out.record("assignments", "module", titles.get(r[1]),
                            "assignedBy", r[2] == null ? null : names.get(r[2]), "pathway", r[3], "dueDate", r[4],
                            "createdAt", r[5], "withdrawnAt", r[6], "completedAt", r[7]);
                }
                if (page.size() < PAGE) {
                    return;
                }
                after = (Long) page.getLast()[0];
            }
        }

        private void pathways() throws IOException {
            // A person is a starter of a pathway at most once (uk_pathway_starter), and of few: one page is all.
            List<Object[]> rows = sql.query("""
                    select s.pathway_id, p.name, s.joined_on, s.due_date from pathway_starter s
                    join pathway p on p.id = s.pathway_id where s.person_id = :person order by s.id""",
                    new MapSqlParameterSource("person", personId),
                    (rs, i) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class)});
            for (Object[] r : rows) {
                List<Long> modules = sql.queryForList(
                        "select module_id from pathway_step where pathway_id = :pathway order by position",
                        new MapSqlParameterSource("pathway", r[0]), Long.class);
                Map<Long, String> titles = published.titles(modules);
                List<String> steps = new ArrayList<>();
                modules.forEach(m -> steps.add(titles.getOrDefault(m, "?")));
                out.record("pathways", "pathway", r[1], "joinedOn", r[2], "dueDate", r[3], "modules", steps);
            }
        }

        private MapSqlParameterSource page(long after) {
            return new MapSqlParameterSource("person", personId).addValue("after", after).addValue("limit", PAGE);
        }

        private PublishedModule version(long versionId) {
            if (!versions.containsKey(versionId)) {
                versions.put(versionId, published.version(versionId).orElse(null));
            }
            return versions.get(versionId);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Stored as UTC (hibernate.jdbc.time_zone), read without the JVM's zone in between. */
    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
