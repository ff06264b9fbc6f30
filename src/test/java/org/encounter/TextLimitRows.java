package org.encounter;

import static org.encounter.TextLimitRow.ANY_TEXT;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.encounter.TextLimitRow.Form;
import org.encounter.authoring.ModuleDetails;
import org.encounter.authoring.PerspectiveOption;
import org.encounter.authoring.StepContent;
import org.encounter.authoring.StepType;
import org.encounter.exchange.ExchangeAgreements;
import org.encounter.exchange.ExchangeReportBacks;
import org.encounter.exchange.Sector;
import org.encounter.identity.Role;
import org.encounter.learning.StepAnswer;
import org.encounter.sets.SetService;

/**
 * Every service method that stores text a person wrote, one row per field: the column it lands in, the field
 * its message is shown at, its limit, and how it is written and read back ({@link TextLimitRow}). A text column
 * that has no row here (and is not listed in {@link TextLimitsTest#NEEDS_NO_ROW}) fails the test.
 */
final class TextLimitRows {

    private final TextLimitsTest t;
    private final TextLimitWorld w;

    TextLimitRows(TextLimitsTest t, TextLimitWorld w) {
        this.t = t;
        this.w = w;
    }

    private TextLimitRow row(String column, String field, int max, Function<String, String> write, Supplier<Object> state) {
        return new TextLimitRow(column, field, max, true, "", "", ANY_TEXT, write, state);
    }

    private Supplier<Object> state(String sql, Object... args) {
        return () -> t.jdbc.queryForList(sql, args);
    }

    List<TextLimitRow> all() {
        List<TextLimitRow> rows = new java.util.ArrayList<>();
        rows.addAll(identity());
        rows.addAll(authoring());
        rows.addAll(learning());
        rows.addAll(setsStoriesCertificates());
        rows.addAll(exchange());
        return rows;
    }

    private List<TextLimitRow> identity() {
        long p = w.person;
        String email = "select email from person where id = ?";
        return List.of(
                row("organisation.name", "name", 150, v -> t.one(String.class, "select name from organisation where id = ?",
                        t.as("admin", () -> t.organisations.create(v)).id()), state("select count(*) from organisation")),
                row("organisation.name", "name", 150, v -> t.as("admin", () -> t.organisations.rename(w.organisation, v)).name(),
                        state("select name from organisation where id = ?", w.organisation)),
                row("partnership.name", "name", 150, v -> t.one(String.class, "select name from partnership where id = ?",
                        t.as("admin", () -> t.partnerships.create(v, p)).id()), state("select count(*) from partnership")),
                row("pathway.name", "name", 150, v -> {
                    long aurajoki = t.one(Long.class, "select id from partnership where name = 'One Aurajoki'");
                    List<Long> shared = t.jdbc.queryForList("select module_id from module_share where partnership_id = ?"
                            + " and ended_at is null order by module_id", Long.class, aurajoki);
                    t.as("admin", () -> t.pathways.save(aurajoki, v, shared, 30));
                    return t.one(String.class, "select name from pathway where partnership_id = ?", aurajoki);
                }, state("select name from pathway")),
                row("team.name", "name", 150, v -> t.one(String.class, "select name from team where id = ?",
                        t.as("admin", () -> t.teams.create(w.organisation, v)).id()), state("select count(*) from team")),
                row("team.name", "name", 150, v -> t.as("admin", () -> t.teams.update(w.team, v, Set.of(), Set.of())).name(),
                        state("select name from team where id = ?", w.team)),
                row("person.display_name", "displayName", 100, v -> t.as("admin", () -> t.people.update(p, v,
                        t.one(String.class, email, p), Set.of(Role.LEARNER))).displayName(),
                        state("select display_name, email from person where id = ?", p)),
                row("person.email", "email", 254, v -> t.as("admin", () -> t.people.update(p, "Text Limits Person", v,
                        Set.of(Role.LEARNER))).email(), state("select display_name, email from person where id = ?", p))
                        .around("", "@example.org", Set.of(Form.ASCII, Form.PADDED)),
                row("person.display_name", "displayName", 100, v -> t.as(w.learnerEmail, () -> t.people.updateMyProfile(v, "en"))
                        .displayName(), state("select display_name from person where email = ?", w.learnerEmail)),
                row("invitation.note", "note", 200, v -> t.one(String.class, "select note from invitation where id = ?",
                        t.as("admin", () -> t.invitations.create(w.demoOrganisation, null, Set.of(Role.LEARNER), "Invited", v)).id()),
                        state("select count(*) from invitation where note is not null")),
                row("person.display_name", "displayName", 100, v -> t.one(String.class,
                        "select display_name from person where id = ?", accept(v, "limits-" + System.nanoTime() + "@example.org")),
                        state("select count(*) from person")),
                row("person.email", "email", 254, v -> t.one(String.class, email, accept("Invited", v)),
                        state("select count(*) from person"))
                        .around("", "@example.org", Set.of(Form.ASCII, Form.PADDED)),
                row("person.registered_name", "registeredName", 100, v -> t.as("admin", () -> t.people.register(p, v))
                        .registeredName(), state("select registered_name from person where id = ?", p)),
                row("person.requested_name", "registeredName", 100, v -> t.as(w.learnerEmail,
                        () -> t.people.requestMyRegisteredName(v)).requestedName(),
                        state("select requested_name from person where email = ?", w.learnerEmail)),
                row("invitation.registered_name", "registeredName", 100, v -> t.one(String.class,
                        "select registered_name from invitation where id = ?", t.as("admin", () -> t.invitations.create(
                                w.demoOrganisation, null, Set.of(Role.LEARNER), v, null)).id()),
                        state("select count(*) from invitation")));
    }

    private long accept(String name, String email) {
        String link = t.as("admin", () -> t.invitations.create(w.demoOrganisation, null, Set.of(Role.LEARNER), "Invited",
                null)).link();
        return t.invitations.accept(link.substring(link.lastIndexOf('/') + 1), name, email, TextLimitWorld.PASSWORD, "en");
    }

    private String details(java.util.function.UnaryOperator<ModuleDetails> change, String column) {
        ModuleDetails base = new ModuleDetails("Text limits draft", "A summary.", null, null, "en", List.of(), List.of());
        t.as("emma", () -> t.modules.updateDetails(w.draft, null, change.apply(base)));
        return t.one(String.class, "select " + column + " from module where id = ?", w.draft);
    }

    private String step(long stepId, StepContent content, Function<StepContent, String> read) {
        t.as("emma", () -> t.modules.updateStep(stepId, w.stepVersion(stepId), content));
        return read.apply(t.as("emma", () -> t.modules.draft(w.draft)).steps().stream()
                .filter(s -> s.id() == stepId).findFirst().orElseThrow().content());
    }

    private List<TextLimitRow> authoring() {
        Supplier<Object> module = state("select * from module where id = ?", w.draft);
        Supplier<Object> steps = state("select heading, body, video_url, caption, alt_text, options from module_step"
                + " where module_id = ?", w.draft);
        StepType story = StepType.STORY;
        StepType media = StepType.MEDIA;
        StepType check = StepType.PERSPECTIVE_CHECK;
        return List.of(
                row("module.title", "title", 120, v -> t.one(String.class, "select title from module where id = ?",
                        t.as("emma", () -> t.modules.create(v, "en"))), state("select count(*) from module")),
                row("module.title", "title", 120, v -> details(d -> new ModuleDetails(v, d.summary(), null, null, "en",
                        List.of(), List.of()), "title"), module),
                row("module.summary", "summary", 600, v -> details(d -> new ModuleDetails(d.title(), v, null, null, "en",
                        List.of(), List.of()), "summary"), module),
                row("module.audience", "audience", 200, v -> details(d -> new ModuleDetails(d.title(), d.summary(), v, null,
                        "en", List.of(), List.of()), "audience"), module),
                row("module.themes", "themes", 40, v -> details(d -> new ModuleDetails(d.title(), d.summary(), null, null,
                        "en", List.of(v), List.of()), "themes"), module).lowerCased(),
                row("module.statement_1", "statement1", 200, v -> details(d -> new ModuleDetails(d.title(), d.summary(),
                        null, null, "en", List.of(), List.of(v)), "statement_1"), module),
                row("module.statement_2", "statement2", 200, v -> details(d -> new ModuleDetails(d.title(), d.summary(),
                        null, null, "en", List.of(), List.of("One.", v)), "statement_2"), module),
                row("module.statement_3", "statement3", 200, v -> details(d -> new ModuleDetails(d.title(), d.summary(),
                        null, null, "en", List.of(), List.of("One.", "Two.", v)), "statement_3"), module),
                row("module_step.heading", "heading", 150, v -> step(w.storyStep, new StepContent(story, v, "Body.", null,
                        null, null, null, null, List.of()), StepContent::heading), steps),
                row("module_step.body", "body", 10_000, v -> step(w.storyStep, new StepContent(story, "Heading", v, null,
                        null, null, null, null, List.of()), StepContent::body), steps),
                row("module_step.caption", "caption", 300, v -> step(w.mediaStep, new StepContent(media, null, null, null,
                        null, v, "Alt.", null, List.of()), StepContent::caption), steps),
                row("module_step.alt_text", "altText", 300, v -> step(w.mediaStep, new StepContent(media, null, null, null,
                        null, "Caption.", v, null, List.of()), StepContent::altText), steps),
                row("module_step.video_url", "videoUrl", 500, v -> step(w.mediaStep, new StepContent(media, null, null, null,
                        v, null, null, null, List.of()), StepContent::videoUrl), steps)
                        .around("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=", "", ANY_TEXT),
                row("module_step.options", "options", 200, v -> step(w.perspectiveStep, new StepContent(check, "Whose?",
                        null, null, null, null, null, null, List.of(new PerspectiveOption(v, "Why."),
                        new PerspectiveOption("Other", "Why."))), c -> c.options().getFirst().text()), steps),
                row("module_step.options", "options", 1_500, v -> step(w.perspectiveStep, new StepContent(check, "Whose?",
                        null, null, null, null, null, null, List.of(new PerspectiveOption("One", v),
                        new PerspectiveOption("Other", "Why."))), c -> c.options().getFirst().explanation()), steps),
                row("module_author.credit", "credit", 100, v -> {
                    t.as("emma", () -> t.coAuthors.setMyCredit(w.draft, v));
                    return t.one(String.class, "select credit from module_author where module_id = ? and owner", w.draft);
                }, state("select credit from module_author where module_id = ?", w.draft)),
                row("step_comment.body", "comment", 2_000, v -> t.one(String.class, "select body from step_comment where id = ?",
                        t.as("emma", () -> t.review.comment(w.draft, null, v)).id()), state("select count(*) from step_comment")),
                row("module_transition.note", "note", 1_000, v -> {
                    if (!"IN_REVIEW".equals(t.one(String.class, "select status from module where id = ?", w.inReview))) {
                        t.as("emma", () -> t.review.submit(w.inReview));
                    }
                    t.as("kaisa", () -> t.review.requestChanges(w.inReview, v, t.modules.draft(w.inReview).revision()));
                    return t.one(String.class, "select note from module_transition where module_id = ?"
                            + " and to_status = 'CHANGES_REQUESTED' order by id desc limit 1", w.inReview);
                }, state("select note from module_transition where module_id = ? and to_status = 'CHANGES_REQUESTED'",
                        w.inReview)));
    }

    private String answer(int position, StepAnswer answer, String column) {
        t.as(w.learnerEmail, () -> t.learning.saveAnswer(w.openAttempt, position, answer));
        return t.one(String.class, "select " + column + " from attempt_step where attempt_id = ? and position = ?",
                w.openAttempt, position);
    }

    private List<TextLimitRow> learning() {
        Supplier<Object> steps = state("select * from attempt_step where attempt_id = ?", w.openAttempt);
        TextLimitRow answer = row("attempt_step.answer", "answer", 10_000, v -> answer(0, TextLimitWorld.reflection(v), "answer"),
                steps);
        TextLimitRow tried = row("attempt_step.tried", "tried", 5_000, v -> answer(3, new StepAnswer(null, 1, v, "H", "L", "K",
                null, null, false), "tried"), steps);
        TextLimitRow happened = row("attempt_step.happened", "happened", 5_000, v -> answer(3, new StepAnswer(null, 1, "T", v,
                "L", "K", null, null, false), "happened"), steps);
        TextLimitRow learned = row("attempt_step.learned", "learned", 5_000, v -> answer(3, new StepAnswer(null, 1, "T", "H", v,
                "K", null, null, false), "learned"), steps);
        TextLimitRow keep = row("attempt_step.keep_doing", "keepDoing", 5_000, v -> answer(3, new StepAnswer(null, 1, "T", "H",
                "L", v, null, null, false), "keep_doing"), steps);
        // What a learner writes is kept exactly as written, surrounding spaces and all: the limit counts them.
        List<TextLimitRow> typed = java.util.stream.Stream.of(answer, tried, happened, learned, keep)
                .map(r -> new TextLimitRow(r.column(), r.field(), r.max(), false, "", "", ANY_TEXT, r.write(), r.state())).toList();
        List<TextLimitRow> rows = new java.util.ArrayList<>(typed);
        rows.add(row("attempt.action_text", "action", 500, v -> {
            t.as(w.learnerEmail, () -> t.learning.completeStep(w.openAttempt, 2, TextLimitWorld.action(v)));
            return t.one(String.class, "select action_text from attempt where id = ?", w.openAttempt);
        }, state("select action_text from attempt where id = ?", w.openAttempt)));
        rows.add(row("module_feedback.comment", "comment", 2_000, v -> {
            long attempt = w.finish();
            t.as(w.finisherEmail, () -> t.learning.giveFeedback(attempt, 4, v, true));
            return t.one(String.class, "select comment from module_feedback where attempt_id = ?", attempt);
        }, state("select count(*) from module_feedback where module_id = ?", w.published)));
        return rows;
    }

    private String story(String title, String tried, String happened, String learned, String column) {
        t.as(w.finisherEmail, () -> t.stories.submit(w.storyAttempt, title, tried, happened, learned, true));
        return t.one(String.class, "select " + column + " from story where id = ?", w.story);
    }

    private List<TextLimitRow> setsStoriesCertificates() {
        Supplier<Object> meeting = state("select place, online_link, notes from set_meeting where id = ?", w.meeting);
        Supplier<Object> storyState = state("select title, tried, happened, learned, curator_comment from story"
                + " where id = ?", w.story);
        long learner = t.one(Long.class, "select id from person where email = ?", w.learnerEmail);
        Function<SetService.MeetingForm, String> reschedule = m -> {
            t.as("tuula", () -> t.sets.update(w.set, new SetService.Form(t.one(String.class,
                    "select name from learning_set where id = ?", w.set), w.published, List.of(learner), null, List.of(m))));
            return "";
        };
        return List.of(
                row("learning_set.name", "name", 120, v -> t.one(String.class, "select name from learning_set where id = ?",
                        t.as("tuula", () -> t.sets.create(new SetService.Form(v, w.published, List.of(learner), null,
                                List.of(w.meetingForm(null, "Room 2", null)))))), state("select count(*) from learning_set")),
                row("set_meeting.place", "meeting.0.place", 200, v -> reschedule.apply(w.meetingForm(w.meeting, v, null))
                        + t.one(String.class, "select place from set_meeting where id = ?", w.meeting), meeting),
                row("set_meeting.online_link", "meeting.0.link", 500, v -> reschedule.apply(w.meetingForm(w.meeting, null, v))
                        + t.one(String.class, "select online_link from set_meeting where id = ?", w.meeting), meeting)
                        .around("https://example.org/", "", ANY_TEXT),
                row("set_meeting.notes", "notes", 4_000, v -> {
                    var basedOn = t.as("tuula", () -> t.meetings.page(w.set, w.meeting)).notesUpdatedAt();
                    t.as("tuula", () -> t.meetings.saveNotes(w.set, w.meeting, v, basedOn));
                    return t.one(String.class, "select notes from set_meeting where id = ?", w.meeting);
                }, meeting),
                row("story.title", "title", 120, v -> story(v, "T", "H", "L", "title"), storyState),
                row("story.tried", "tried", 2_000, v -> story("Title", v, "H", "L", "tried"), storyState),
                row("story.happened", "happened", 2_000, v -> story("Title", "T", v, "L", "happened"), storyState),
                row("story.learned", "learned", 2_000, v -> story("Title", "T", "H", v, "learned"), storyState),
                row("story.curator_comment", "comment", 1_000, v -> {
                    story("Title", "T", "H", "L", "title");
                    t.as("kaisa", () -> t.stories.giveBack(w.story, v,
                            t.one(Long.class, "select version from story where id = ?", w.story)));
                    return t.one(String.class, "select curator_comment from story where id = ?", w.story);
                }, state("select curator_comment from story where id = ?", w.story)),
                row("certificate.revoked_reason", "reason", 500, v -> {
                    long certificate = w.certificate();
                    t.as("admin", () -> t.certificates.revoke(certificate, v));
                    return t.one(String.class, "select revoked_reason from certificate where id = ?", certificate);
                }, state("select count(*) from certificate where revoked_at is not null")));
    }

    private String application(String wants, String offers, String note, String column) {
        long round = w.openRound("Text limits applications " + System.nanoTime());
        long id = w.apply("elina", round, TextLimitWorld.application(Sector.HEALTH, wants, offers, note));
        return t.one(String.class, "select " + column + " from exchange_application where id = ?", id);
    }

    private String decline(String who, String v, String column) {
        long pair = w.publishedPair();
        t.as(who, () -> t.exchangeAgreements.answer(pair, false, v));
        return t.one(String.class, "select " + column + " from exchange_pair where id = ?", pair);
    }

    private String plan(String place, String shadow, String column) {
        long visit = t.as("sanna", () -> t.exchangeAgreements.planVisit(w.acceptedPair, true, w.visitDay, place, shadow));
        return t.one(String.class, "select " + column + " from exchange_visit where id = ?", visit);
    }

    private String move(String place, String shadow, String column) {
        t.as("sanna", () -> t.exchangeAgreements.changeVisit(w.visitToChange, w.visitDay, place, shadow));
        return t.one(String.class, "select " + column + " from exchange_visit where id = ?", w.visitToChange);
    }

    private String reportBack(String tried, String happened, String learned, String column) {
        t.as("sanna", () -> t.exchangeReportBacks.write(w.completedPair, tried, happened, learned));
        return t.one(String.class, "select " + column + " from exchange_report_back where pair_id = ?", w.completedPair);
    }

    private List<TextLimitRow> exchange() {
        Supplier<Object> rounds = state("select count(*) from exchange_round");
        Supplier<Object> round = state("select name, place from exchange_round where id = ?", w.exchangeRound);
        Supplier<Object> applications = state("select count(*) from exchange_application");
        Supplier<Object> declined = state("select count(*) from exchange_pair where status = 'DECLINED'"
                + " or first_reason is not null or second_reason is not null");
        Supplier<Object> visits = state("select count(*) from exchange_visit where pair_id = ?", w.acceptedPair);
        Supplier<Object> moved = state("select visit_date, place, shadow from exchange_visit where id = ?", w.visitToChange);
        int text = ExchangeReportBacks.TEXT_MAX;
        Supplier<Object> reportBack = state("select tried, happened, learned from exchange_report_back where pair_id = ?",
                w.completedPair);
        return List.of(
                row("exchange_round.name", "name", 120, v -> t.one(String.class, "select name from exchange_round where id = ?",
                        t.as("kirsi", () -> t.exchangeRounds.open(w.exchangePartnership, w.roundForm(v, null))).id()), rounds),
                row("exchange_round.name", "name", 120, v -> t.as("kirsi", () -> t.exchangeRounds.change(w.exchangeRound,
                        w.roundForm(v, null))).name(), round),
                row("exchange_round.place", "place", 200, v -> t.one(String.class, "select place from exchange_round where id = ?",
                        t.as("kirsi", () -> t.exchangeRounds.open(w.exchangePartnership, w.roundForm("Text limits place", v)))
                                .id()), rounds),
                row("exchange_round.place", "place", 200, v -> t.as("kirsi", () -> t.exchangeRounds.change(w.exchangeRound,
                        w.roundForm("Text limits round", v))).form().place(), round),
                row("exchange_application.wants", "wants", 1_000, v -> application(v, "Offers.", null, "wants"), applications),
                row("exchange_application.offers", "offers", 1_000, v -> application("Wants.", v, null, "offers"), applications),
                row("exchange_application.availability_note", "availabilityNote", 300,
                        v -> application("Wants.", "Offers.", v, "availability_note"), applications),
                row("exchange_pair.first_reason", "reason", 500, v -> decline("sanna", v, "first_reason"), declined),
                row("exchange_pair.second_reason", "reason", 500, v -> decline("elina", v, "second_reason"), declined),
                row("exchange_visit.place", "place", 200, v -> plan(v, "Shadow.", "place"), visits),
                row("exchange_visit.shadow", "shadow", 500, v -> plan("Place.", v, "shadow"), visits),
                row("exchange_visit.place", "place", 200, v -> move(v, "Shadow.", "place"), moved),
                row("exchange_visit.shadow", "shadow", 500, v -> move("Place.", v, "shadow"), moved),
                row("exchange_visit.reflection", "reflection", 4_000, v -> {
                    t.as("elina", () -> t.exchangeAgreements.reflect(w.visitToReflect, v, false));
                    return t.one(String.class, "select reflection from exchange_visit where id = ?", w.visitToReflect);
                }, state("select reflection, reflection_shared from exchange_visit where id = ?", w.visitToReflect)),
                row("exchange_goal.text", "goal0", 300, v -> {
                    t.as("sanna", () -> t.exchangeAgreements.setGoals(w.acceptedPair, List.of(
                            new ExchangeAgreements.GoalInput(v, 3), new ExchangeAgreements.GoalInput("Another goal.", 2))));
                    return t.one(String.class, "select text from exchange_goal where pair_id = ? and position = 0",
                            w.acceptedPair);
                }, state("select text, start_rating from exchange_goal where pair_id = ? order by position", w.acceptedPair)),
                row("exchange_report_back.tried", "tried", text, v -> reportBack(v, "H", "L", "tried"), reportBack),
                row("exchange_report_back.happened", "happened", text, v -> reportBack("T", v, "L", "happened"), reportBack),
                row("exchange_report_back.learned", "learned", text, v -> reportBack("T", "H", v, "learned"), reportBack));
    }
}
