package org.encounter.bench;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The data behind the privacy benchmark (issue 17, point 6), on top of the team-dashboard world ({@link ProgressData}:
 * 20,000 staff, 300 published modules, 500,000 attempts, a certificate per completed attempt):
 *
 * <ul>
 * <li>what everyone else writes beside that, so that the erasure's statements meet tables of a real size: feedback on
 * three in ten completed attempts (a short comment, a third of them signed) and the "your report back is open"
 * notification of every attempt that reached its report back;</li>
 * <li>the person whose data is exported and erased, {@link #EMAIL}, in Finnish: 1,000 attempts of the published
 * modules over four and a half years (850 completed, 100 awaiting their report back, 50 in progress), every step's
 * answer (reflection, report back in four parts, discussion: each a few hundred characters of Finnish and English),
 * the action they planned, start and report-back ratings, feedback with a comment on two in five completed attempts
 * (half of it signed), a certificate for every completed attempt (850, as the app issues them), 20 assignments and
 * a notification per report back that opened (950).</li>
 * </ul>
 *
 * <p>Everything is set-based SQL (INSERT … SELECT over the Sequence engine), "random" by CRC32, so every run is the
 * same. Made once and reused: the benchmark's erasures roll back, so the person stays as generated.
 */
final class PrivacyData {

    static final String EMAIL = "privacy-bench" + ProgressData.DOMAIN;
    static final String NAME = "Ilona Väisänen-Bergström";
    static final int ATTEMPTS = 1_000;
    static final int COMPLETED = 850;
    static final int AWAITING = 100;
    static final int ASSIGNMENTS = 20;
    /** Certificate codes of the person's certificates start so (Crockford base 32 has no I, L, O or U). */
    static final String CODE_PREFIX = "PRVCY";

    record Person(long id, boolean generated, double seconds, Map<String, Long> rows) {

        String format() {
            StringBuilder s = new StringBuilder(String.format("privacy person %s (id %d): %s in %.1f s%n", EMAIL, id,
                    generated ? "generated" : "reused", seconds));
            rows.forEach((what, n) -> s.append(String.format("  %-28s %,9d%n", what, n)));
            return s.toString();
        }
    }

    private PrivacyData() {
    }

    /** Everyone else's feedback and notifications (once), then the person (once); returns the person. */
    static Person prepare(JdbcTemplate jdbc) {
        long start = System.nanoTime();
        Map<String, String> v = new LinkedHashMap<>();
        LocalDateTime now = jdbc.queryForObject("SELECT UTC_TIMESTAMP(6)", LocalDateTime.class);
        v.put("NOW", now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")));
        v.put("O", String.valueOf(jdbc.queryForObject("SELECT id FROM organisation WHERE name = ?", Long.class,
                ProgressData.ORGANISATION)));
        v.put("P", String.valueOf(jdbc.queryForObject("SELECT MIN(id) - 1 FROM person WHERE email LIKE ?", Long.class,
                "staff%" + ProgressData.DOMAIN)));
        v.put("RB", String.valueOf(BenchModules.REPORT_BACK));
        v.put("AP", String.valueOf(BenchModules.ACTION_PLAN));
        v.put("REFLECTION", String.valueOf(BenchModules.REFLECTION));
        v.put("PERSPECTIVE", String.valueOf(BenchModules.PERSPECTIVE));
        v.put("DISCUSSION", String.valueOf(BenchModules.DISCUSSION));
        v.put("STEPS", String.valueOf(BenchModules.STEPS));
        v.put("MIN_DAYS", String.valueOf(BenchModules.MIN_DAYS));
        v.put("OPTIONS", String.valueOf(BenchModules.OPTIONS));
        v.put("MODULES", String.valueOf(ProgressData.MODULES));
        v.put("ATTEMPTS", String.valueOf(ATTEMPTS));
        v.put("COMPLETED", String.valueOf(COMPLETED));
        v.put("AWAITING", String.valueOf(COMPLETED + AWAITING));
        v.put("CODE", CODE_PREFIX);

        if (jdbc.queryForObject("SELECT COUNT(*) FROM module_feedback", Long.class) < 10_000) {
            timed("others' feedback", () -> jdbc.execute(fill(OTHERS_FEEDBACK, v)));
            timed("others' notifications", () -> jdbc.execute(fill(OTHERS_NOTIFICATIONS, v)));
        }
        Long existing = jdbc.query("SELECT id FROM person WHERE email = ?", rs -> rs.next() ? rs.getLong(1) : null,
                EMAIL);
        boolean generated = false;
        if (existing != null) {
            // The notifications are made last: without them an earlier generation stopped half-way.
            long notifications = jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE person_id = ?",
                    Long.class, existing);
            if (notifications < COMPLETED + AWAITING) {
                throw new IllegalStateException(EMAIL + " has " + notifications + " notifications, not "
                        + (COMPLETED + AWAITING) + ": an earlier generation stopped half-way. Start again with FRESH=1.");
            }
        } else {
            jdbc.update("""
                    INSERT INTO person (organisation_id, email, display_name, registered_name, language, password_hash,
                        enabled, created_at, version)
                    SELECT organisation_id, ?, ?, ?, 'fi', password_hash, TRUE, TIMESTAMP'%s' - INTERVAL 1700 DAY, 0
                    FROM person WHERE id = %s + 1""".formatted(v.get("NOW"), v.get("P")), EMAIL, NAME, NAME);
            existing = jdbc.queryForObject("SELECT id FROM person WHERE email = ?", Long.class, EMAIL);
            v.put("ME", String.valueOf(existing));
            jdbc.update("INSERT INTO person_role (person_id, role) VALUES (?, 'LEARNER')", existing);
            // In the first team, managed by staff 19,001.
            jdbc.update("""
                    INSERT INTO team_member (team_id, person_id)
                    SELECT team_id, ? FROM team_member WHERE person_id = %s + 1""".formatted(v.get("P")), existing);
            for (String[] step : new String[][] {{"attempts", ATTEMPT}, {"answers", ATTEMPT_STEP},
                {"ratings", ATTEMPT_RATING}, {"feedback", FEEDBACK}, {"certificates", CERTIFICATE},
                {"assignments", ASSIGNMENT}, {"notifications", NOTIFICATION}}) {
                timed("person's " + step[0], () -> jdbc.execute(fill(step[1], v)));
            }
            jdbc.execute("ANALYZE TABLE attempt, attempt_step, attempt_rating, module_feedback, certificate, notification");
            generated = true;
        }
        long me = existing;
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("attempts", count(jdbc, "SELECT COUNT(*) FROM attempt WHERE learner_id = ?", me));
        rows.put("  completed", count(jdbc, "SELECT COUNT(*) FROM attempt WHERE learner_id = ? AND status = 'COMPLETED'", me));
        rows.put("step answers", count(jdbc, "SELECT COUNT(*) FROM attempt_step s JOIN attempt a ON a.id = s.attempt_id"
                + " WHERE a.learner_id = ?", me));
        rows.put("  characters of text", count(jdbc, """
                SELECT COALESCE(SUM(CHAR_LENGTH(COALESCE(s.answer, '')) + CHAR_LENGTH(COALESCE(s.tried, ''))
                    + CHAR_LENGTH(COALESCE(s.happened, '')) + CHAR_LENGTH(COALESCE(s.learned, ''))
                    + CHAR_LENGTH(COALESCE(s.keep_doing, ''))), 0)
                FROM attempt_step s JOIN attempt a ON a.id = s.attempt_id WHERE a.learner_id = ?""", me));
        rows.put("ratings", count(jdbc, "SELECT COUNT(*) FROM attempt_rating r JOIN attempt a ON a.id = r.attempt_id"
                + " WHERE a.learner_id = ?", me));
        rows.put("feedback", count(jdbc, "SELECT COUNT(*) FROM module_feedback f JOIN attempt a ON a.id = f.attempt_id"
                + " WHERE a.learner_id = ?", me));
        rows.put("certificates", count(jdbc, "SELECT COUNT(*) FROM certificate WHERE learner_id = ?", me));
        rows.put("assignments", count(jdbc, "SELECT COUNT(*) FROM assignment WHERE learner_id = ?", me));
        rows.put("notifications", count(jdbc, "SELECT COUNT(*) FROM notification WHERE person_id = ?", me));
        rows.put("everyone's feedback", count(jdbc, "SELECT COUNT(*) FROM module_feedback WHERE ? > 0", me));
        rows.put("everyone's notifications", count(jdbc, "SELECT COUNT(*) FROM notification WHERE ? > 0", me));
        return new Person(me, generated, (System.nanoTime() - start) / 1e9, rows);
    }

    private static long count(JdbcTemplate jdbc, String sql, long me) {
        return jdbc.queryForObject(sql, Long.class, me);
    }

    private static void timed(String what, Runnable work) {
        long t = System.nanoTime();
        work.run();
        System.out.printf("PrivacyData: %-26s %6.1f s%n", what, (System.nanoTime() - t) / 1e9);
    }

    private static String fill(String template, Map<String, String> v) {
        String s = template;
        for (var e : v.entrySet()) {
            s = s.replace("{" + e.getKey() + "}", e.getValue());
        }
        if (s.matches("(?s).*\\{[A-Z_]+}.*")) {
            throw new IllegalStateException("unfilled placeholder in " + s);
        }
        return s;
    }

    /**
     * A few hundred characters: three of the sentences, picked by three digits (base n) of the hash expression, so
     * neighbouring rows differ.
     */
    static String text(String hash, String... sentences) {
        int n = sentences.length;
        return "CONCAT_WS(' ', " + ProgressSql.elt("(" + hash + ") % " + n, sentences) + ", "
                + ProgressSql.elt("((" + hash + ") DIV " + n + ") % " + n, sentences) + ", "
                + ProgressSql.elt("((" + hash + ") DIV " + n * n + ") % " + n, sentences) + ")";
    }

    /** Feedback from others on three in ten completed attempts: a short comment, a third of them signed. */
    private static final String OTHERS_FEEDBACK = """
            INSERT INTO module_feedback (attempt_id, module_id, version_id, rating, comment, signed_by_id, created_at)
            SELECT a.id, a.module_id, a.version_id, 1 + CRC32(CONCAT('r', a.id)) %% 5,
                IF(CRC32(CONCAT('f', a.id)) %% 10 = 0, NULL, %s),
                IF(CRC32(CONCAT('f', a.id)) %% 3 = 1, a.learner_id, NULL), a.completed_at + INTERVAL 90 SECOND
            FROM attempt a WHERE a.status = 'COMPLETED' AND CRC32(CONCAT('f', a.id)) %% 100 < 30
            ORDER BY a.id""".formatted(ProgressSql.elt("CRC32(CONCAT('c', a.id)) % 6",
            "Good story, made me think about our waiting room.",
            "Too long for a busy week, but the report back was worth it.",
            "Hyvä tarina, tunnistin itseni.",
            "Bra att man fick pröva något på riktigt.",
            "The perspective check was the best part.",
            "I would like more stories from young people."));

    /** "Your report back is open" for every attempt that reached it, as the reminders job gives them. */
    private static final String OTHERS_NOTIFICATIONS = """
            INSERT INTO notification (person_id, kind, ref, message_key, args, link, created_at, read_at, emailed_at)
            SELECT a.learner_id, 'report-back-open', CONCAT('attempt:', a.id), 'notify.report-back-open', v.title,
                CONCAT('learn/attempt/', a.id), a.report_back_opens_at,
                IF(a.status = 'COMPLETED', a.report_back_opens_at + INTERVAL 1 DAY, NULL), a.report_back_opens_at
            FROM attempt a STRAIGHT_JOIN module_version v ON v.id = a.version_id
            WHERE a.report_back_opens_at IS NOT NULL AND a.report_back_opens_at <= TIMESTAMP'{NOW}'
            ORDER BY a.id""";

    /**
     * Attempt k (1..1,000) of module (7k mod 300) + 1, started (1,000 - k) · 40 hours ago: the first 850 completed
     * (7 to 27 days after starting), the next 100 awaiting their report back, the last 50 in progress (before the
     * action plan). 7 is prime to 300, so the 150 open attempts are of 150 different modules.
     */
    private static final String ATTEMPT = """
            INSERT INTO attempt (learner_id, module_id, version_id, status, current_position, step_count,
                action_text, action_date, tried_already, action_planned_at, report_back_opens_at, started_at,
                last_activity_at, completed_at, seconds_spent, version)
            SELECT {ME}, mo.id, mo.latest_version_id, status, pos, {STEPS},
                IF(pos > {AP}, %s, NULL),
                IF(pos > {AP}, DATE(planned) + INTERVAL (h %% {MIN_DAYS}) DAY, NULL),
                pos > {AP} AND h %% 10 = 0,
                IF(pos > {AP}, planned, NULL),
                IF(pos > {AP}, planned + INTERVAL {MIN_DAYS} DAY, NULL),
                started,
                CASE status WHEN 'COMPLETED' THEN completed WHEN 'AWAITING_REPORT_BACK' THEN planned
                    ELSE started + INTERVAL (pos * 180) SECOND END,
                IF(status = 'COMPLETED', completed, NULL),
                pos * 170 + h %% 600,
                0
            FROM (
                SELECT y.*, started + INTERVAL (({AP} + 1) * 180) SECOND AS planned,
                    started + INTERVAL ({MIN_DAYS} * 86400 + 3600 + h %% (20 * 86400)) SECOND AS completed
                FROM (
                    SELECT s.seq AS k, (s.seq * 7) %% {MODULES} + 1 AS m, CRC32(CONCAT('pb', s.seq)) AS h,
                        CASE WHEN s.seq <= {COMPLETED} THEN 'COMPLETED'
                             WHEN s.seq <= {AWAITING} THEN 'AWAITING_REPORT_BACK' ELSE 'IN_PROGRESS' END AS status,
                        CASE WHEN s.seq <= {COMPLETED} THEN {STEPS} WHEN s.seq <= {AWAITING} THEN {RB}
                             ELSE s.seq %% {RB} END AS pos,
                        TIMESTAMP'{NOW}' - INTERVAL ((1000 - s.seq) * 40 + 30) HOUR AS started
                    FROM seq_1_to_{ATTEMPTS} s
                ) y
            ) z
            JOIN (SELECT id, latest_version_id, ROW_NUMBER() OVER (ORDER BY id) AS m FROM module
                  WHERE organisation_id = {O} AND status = 'PUBLISHED') mo ON mo.m = z.m
            ORDER BY k""".formatted(text("h DIV 7",
            "Kysyn seuraavalta asiakkaalta, mikä hänelle on tärkeää, ennen kuin avaan hänen tietonsa.",
            "Start Monday's team meeting with one thing a resident told us last week, in their own words.",
            "Read the file after the first conversation, not before, and write down what surprised me.",
            "Ask one young person how our waiting room feels to them and change one thing they name.",
            "Lämna blanketten till slutet av mötet och lyssna först på vad personen själv vill ta upp."));

    /** Every step before the attempt's position, with its answer: a few hundred characters per text field. */
    private static final String ATTEMPT_STEP = """
            INSERT INTO attempt_step (attempt_id, position, answer, choice, tried, happened, learned, keep_doing,
                shared, completed_at, updated_at)
            SELECT id, position,
                CASE position WHEN {REFLECTION} THEN %s WHEN {DISCUSSION} THEN %s END,
                CASE position WHEN {PERSPECTIVE} THEN h %% {OPTIONS} WHEN {RB} THEN IF(h %% 4 = 0, 0, 1) END,
                IF(position = {RB}, %s, NULL),
                IF(position = {RB}, %s, NULL),
                IF(position = {RB}, %s, NULL),
                IF(position = {RB}, %s, NULL),
                CASE WHEN position IN ({REFLECTION}, {RB}) AND (h DIV 1000) %% 100 < 5 THEN 'ANONYMOUS'
                     WHEN position IN ({REFLECTION}, {RB}) AND (h DIV 1000) %% 100 < 8 THEN 'SIGNED'
                     ELSE 'NONE' END,
                t, t
            FROM (
                SELECT a.id, p.seq AS position, CRC32(CONCAT(a.id, '/', p.seq)) AS h,
                    CRC32(CONCAT('x', a.id, '/', p.seq)) AS h1, CRC32(CONCAT('y', a.id, '/', p.seq)) AS h2,
                    CASE WHEN p.seq <= {AP} THEN a.started_at + INTERVAL ((p.seq + 1) * 180) SECOND
                         ELSE a.completed_at - INTERVAL (({STEPS} - p.seq) * 120) SECOND END AS t
                FROM attempt a STRAIGHT_JOIN seq_0_to_5 p ON p.seq < a.current_position
                WHERE a.learner_id = {ME}
            ) z
            ORDER BY id, position""".formatted(
            text("h1",
                    "Tiesin hänen osoitteensa, koulutodistuksensa ja sen, että poliisi oli käynyt kotona kahdesti.",
                    "Mostly what a colleague told me in the corridor; I had made up my mind before she sat down.",
                    "The referral letter described a problem, not a person, and I read it three times before we met.",
                    "Her previous worker's notes. Looking back, I was meeting the notes and not her at all.",
                    "Nothing, really, and I noticed how uneasy that made me: I wanted a file to hold on to.",
                    "Jag visste vilken skola han gick i och att hans mamma hade ringt oss förra våren.",
                    "I knew the diagnosis before I knew his name, and I am not proud of that order of things.",
                    "Only the time of the appointment and that she had missed the previous two without calling."),
            text("h2",
                    "We talked about how the file helps with safety but shapes the first five minutes far too much.",
                    "Our team agreed to try one meeting a week without reading ahead, and to compare notes on Friday.",
                    "Someone said the forms are for us, not for them. Nobody disagreed, which was telling.",
                    "Keskustelimme siitä, milloin tieto auttaa ja milloin se tekee meistä varovaisia väärällä tavalla.",
                    "Vi pratade om hur väntrummet känns och bestämde oss för att fråga de unga själva nästa vecka.",
                    "A colleague from housing pointed out that our letters read like summonses; we rewrote one."),
            text("h",
                    "I asked what mattered to him before opening anything on my screen, and kept the laptop closed.",
                    "I left the form until the end and started with how her week had been; it took ten minutes.",
                    "I tried it twice. The first time I forgot halfway through and went back to my checklist.",
                    "Kysyin nuorelta, mitä hänen tietonsa kertovat hänestä väärin, ja kirjoitin vastauksen ylös.",
                    "I asked the young person to tell me what the file gets wrong about them, then read it together.",
                    "Jag lät henne börja mötet och väntade med mina frågor tills hon själv sa att hon var klar."),
            text("h1 DIV 3",
                    "He talked for twenty minutes about football and then, unprompted, about his brother.",
                    "She was surprised and a bit suspicious at first, then relaxed and asked me questions back.",
                    "The meeting took longer but the follow-up was much shorter, because the plan was hers.",
                    "Honestly not much changed this time, but the tone felt different and she came back.",
                    "Hän kertoi asioista, joita lomakkeessa ei kysytä, ja ne muuttivat koko suunnitelman.",
                    "Han skrattade åt frågan först men svarade sedan länge och noggrant."),
            text("h2 DIV 3",
                    "The file tells me what went wrong. The person tells me what might go right, if I let them.",
                    "I decide too early. Waiting costs me five minutes and saves a good deal more later on.",
                    "People notice when you are reading about them instead of listening to them.",
                    "Opin, että ensivaikutelmani perustui enemmän papereihin kuin ihmiseen itseensä.",
                    "Mina kollegor är nyfikna på det här; två av dem vill pröva samma sak nästa månad.",
                    "The questions I skip are the ones that would have told me the most."),
            text("h DIV 5",
                    "Asking first, every first meeting, even when the waiting room is full.",
                    "Closing the laptop for the first ten minutes and saying so out loud.",
                    "Writing down their words, not my summary of them, in the notes.",
                    "Jatkan sitä, että kysyn ensin ja luen vasta sitten.",
                    "Att låta personen välja var vi sitter och hur mötet börjar.",
                    "Bringing one of their sentences to the team meeting every week."));

    /** Start ratings on every attempt, report-back ratings on completed ones. */
    private static final String ATTEMPT_RATING = """
            INSERT INTO attempt_rating (attempt_id, phase, statement, rating)
            SELECT id, IF(k < 3, 'REPORT', 'START'), k % 3, 1 + CRC32(CONCAT(id, ':', k)) % 5
            FROM (SELECT a.id, a.status, k.seq AS k FROM attempt a STRAIGHT_JOIN seq_0_to_5 k
                  WHERE a.learner_id = {ME} AND (k.seq >= 3 OR a.status = 'COMPLETED')) r
            ORDER BY id, k""";

    /** Feedback on two in five completed attempts, with a comment on most, half of them signed. */
    private static final String FEEDBACK = """
            INSERT INTO module_feedback (attempt_id, module_id, version_id, rating, comment, signed_by_id, created_at)
            SELECT a.id, a.module_id, a.version_id, 1 + CRC32(CONCAT('r', a.id)) %% 5,
                IF(a.id %% 7 = 0, NULL, %s), IF(a.id %% 2 = 0, a.learner_id, NULL), a.completed_at + INTERVAL 60 SECOND
            FROM attempt a WHERE a.learner_id = {ME} AND a.status = 'COMPLETED' AND CRC32(CONCAT('f', a.id)) %% 5 < 2
            ORDER BY a.id""".formatted(text("CRC32(CONCAT('c', a.id))",
            "The story hit home: I have been the worker who opened the file first more times than I like.",
            "Raportointiosuus oli paras: jouduin oikeasti kokeilemaan jotain ja kertomaan, mitä tapahtui.",
            "Please add a version of the story from the worker's side too; it would help our team discuss it.",
            "Lite för lång för en hektisk vecka, men diskussionsfrågorna fungerade bra på vårt teammöte.",
            "The perspective check made me laugh and then made me uncomfortable, which I think was the point."));

    /** A certificate per completed attempt, as CertificateIssuer writes it (registered name, titles as printed). */
    private static final String CERTIFICATE = """
            INSERT INTO certificate (code, attempt_id, learner_id, organisation_id, learner_name, organisation,
                module_id, version_id, module_title, version_number, credits, completed_at, seconds_spent, issued_at,
                valid_until)
            SELECT CONCAT('{CODE}', LPAD(a.id, 21, '0')), a.id, a.learner_id, o.id, p.registered_name, o.name,
                a.module_id, a.version_id, v.title, v.number, v.credits, a.completed_at, a.seconds_spent,
                a.completed_at + INTERVAL 2 SECOND,
                IF(v.validity_months IS NULL, NULL, a.completed_at + INTERVAL v.validity_months MONTH)
            FROM attempt a
            STRAIGHT_JOIN person p ON p.id = a.learner_id
            STRAIGHT_JOIN organisation o ON o.id = p.organisation_id
            STRAIGHT_JOIN module_version v ON v.id = a.version_id
            WHERE a.learner_id = {ME} AND a.status = 'COMPLETED'
            ORDER BY a.id""";

    /** 20 assignments from the first team's manager, of 20 different modules; every fourth withdrawn. */
    private static final String ASSIGNMENT = """
            INSERT INTO assignment (learner_id, module_id, assigned_by_id, due_date, created_at, withdrawn_at,
                satisfied_at, version)
            SELECT {ME}, mo.id, m.person_id, DATE(TIMESTAMP'{NOW}') - INTERVAL (s.k * 60 - 200) DAY,
                TIMESTAMP'{NOW}' - INTERVAL (s.k * 60) DAY,
                IF(s.k % 4 = 0, TIMESTAMP'{NOW}' - INTERVAL (s.k * 60 - 3) DAY, NULL),
                IF(s.k % 3 = 0, TIMESTAMP'{NOW}' - INTERVAL (s.k * 60 - 20) DAY, NULL), 0
            FROM (SELECT CAST(seq AS SIGNED) AS k FROM seq_1_to_20) s
            JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS m FROM module
                  WHERE organisation_id = {O} AND status = 'PUBLISHED') mo ON mo.m = (s.k * 11) % {MODULES} + 1
            JOIN team_manager m ON m.team_id = (SELECT MIN(team_id) FROM team_member WHERE person_id = {ME})""";

    /** "Your report back is open" for each of the person's attempts that reached it. */
    private static final String NOTIFICATION = OTHERS_NOTIFICATIONS.replace(
            "WHERE a.report_back_opens_at", "WHERE a.learner_id = {ME} AND a.report_back_opens_at");
}
