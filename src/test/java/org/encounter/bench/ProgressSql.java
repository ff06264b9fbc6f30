package org.encounter.bench;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * ProgressData's statements. {NAME} placeholders are filled by ProgressData: id bases (P person, T team,
 * M module, V module_version, A attempt, C certificate, G assignment, O the organisation), NOW (UTC) and
 * the sizes and step positions. "Random" choices are CRC32 of a row number, so every run is the same.
 */
final class ProgressSql {

    private ProgressSql() {
    }

    static final String PERSON = """
            INSERT INTO person (id, organisation_id, email, display_name, registered_name, language, password_hash,
                enabled, created_at, version)
            SELECT id, {O}, email, name, name, language, ?, TRUE, TIMESTAMP'{NOW}' - INTERVAL 600 DAY, 0
            FROM (SELECT {P} + s.seq AS id, CONCAT('staff', LPAD(s.seq, 5, '0'), '%s') AS email,
                CONCAT(%s, ' ', %s) AS name,
                ELT(1 + s.seq %% 10, 'fi', 'fi', 'fi', 'fi', 'fi', 'fi', 'sv', 'en', 'en', 'en') AS language
            FROM seq_1_to_{STAFF} s) staff""".formatted(ProgressData.DOMAIN,
            elt("s.seq % 20", "Aino", "Mikko", "Sanna", "Jussi", "Åsa", "Leo", "Olga", "Callum", "Zoë", "Ahmed",
                    "Tuula", "Kaisa", "Emma", "Noor", "Eetu", "Ruby", "Helena", "Fiona", "Matti", "Sofia"),
            elt("(s.seq DIV 20) % 30", "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Laine", "Heikkinen", "Salo",
                    "Koskinen", "Järvinen", "Lehtonen", "Öberg", "Lindqvist", "Reid", "MacLeod", "Hassan", "Petrova",
                    "Nic Dhòmhnaill", "Ahonen", "Turunen", "Hämäläinen", "Kinnunen", "Saarinen", "Lindroos", "Berg",
                    "Niemi", "Rantanen", "Karjalainen", "Ali", "Novak", "Smith"));

    static final String PERSON_ROLE = """
            INSERT INTO person_role (person_id, role)
            SELECT {P} + s.seq, 'LEARNER' FROM seq_1_to_{STAFF} s
            UNION ALL SELECT {P} + {MB} + s.seq, 'MANAGER' FROM seq_1_to_{TEAMS} s
            UNION ALL SELECT {P} + s.seq, 'AUTHOR' FROM seq_1_to_%d s
            UNION ALL SELECT {P} + %d, 'CURATOR'""".formatted(ProgressData.AUTHORS, ProgressData.CURATOR);

    static final String TEAM = """
            INSERT INTO team (id, organisation_id, name, created_at, version)
            SELECT {T} + s.seq, {O}, CONCAT(%s, ' ', LPAD(s.seq, 4, '0')), TIMESTAMP'{NOW}' - INTERVAL 600 DAY, 0
            FROM seq_1_to_{TEAMS} s""".formatted(elt("s.seq % 8", "Youth Services", "Community Policing",
            "Libraries", "Social Work", "Health Centre", "Schools", "Housing", "Elderly Care"));

    static final String TEAM_MEMBER = """
            INSERT INTO team_member (team_id, person_id)
            SELECT {T} + {TEAM_OF_N}, {P} + n FROM (SELECT seq AS n FROM seq_1_to_{STAFF}) s""";

    static final String TEAM_MANAGER = """
            INSERT INTO team_manager (team_id, person_id)
            SELECT {T} + s.seq, {P} + {MB} + s.seq FROM seq_1_to_{TEAMS} s""";

    /**
     * Learner n takes modules (37n + 13j) mod 300 for j below a quota of 2..50 (13 is prime to 300, so
     * never the same module twice). Ids go j-major so the cut at 500,000 trims the busiest learners' last
     * attempts, not whole learners: 2..40 attempts each, 25 on average. h0 picks status (60/15/25 %) and
     * position, h1 the start, h2 the time to completion, h3 the action. Completed attempts started 30..548
     * days ago and finished 7..27 days later; a report back opens 7 days after the action plan (so
     * in-progress attempts at or past it started at least 8 days ago; recent awaiting ones are not open yet).
     */
    static final String ATTEMPT = """
            INSERT INTO attempt (id, learner_id, module_id, version_id, status, current_position, step_count,
                action_text, action_date, tried_already, action_planned_at, report_back_opens_at, started_at,
                last_activity_at, completed_at, seconds_spent, version)
            SELECT {A} + rn, {P} + n, {M} + m, {V} + m, status, pos, {STEPS},
                IF(pos > {AP}, %s, NULL),
                IF(pos > {AP}, DATE(planned) + INTERVAL (h3 DIV 10 %% {MIN_DAYS}) DAY, NULL),
                pos > {AP} AND h3 %% 10 = 0,
                IF(pos > {AP}, planned, NULL),
                IF(pos > {AP}, planned + INTERVAL {MIN_DAYS} DAY, NULL),
                started,
                CASE WHEN status = 'COMPLETED' THEN completed
                     WHEN status = 'AWAITING_REPORT_BACK' THEN planned
                     WHEN pos = {RB} THEN planned + INTERVAL {MIN_DAYS} DAY + INTERVAL 600 SECOND
                     WHEN pos > {RB} THEN planned + INTERVAL {MIN_DAYS} DAY + INTERVAL 3600 SECOND
                     ELSE started + INTERVAL (pos * 180) SECOND END,
                IF(status = 'COMPLETED', completed, NULL),
                pos * 170 + h2 %% 600,
                0
            FROM (
                SELECT x.*, started + INTERVAL (({AP} + 1) * 180) SECOND AS planned,
                    started + INTERVAL ({MIN_DAYS} * 86400 + 3600 + h2 %% (20 * 86400)) SECOND AS completed
                FROM (
                    SELECT w.*, TIMESTAMP'{NOW}' - INTERVAL (CASE
                            WHEN status = 'COMPLETED' THEN 30 * 86400 + h1 %% (518 * 86400)
                            WHEN status = 'IN_PROGRESS' AND pos >= {RB} THEN 8 * 86400 + h1 %% (540 * 86400)
                            ELSE 3600 + h1 %% (547 * 86400) END) SECOND AS started
                    FROM (
                        SELECT v.*, CASE status WHEN 'COMPLETED' THEN {STEPS} WHEN 'AWAITING_REPORT_BACK' THEN {RB}
                            ELSE (h0 DIV 100) %% {STEPS} END AS pos
                        FROM (
                            SELECT u.*, CASE WHEN h0 %% 100 < 60 THEN 'COMPLETED'
                                WHEN h0 %% 100 < 75 THEN 'AWAITING_REPORT_BACK' ELSE 'IN_PROGRESS' END AS status
                            FROM (
                                SELECT rn, n, m, CRC32(CONCAT('s', rn)) AS h0, CRC32(CONCAT('t', rn)) AS h1,
                                    CRC32(CONCAT('c', rn)) AS h2, CRC32(CONCAT('a', rn)) AS h3
                                FROM (
                                    SELECT ROW_NUMBER() OVER (ORDER BY j.seq, s.seq) AS rn, s.seq AS n,
                                        (s.seq * 37 + j.seq * 13) %% {MODULES} + 1 AS m
                                    FROM seq_1_to_{STAFF} s
                                    JOIN seq_0_to_49 j ON j.seq < 2 + CRC32(CONCAT('q', s.seq)) %% 50
                                ) p
                                WHERE rn <= {ATTEMPTS}
                            ) u
                        ) v
                    ) w
                ) x
            ) y
            ORDER BY rn""".formatted(elt("h3 DIV 100 % 6",
            "Ask the next person I meet what matters to them before I open their file.",
            "Start Monday's team meeting with one thing a resident told us last week.",
            "Read the file after the first conversation, not before.",
            "Ask one young person how our waiting room feels to them.",
            "Leave the form until the end of the meeting and listen first.",
            "Invite a service user to tell the team how our letters read to them."));

    /**
     * One row per step the learner completed: positions below current_position. Reflections and the
     * report back carry private text (a few are shared with the authors); the perspective check a
     * choice; the report back's choice is 1 when the learner tried the planned action (55..85 % by module).
     */
    static final String ATTEMPT_STEP = """
            INSERT INTO attempt_step (attempt_id, position, answer, choice, tried, happened, learned, keep_doing,
                shared, completed_at, updated_at)
            SELECT id, position,
                CASE position WHEN {REFLECTION} THEN %s WHEN {DISCUSSION} THEN IF(h %% 2 = 0, %s, NULL) END,
                CASE position WHEN {PERSPECTIVE} THEN h %% {OPTIONS}
                    WHEN {RB} THEN IF((h DIV 10) %% 100 < 55 + module_id %% 31, 1, 0) END,
                IF(position = {RB}, %s, NULL),
                IF(position = {RB}, %s, NULL),
                IF(position = {RB}, %s, NULL),
                IF(position = {RB} AND h %% 5 > 0, %s, NULL),
                CASE WHEN position IN ({REFLECTION}, {RB}) AND (h DIV 1000) %% 100 < 3 THEN 'ANONYMOUS'
                     WHEN position IN ({REFLECTION}, {RB}) AND (h DIV 1000) %% 100 < 4 THEN 'SIGNED'
                     ELSE 'NONE' END,
                t, t
            FROM (
                SELECT a.id, a.module_id, p.seq AS position, CRC32(CONCAT(a.id, '/', p.seq)) AS h,
                    CASE WHEN p.seq <= {AP} THEN a.started_at + INTERVAL ((p.seq + 1) * 180) SECOND
                         WHEN p.seq = {RB} THEN IF(a.status = 'COMPLETED', a.completed_at - INTERVAL 180 SECOND,
                             a.report_back_opens_at + INTERVAL 3600 SECOND)
                         ELSE a.completed_at END AS t
                FROM attempt a STRAIGHT_JOIN seq_0_to_{LAST_STEP} p ON p.seq < a.current_position
                WHERE a.id > {A}
            ) z""".formatted(
            elt("(h DIV 100000) % 5",
                    "I knew his address, his school record and that the police had been called twice. I did not know what he wanted from me.",
                    "Mostly what a colleague told me in the corridor. I had made up my mind before she sat down.",
                    "The referral letter. It described a problem, not a person, and I read it three times.",
                    "Her previous worker's notes. Looking back, I was meeting the notes, not her.",
                    "Nothing, really, and I noticed how uneasy that made me. I wanted a file to hold on to."),
            elt("(h DIV 100000) % 3",
                    "We talked about how the file helps with safety but shapes the first five minutes too much.",
                    "Our team agreed to try one meeting a week without reading ahead.",
                    "Someone said the forms are for us, not for them. Nobody disagreed."),
            elt("(h DIV 100000) % 4",
                    "I asked what mattered to him before opening anything on my screen.",
                    "I left the form until the end and started with how her week had been.",
                    "I tried it twice. The first time I forgot halfway and went back to my checklist.",
                    "I asked the young person to tell me what the file gets wrong about them."),
            elt("(h DIV 1000000) % 4",
                    "He talked for twenty minutes about football and then, unprompted, about his brother.",
                    "She was surprised and a bit suspicious at first, then relaxed.",
                    "The meeting took longer but the follow-up was much shorter.",
                    "Honestly not much changed this time, but the tone felt different."),
            elt("(h DIV 10000000) % 4",
                    "The file tells me what went wrong. The person tells me what might go right.",
                    "I decide too early. Waiting costs me five minutes and saves a lot more.",
                    "People notice when you are reading about them instead of listening to them.",
                    "My colleagues are curious about it; two want to try it too."),
            elt("(h DIV 100000000) % 3",
                    "Asking first, every first meeting.",
                    "Closing the laptop for the first ten minutes.",
                    "Writing down their words, not my summary."))
            .replace("{LAST_STEP}", String.valueOf(BenchModules.STEPS - 1));

    /**
     * Start ratings 1..4 for statements 0..2 on every attempt; report-back ratings on completed attempts,
     * usually higher (by module a little more), and one in twenty completed attempts skips statement 2
     * at report back. seq 0..2 are REPORT, 3..5 START: primary-key order, so the insert appends.
     */
    static final String ATTEMPT_RATING = """
            INSERT INTO attempt_rating (attempt_id, phase, statement, rating)
            SELECT id, IF(k < 3, 'REPORT', 'START'), k %% 3,
                IF(k < 3, LEAST(5, GREATEST(1, 1 + h %% 4 + %s + IF((h DIV 40) %% 10 < module_id %% 4, 1, 0))),
                    1 + h %% 4)
            FROM (
                SELECT a.id, a.module_id, a.status, k.seq AS k, CRC32(CONCAT(a.id, ':', k.seq %% 3)) AS h
                FROM attempt a STRAIGHT_JOIN seq_0_to_5 k
                WHERE a.id > {A} AND (k.seq >= 3 OR (a.status = 'COMPLETED' AND NOT (k.seq = 2 AND a.id %% 20 = 0)))
            ) r""".formatted("ELT(1 + (h DIV 4) % 10, -1, 0, 0, 0, 1, 1, 1, 1, 2, 2)");

    /** As CertificateIssuer writes it: names and titles as printed, valid 12 months where the module says so. */
    static final String CERTIFICATE = """
            INSERT INTO certificate (id, code, attempt_id, learner_id, organisation_id, learner_name, organisation, module_id,
                version_id, module_title, version_number, credits, completed_at, seconds_spent, issued_at, valid_until)
            SELECT {C} + (a.id - {A}), {CODE}, a.id, a.learner_id, o.id, p.display_name, o.name, a.module_id, a.version_id,
                v.title, v.number, v.credits, a.completed_at, a.seconds_spent, a.completed_at + INTERVAL 2 SECOND,
                IF(v.validity_months IS NULL, NULL, a.completed_at + INTERVAL v.validity_months MONTH)
            FROM attempt a
            STRAIGHT_JOIN person p ON p.id = a.learner_id
            STRAIGHT_JOIN organisation o ON o.id = p.organisation_id
            STRAIGHT_JOIN module_version v ON v.id = a.version_id
            WHERE a.id > {A} AND a.status = 'COMPLETED'
            ORDER BY a.id""";

    /**
     * Five per learner, from their own team's manager: modules j = 0, 2, 4 of their attempt list (mostly
     * attempted, often completed) and j = 51, 53 (never attempted). Due from 182 days ago to 91 days
     * ahead, so many are overdue; 6 % withdrawn.
     */
    static final String ASSIGNMENT = """
            INSERT INTO assignment (id, learner_id, module_id, assigned_by_id, due_date, created_at, withdrawn_at, version)
            SELECT {G} + k, {P} + n, {M} + (n * 37 + IF(i % 2 = 0, i, 50 + i) * 13) % {MODULES} + 1,
                {P} + {MB} + {TEAM_OF_N}, due, created,
                IF((h DIV 1000) % 100 < 6, LEAST(TIMESTAMP'{NOW}', created + INTERVAL 2 DAY), NULL), 0
            FROM (
                SELECT x.*, LEAST(TIMESTAMP'{NOW}' - INTERVAL 1 HOUR,
                    TIMESTAMP(due) - INTERVAL (14 + (h DIV 10) % 60) DAY) AS created
                FROM (
                    SELECT s.seq AS k, (s.seq - 1) % {STAFF} + 1 AS n, (s.seq - 1) DIV {STAFF} AS i,
                        CRC32(CONCAT('g', s.seq)) AS h,
                        DATE(TIMESTAMP'{NOW}') - INTERVAL 182 DAY + INTERVAL (CRC32(CONCAT('g', s.seq)) % 274) DAY AS due
                    FROM seq_1_to_{ASSIGNMENTS} s
                ) x
            ) y""";

    /**
     * V16's impact release, as completing attempts gives it: each answer waits in everyone's scope and in the
     * learner's first team; whole cohorts of five are then released (demo world's rows included).
     */
    static final String IMPACT_WAITING = """
            INSERT INTO impact_waiting (scope_team_id, module_id, figure, learner_id, answered_at, value)
            SELECT sc.scope_team_id, x.module_id, x.figure, x.learner_id, x.completed_at, x.value
            FROM (
                SELECT a.learner_id, a.module_id, a.completed_at, s.statement AS figure, r.rating - s.rating AS value
                FROM attempt a
                JOIN attempt_rating s ON s.attempt_id = a.id AND s.phase = 'START'
                JOIN attempt_rating r ON r.attempt_id = a.id AND r.phase = 'REPORT' AND r.statement = s.statement
                WHERE a.id > {A} AND a.status = 'COMPLETED'
                UNION ALL
                SELECT a.learner_id, a.module_id, a.completed_at, -1, st.choice = 1
                FROM attempt a
                JOIN attempt_step st ON st.attempt_id = a.id AND st.position = {RB}
                WHERE a.id > {A} AND a.status = 'COMPLETED' AND st.choice IS NOT NULL
            ) x
            JOIN (SELECT id AS person_id, 0 AS scope_team_id FROM person WHERE id > {P}
                  UNION ALL SELECT person_id, MIN(team_id) FROM team_member WHERE person_id > {P} GROUP BY person_id) sc
                ON sc.person_id = x.learner_id""";

    static final String IMPACT_RELEASED = """
            INSERT INTO impact_released (scope_team_id, module_id, figure, people, value_sum, released_at)
            SELECT scope_team_id, module_id, figure, COUNT(*) - COUNT(*) % 5,
                SUM(IF(n <= total - total % 5, value, 0)), MAX(answered_at)
            FROM (SELECT w.*, ROW_NUMBER() OVER (PARTITION BY scope_team_id, module_id, figure ORDER BY answered_at, id) AS n,
                         COUNT(*) OVER (PARTITION BY scope_team_id, module_id, figure) AS total
                  FROM impact_waiting w) ranked
            GROUP BY scope_team_id, module_id, figure
            ON DUPLICATE KEY UPDATE people = VALUES(people) + impact_released.people,
                value_sum = VALUES(value_sum) + impact_released.value_sum""";

    static final String IMPACT_SEALED = """
            DELETE FROM impact_waiting WHERE id IN (
                SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY scope_team_id, module_id, figure
                                                              ORDER BY answered_at, id) AS n,
                                       COUNT(*) OVER (PARTITION BY scope_team_id, module_id, figure) AS total
                                FROM impact_waiting) ranked
                WHERE n <= total - total % 5)""";

    /** V8's completions per month, as completing an attempt keeps them. */
    static final String COMPLETION_TALLY = """
            INSERT INTO completion_tally (month, completions)
            SELECT DATE_FORMAT(completed_at, '%Y-%m'), COUNT(*) FROM attempt
            WHERE id > {A} AND status = 'COMPLETED' GROUP BY 1
            ON DUPLICATE KEY UPDATE completions = completion_tally.completions + VALUES(completions)""";

    /** V8's satisfied assignments, as completing an attempt marks them. */
    static final String SATISFIED = """
            UPDATE assignment g SET satisfied_at = (SELECT MIN(a.completed_at) FROM attempt a
                WHERE a.learner_id = g.learner_id AND a.module_id = g.module_id AND a.status = 'COMPLETED')
            WHERE g.id > {G}""";

    /** ELT(1 + (hash), 'a', 'b', …): one of the texts, chosen by a hash expression. */
    static String elt(String hash, String... texts) {
        return "ELT(1 + " + hash + ", " + Arrays.stream(texts).map(t -> "'" + t.replace("'", "''") + "'")
                .collect(Collectors.joining(", ")) + ")";
    }
}
