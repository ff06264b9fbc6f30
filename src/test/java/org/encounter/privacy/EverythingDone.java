package org.encounter.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a person has done on the platform, counted, and every free text they wrote, read straight from the tables —
 * for the erasure scan to look for afterwards.
 */
final class EverythingDone {

    private EverythingDone() {
    }

    /** Authored, learned, shared, wrote a story, joined a set, joined an exchange: how many of each. */
    static Map<String, Long> counts(JdbcTemplate jdbc, long person) {
        Map<String, Long> done = new LinkedHashMap<>();
        done.put("authored", count(jdbc, "select count(*) from module_author where person_id = ?", person));
        done.put("learned", count(jdbc, "select count(*) from attempt where learner_id = ?", person));
        done.put("shared with authors", count(jdbc, """
                select count(*) from attempt_step s join attempt a on a.id = s.attempt_id
                 where a.learner_id = ? and s.shared <> 'NONE'""", person));
        done.put("shared in a set", count(jdbc, "select count(*) from set_share where sharer_id = ?", person));
        done.put("story", count(jdbc, "select count(*) from story where writer_id = ?", person));
        done.put("set", count(jdbc, "select count(*) from learning_set_member where person_id = ?", person));
        done.put("exchange", count(jdbc, "select count(*) from exchange_application where person_id = ?", person));
        done.put("curator's comment", count(jdbc, "select count(*) from step_comment where author_id = ?", person));
        return done;
    }

    /**
     * The demo world gives several people the same sample answers; this makes the person's own copies theirs alone
     * (a mark added to each), so finding one after erasure can only mean their words were left behind.
     */
    static void makeOwn(JdbcTemplate jdbc, long person) {
        String mark = " ~" + Long.toString(System.nanoTime(), 36);
        jdbc.update("""
                update attempt_step s join attempt a on a.id = s.attempt_id
                   set s.answer = concat(s.answer, ?), s.tried = concat(s.tried, ?), s.happened = concat(s.happened, ?),
                       s.learned = concat(s.learned, ?), s.keep_doing = concat(s.keep_doing, ?)
                 where a.learner_id = ?""", mark, mark, mark, mark, mark, person);
        jdbc.update("update attempt set action_text = concat(action_text, ?) where learner_id = ?", mark, person);
        jdbc.update("""
                update module_feedback f join attempt a on a.id = f.attempt_id set f.comment = concat(f.comment, ?)
                 where a.learner_id = ?""", mark, person);
        jdbc.update("update step_comment set body = concat(body, ?) where author_id = ?", mark, person);
        jdbc.update("""
                update exchange_application set wants = concat(wants, ?), offers = concat(offers, ?),
                       availability_note = concat(availability_note, ?) where person_id = ?""", mark, mark, mark, person);
        jdbc.update("""
                update exchange_goal g join exchange_application a on a.id = g.application_id
                   set g.text = concat(g.text, ?) where a.person_id = ?""", mark, person);
        jdbc.update("""
                update exchange_report_back r join exchange_application a on a.id = r.application_id
                   set r.tried = concat(r.tried, ?), r.happened = concat(r.happened, ?), r.learned = concat(r.learned, ?)
                 where a.person_id = ?""", mark, mark, mark, person);
        jdbc.update("""
                update exchange_visit v join exchange_pair p on p.id = v.pair_id
                  join exchange_application a on a.id in (p.first_id, p.second_id) and a.id <> v.host_id
                   set v.reflection = concat(v.reflection, ?) where a.person_id = ?""", mark, person);
    }

    /** Every free text the person wrote, wherever it is kept. */
    static List<String> words(JdbcTemplate jdbc, long person) {
        List<String> words = new ArrayList<>();
        add(jdbc, words, """
                select s.answer, s.tried, s.happened, s.learned, s.keep_doing from attempt_step s
                  join attempt a on a.id = s.attempt_id where a.learner_id = ?""", person);
        add(jdbc, words, "select action_text from attempt where learner_id = ?", person);
        add(jdbc, words, """
                select f.comment from module_feedback f join attempt a on a.id = f.attempt_id
                 where a.learner_id = ?""", person);
        add(jdbc, words, "select body from step_comment where author_id = ?", person);
        add(jdbc, words, "select note from module_transition where actor_id = ?", person);
        add(jdbc, words, "select title, tried, happened, learned from story where writer_id = ?", person);
        add(jdbc, words, "select curator_comment from story where reviewed_by_id = ?", person);
        add(jdbc, words, """
                select m.title, m.summary, m.audience from module m
                 where m.owner_id = ? and m.status <> 'PUBLISHED' and m.latest_version_id is null
                   and not exists (select 1 from module_author x where x.module_id = m.id and x.person_id <> m.owner_id)""",
                person);
        add(jdbc, words, """
                select wants, offers, availability_note from exchange_application where person_id = ?""", person);
        add(jdbc, words, """
                select g.text from exchange_goal g join exchange_application a on a.id = g.application_id
                 where a.person_id = ?""", person);
        add(jdbc, words, """
                select r.tried, r.happened, r.learned from exchange_report_back r
                  join exchange_application a on a.id = r.application_id where a.person_id = ?""", person);
        add(jdbc, words, """
                select case when p.first_id = a.id then p.first_reason else p.second_reason end
                  from exchange_pair p join exchange_application a on a.id in (p.first_id, p.second_id)
                 where a.person_id = ?""", person);
        add(jdbc, words, """
                select v.reflection from exchange_visit v join exchange_pair p on p.id = v.pair_id
                  join exchange_application a on a.id in (p.first_id, p.second_id) and a.id <> v.host_id
                 where a.person_id = ?""", person);
        return words.stream().filter(w -> w != null && !w.isBlank()).distinct().toList();
    }

    private static void add(JdbcTemplate jdbc, List<String> words, String sql, long person) {
        jdbc.query(sql, rs -> {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                words.add(rs.getString(i));
            }
        }, person);
    }

    private static long count(JdbcTemplate jdbc, String sql, long person) {
        Long n = jdbc.queryForObject(sql, Long.class, person);
        return n == null ? 0 : n;
    }
}
