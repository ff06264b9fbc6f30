package org.encounter.bench;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.encounter.authoring.PerspectiveOption;
import org.encounter.authoring.StepContent;
import org.encounter.authoring.StepType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bench world's 300 published modules, written the way the authoring feature writes them: a
 * working copy (module, module_step, module_author) and one frozen version whose content is the
 * same JSON that {@code Publisher.freeze} stores. Only 300 modules, so plain JDBC batches.
 */
final class BenchModules {

    /** The same shape, names and mapper as Publisher.Snapshot (package-private there), so Publisher.read parses it. */
    record Snapshot(String title, String summary, String audience, Integer estimatedMinutes, String language,
                    List<String> themes, List<String> statements, String coverImageKey, List<String> credits,
                    List<StepContent> steps) {
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** STORY, REFLECTION, PERSPECTIVE_CHECK, ACTION_PLAN, REPORT_BACK, DISCUSSION — as in the demo modules. */
    static final int STEPS = 6;
    static final int REFLECTION = 1;
    static final int PERSPECTIVE = 2;
    static final int ACTION_PLAN = 3;
    static final int REPORT_BACK = 4;
    static final int DISCUSSION = 5;
    static final int MIN_DAYS = 7;
    static final int OPTIONS = 3;

    private static final String[] TOPICS = {"Listening first", "The file came first", "Us and them",
        "Walk in another's shoes", "Nobody asked what I wanted", "Waiting rooms", "The second meeting",
        "What the form does not ask", "A name, not a number", "Who decides the agenda", "The closed door",
        "First impressions", "Trust takes time", "When the plan was not mine", "Small talk, big difference",
        "The long queue", "Being believed", "A seat at the table", "Saying no kindly", "The language we use",
        "After the meeting", "Too many professionals", "Home visits", "Feeling watched", "The missed appointment",
        "Asking for help", "Rules and reasons", "The helpful stranger", "Starting over", "What good looks like"};
    private static final String[] THEMES = {"listening", "youth services", "assumptions", "community policing",
        "empathy", "leadership", "participation", "environment", "social work", "health", "schools", "housing"};
    private static final String[] STATEMENTS = {
        "I see the person in front of me as a whole, not a list of problems.",
        "I ask people what matters to them before I talk about what matters to my service.",
        "I notice when I have decided what someone needs before they have told me.",
        "I check my first impression against what the person actually says.",
        "I can describe my service as the people who use it experience it.",
        "I change one thing in my work because of what a service user told me.",
        "I explain our rules in words the person would use themselves.",
        "I make time for the question behind the question.",
        "I ask before I decide."};

    private BenchModules() {
    }

    /**
     * Module m (1..count) gets id {@code moduleBase + m} and its version id {@code versionBase + m}; its owner is
     * staff member {@code 1 + m % authors} (person id {@code personBase + that}).
     */
    static void insert(JdbcTemplate jdbc, int count, long moduleBase, long versionBase, long personBase,
                       List<String> authorNames, long curatorId, LocalDateTime published) {
        int authors = authorNames.size();
        // The host organisation (V21): the curator's, which is the authors' too.
        Long organisationId = jdbc.queryForObject("SELECT organisation_id FROM person WHERE id = ?", Long.class,
                curatorId);
        List<Object[]> modules = new ArrayList<>();
        List<Object[]> versions = new ArrayList<>();
        List<Object[]> steps = new ArrayList<>();
        List<Object[]> credits = new ArrayList<>();
        LocalDateTime created = published.minusDays(30);
        for (int m = 1; m <= count; m++) {
            String title = TOPICS[(m - 1) % TOPICS.length] + ((m - 1) / TOPICS.length == 0 ? ""
                    : " " + ((m - 1) / TOPICS.length + 1));
            String summary = "A true story of meeting people where they are (module " + m + "): what it felt like to "
                    + "be on the other side of the desk, and one thing to try in your own work next week.";
            String audience = "Staff across services who meet residents face to face";
            int minutes = 10 + (m * 7) % 36;
            String language = m % 10 == 8 ? "fi" : m % 10 == 9 ? "sv" : "en";
            List<String> themes = List.of(THEMES[m % THEMES.length], THEMES[(m * 5 + 3) % THEMES.length])
                    .stream().distinct().toList();
            List<String> statements = List.of(STATEMENTS[m % 9], STATEMENTS[(m + 3) % 9], STATEMENTS[(m + 6) % 9]);
            Integer validity = m % 2 == 1 ? 12 : null;
            int owner = 1 + m % authors;
            int coAuthor = 1 + (m + 1) % authors;
            List<String> credited = m % 3 == 0 ? List.of(authorNames.get(owner - 1), "Young people of the Bench City Youth Council")
                    : List.of(authorNames.get(owner - 1));
            List<StepContent> content = steps(title);
            String snapshot = JSON.writeValueAsString(new Snapshot(title, summary, audience, minutes, language, themes,
                    statements, null, credited, content));
            long moduleId = moduleBase + m;
            long versionId = versionBase + m;
            modules.add(new Object[] {moduleId, personBase + owner, title, summary, audience, minutes, language,
                String.join(",", themes), statements.get(0), statements.get(1), statements.get(2), versionId,
                validity, created, published, organisationId});
            versions.add(new Object[] {versionId, moduleId, title, language, published, curatorId, snapshot, summary,
                minutes, String.join(",", themes), String.join(", ", credited), validity});
            for (int p = 0; p < content.size(); p++) {
                StepContent c = content.get(p);
                steps.add(new Object[] {moduleId, p, c.type().name(), c.heading(), c.body(), c.minDays(),
                    c.options().isEmpty() ? null : JSON.writeValueAsString(c.options()), personBase + owner, created});
            }
            credits.add(new Object[] {moduleId, personBase + owner, credited.get(0), true, created});
            if (credited.size() > 1 && coAuthor != owner) {
                credits.add(new Object[] {moduleId, personBase + coAuthor, credited.get(1), false, created});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO module (id, owner_id, status, title, summary, audience, estimated_minutes, language, themes,
                    statement_1, statement_2, statement_3, latest_version_id, validity_months, created_at, updated_at,
                    organisation_id)
                VALUES (?, ?, 'PUBLISHED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", modules);
        jdbc.batchUpdate("""
                INSERT INTO module_version (id, module_id, number, title, language, published_at, published_by_id, content,
                    summary, estimated_minutes, themes, credits, validity_months)
                VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", versions);
        jdbc.batchUpdate("""
                INSERT INTO module_step (module_id, position, type, heading, body, min_days, options, updated_by_id,
                    updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", steps);
        jdbc.batchUpdate("INSERT INTO module_author (module_id, person_id, credit, owner, added_at) VALUES (?, ?, ?, ?, ?)",
                credits);
    }

    static List<StepContent> steps(String title) {
        List<StepContent> steps = List.of(
                new StepContent(StepType.STORY, title, """
                        The first thing she did was open my file. She read for a long time. I sat there and watched \
                        her read about me.

                        > I was a case before I was a person.

                        When she finally looked up, she asked about school, the police report, my mother. \
                        **Nobody asked what I was good at.**""", null, null, null, null, null, List.of()),
                new StepContent(StepType.REFLECTION, null, "Think of the last person you met for the first time. What "
                        + "did you know about them before they said a word, and where did that come from?",
                        null, null, null, null, null, List.of()),
                new StepContent(StepType.PERSPECTIVE_CHECK, "Someone misses your second meeting. What do you think first?",
                        null, null, null, null, null, null, List.of(
                        new PerspectiveOption("They are not committed.", "That is what I was told about me."),
                        new PerspectiveOption("Something got in the way. I should find out what.",
                                "This is what changed things: someone *asked* instead of deciding."),
                        new PerspectiveOption("It is in the file.", "The file rarely remembers the reasons."))),
                new StepContent(StepType.ACTION_PLAN, null, "Plan one first meeting where you ask what matters to the "
                        + "person before you open any file.", null, null, null, null, null, List.of()),
                new StepContent(StepType.REPORT_BACK, null, "Tell us what happened when you asked first and read later.",
                        null, null, null, null, MIN_DAYS, List.of()),
                new StepContent(StepType.DISCUSSION, null, """
                        - When does the file help, and when does it get in the way?
                        - What would change if every first meeting began with *what matters to you?*""",
                        null, null, null, null, null, List.of()));
        if (steps.size() != STEPS || steps.get(REPORT_BACK).type() != StepType.REPORT_BACK
                || steps.get(ACTION_PLAN).type() != StepType.ACTION_PLAN
                || steps.get(PERSPECTIVE).options().size() != OPTIONS) {
            throw new IllegalStateException("the step positions above no longer match the constants");
        }
        return steps;
    }
}
