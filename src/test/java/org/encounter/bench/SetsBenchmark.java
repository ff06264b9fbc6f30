package org.encounter.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.encounter.EncounterTest;
import org.encounter.sets.Calendars;
import org.encounter.sets.MeetingService;
import org.encounter.sets.SetService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Benchmark, not a test: action-learning sets at scale on top of the team-progress data (20,000 staff, 500,000
 * attempts; see {@link ProgressData}) — 100 facilitators running 2,500 sets of 8, six meetings each (half of
 * them held, with attendance). Times what a member's home page, a set page, a meeting page, the attendance
 * overview and the calendar cost. Run with bench/sets.sh.
 */
@EncounterTest
class SetsBenchmark {

    static final int FACILITATORS = 100;
    static final int SETS = 2_500;
    static final int SIZE = 8;
    static final int MEETINGS = 6;

    @Autowired JdbcTemplate jdbc;
    @Autowired SetService sets;
    @Autowired MeetingService meetings;
    @Autowired Calendars calendars;
    @Autowired UserDetailsService users;

    @Test
    void measure() throws Exception {
        ProgressData.Summary summary = ProgressData.generate(jdbc);
        long start = System.nanoTime();
        boolean made = generate();
        String report = summary.format() + String.format("%nsets: %s in %.1f s; %s%n", made ? "generated" : "reused",
                (System.nanoTime() - start) / 1e9, counts()) + timings();
        System.out.println(report);
        Files.writeString(Path.of("target/bench-sets.txt"), report);
    }

    private long staffBase() {
        return jdbc.queryForObject("SELECT MIN(id) - 1 FROM person WHERE email LIKE ?", Long.class,
                "staff%" + ProgressData.DOMAIN);
    }

    private boolean generate() {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM learning_set", Integer.class);
        if (existing != null && existing >= SETS) {
            return false;
        }
        long p = staffBase();
        int pool = ProgressData.STAFF - ProgressData.TEAMS - FACILITATORS;
        Map<String, String> v = Map.of("{P}", String.valueOf(p), "{F}", String.valueOf(FACILITATORS),
                "{SETS}", String.valueOf(SETS), "{SIZE}", String.valueOf(SIZE), "{POOL}", String.valueOf(pool),
                "{MEETINGS}", String.valueOf(MEETINGS), "{DOMAIN}", ProgressData.DOMAIN);
        String[] statements = {
            "INSERT IGNORE INTO person_role (person_id, role) SELECT {P} + s.seq, 'FACILITATOR' FROM seq_1_to_{F} s",
            """
            INSERT INTO learning_set (id, name, module_id, facilitator_id, time_zone, created_at, updated_at, version)
            SELECT s.seq, CONCAT('Bench set ', s.seq), m.id, {P} + 1 + (s.seq - 1) % {F}, 'Europe/Helsinki',
                UTC_TIMESTAMP(6) - INTERVAL 40 DAY, UTC_TIMESTAMP(6) - INTERVAL 40 DAY, 0
            FROM seq_1_to_{SETS} s
            JOIN (SELECT m.id, ROW_NUMBER() OVER (ORDER BY m.id) AS rn FROM module m JOIN person o ON o.id = m.owner_id
                  WHERE o.email LIKE '%{DOMAIN}' AND m.status = 'PUBLISHED') m
              ON m.rn = 1 + s.seq % (SELECT COUNT(*) FROM module m JOIN person o ON o.id = m.owner_id
                  WHERE o.email LIKE '%{DOMAIN}' AND m.status = 'PUBLISHED')""",
            """
            INSERT INTO learning_set_member (set_id, person_id, added_at)
            SELECT s.seq, {P} + {F} + 1 + ((s.seq - 1) * {SIZE} + j.seq - 1) % {POOL}, UTC_TIMESTAMP(6) - INTERVAL 40 DAY
            FROM seq_1_to_{SETS} s JOIN seq_1_to_{SIZE} j""",
            // Half of each set's members share, naming everyone else in it.
            """
            INSERT INTO set_share (set_id, sharer_id, confirmed_at)
            SELECT sm.set_id, sm.person_id, UTC_TIMESTAMP(6) - INTERVAL 39 DAY FROM learning_set_member sm
            WHERE (SELECT COUNT(*) FROM learning_set_member o WHERE o.set_id = sm.set_id AND o.person_id < sm.person_id)
                < {SIZE} / 2""",
            """
            INSERT INTO set_share_reader (set_id, sharer_id, reader_id)
            SELECT sh.set_id, sh.sharer_id, o.person_id FROM set_share sh
            JOIN learning_set_member o ON o.set_id = sh.set_id AND o.person_id <> sh.sharer_id
            UNION SELECT sh.set_id, sh.sharer_id, ls.facilitator_id FROM set_share sh
            JOIN learning_set ls ON ls.id = sh.set_id""",
            """
            INSERT INTO set_meeting (set_id, starts_at, ends_at, place, sequence_no, version)
            SELECT s.seq, UTC_TIMESTAMP(6) - INTERVAL 38 DAY + INTERVAL (k.seq * 14) DAY + INTERVAL (s.seq % 600) MINUTE,
                UTC_TIMESTAMP(6) - INTERVAL 38 DAY + INTERVAL (k.seq * 14) DAY + INTERVAL (s.seq % 600 + 90) MINUTE,
                CONCAT('Room ', 1 + s.seq % 40), 0, 0
            FROM seq_1_to_{SETS} s JOIN seq_0_to_5 k""",
            """
            INSERT INTO meeting_attendance (meeting_id, person_id, status, recorded_at, recorded_by_id)
            SELECT mt.id, sm.person_id, ELT(1 + CRC32(CONCAT(mt.id, '/', sm.person_id)) % 6, 'PRESENT', 'PRESENT',
                'PRESENT', 'PRESENT', 'EXCUSED', 'ABSENT'), mt.ends_at, ls.facilitator_id
            FROM set_meeting mt JOIN learning_set ls ON ls.id = mt.set_id
            JOIN learning_set_member sm ON sm.set_id = mt.set_id
            WHERE mt.ends_at < UTC_TIMESTAMP(6)""",
            "ANALYZE TABLE learning_set, learning_set_member, set_share, set_share_reader, set_meeting, meeting_attendance,"
                + " person_role"};
        for (String sql : statements) {
            String s = sql;
            for (Map.Entry<String, String> e : v.entrySet()) {
                s = s.replace(e.getKey(), e.getValue());
            }
            jdbc.execute(s);
        }
        return true;
    }

    private String counts() {
        StringBuilder s = new StringBuilder();
        for (String table : new String[] {"learning_set", "learning_set_member", "set_meeting", "meeting_attendance"}) {
            s.append(table).append(' ').append(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class))
                    .append("  ");
        }
        return s.toString().strip();
    }

    private String timings() {
        long setId = 1;
        String facilitator = email(jdbc.queryForObject("SELECT facilitator_id FROM learning_set WHERE id = ?",
                Long.class, setId));
        String member = email(jdbc.queryForObject("SELECT MIN(sharer_id) FROM set_share WHERE set_id = ?",
                Long.class, setId));
        long meeting = jdbc.queryForObject("SELECT MIN(id) FROM set_meeting WHERE set_id = ?", Long.class, setId);
        StringBuilder out = new StringBuilder(String.format("%nset %d, facilitator %s (%d sets), member %s%n", setId,
                facilitator, jdbc.queryForObject("SELECT COUNT(*) FROM learning_set l JOIN person p ON p.id ="
                + " l.facilitator_id WHERE p.email = ?", Integer.class, facilitator), member));
        Warm.as(users, member, () -> {
            out.append(Warm.time("member: home page's next meetings", () -> sets.upcoming()));
            out.append(Warm.time("member: my sets", () -> sets.mine()));
            out.append(Warm.time("member: set page", () -> sets.detail(setId)));
            out.append(Warm.time("member: meeting page", () -> meetings.page(setId, meeting)));
            out.append(Warm.time("member: series calendar (.ics)", () -> calendars.series(setId)));
        });
        Warm.as(users, facilitator, () -> {
            out.append(Warm.time("facilitator: my sets", () -> sets.mine()));
            out.append(Warm.time("facilitator: meeting page", () -> meetings.page(setId, meeting)));
            out.append(Warm.time("facilitator: attendance overview", () -> meetings.overview(setId)));
            out.append(Warm.time("facilitator: attendance CSV", () -> meetings.overviewCsv(setId, Locale.ENGLISH)));
        });
        return out.toString();
    }

    private String email(long personId) {
        return jdbc.queryForObject("SELECT email FROM person WHERE id = ?", String.class, personId);
    }
}
