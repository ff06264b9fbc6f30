package org.encounter;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.encounter.authoring.ModuleDetails;
import org.encounter.authoring.PerspectiveOption;
import org.encounter.authoring.StepContent;
import org.encounter.authoring.StepType;
import org.encounter.authoring.StepView;
import org.encounter.exchange.ApplicationForm;
import org.encounter.exchange.Level;
import org.encounter.exchange.RoundForm;
import org.encounter.exchange.Sector;
import org.encounter.exchange.Shown;
import org.encounter.exchange.Theme;
import org.encounter.identity.Role;
import org.encounter.learning.StepAnswer;
import org.encounter.sets.SetService;

/**
 * What {@link TextLimitsTest} writes its fields into, all of it its own so the demo world stays as other tests
 * expect it: an organisation and team, people, a draft with a step of each kind that has text, a module in
 * review, a published module, an open attempt, a set with a meeting, and a story.
 */
final class TextLimitWorld {

    static final String PASSWORD = "a quiet harbour at dawn 42";
    static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

    final TextLimitsTest t;
    final long demoOrganisation;
    long organisation;
    long team;
    long person;
    String learnerEmail;
    String finisherEmail;
    long draft;
    long storyStep;
    long mediaStep;
    long perspectiveStep;
    long inReview;
    long published;
    long openAttempt;
    long set;
    long meeting;
    long story;
    long storyAttempt;
    long exchangePartnership;
    Set<Long> exchangeMembers;
    long exchangeRound;
    long acceptedPair;
    LocalDate visitDay;
    long visitToChange;
    long visitToReflect;
    long completedPair;

    private TextLimitWorld(TextLimitsTest t) {
        this.t = t;
        this.demoOrganisation = t.one(Long.class, "select id from organisation where name like 'City of Aurajoki%'");
    }

    static TextLimitWorld build(TextLimitsTest t) {
        TextLimitWorld w = new TextLimitWorld(t);
        String run = Long.toString(System.nanoTime(), 36);
        w.organisation = t.as("admin", () -> t.organisations.create("Text limits " + run)).id();
        w.team = t.as("admin", () -> t.teams.create(w.organisation, "Text limits team")).id();
        w.person = w.newPerson("Text Limits Person", "limits-person-" + run + "@example.org");
        w.learnerEmail = "limits-learner-" + run + "@example.org";
        w.newPerson("Text Limits Learner", w.learnerEmail);
        w.finisherEmail = "limits-finisher-" + run + "@example.org";
        w.newPerson("Text Limits Finisher", w.finisherEmail);

        w.draft = t.as("emma", () -> t.modules.create("Text limits draft " + run, "en"));
        w.storyStep = t.as("emma", () -> t.modules.addStep(w.draft, StepType.STORY)).id();
        w.mediaStep = t.as("emma", () -> t.modules.addStep(w.draft, StepType.MEDIA)).id();
        w.perspectiveStep = t.as("emma", () -> t.modules.addStep(w.draft, StepType.PERSPECTIVE_CHECK)).id();
        w.inReview = w.readyModule("Text limits in review " + run, List.of(StepType.STORY));
        t.as("emma", () -> t.review.submit(w.inReview));
        w.published = w.readyModule("Text limits published " + run, List.of(StepType.REFLECTION,
                StepType.PERSPECTIVE_CHECK, StepType.ACTION_PLAN, StepType.REPORT_BACK));
        t.as("emma", () -> t.review.submit(w.published));
        t.as("kaisa", () -> t.review.publish(w.published, t.modules.draft(w.published).revision()));

        w.openAttempt = t.as(w.learnerEmail, () -> t.learning.start(w.published));
        t.as(w.learnerEmail, () -> t.learning.completeStep(w.openAttempt, 0, reflection("A first thought.")));
        t.as(w.learnerEmail, () -> t.learning.completeStep(w.openAttempt, 1, choice(0)));

        long learner = t.one(Long.class, "select id from person where email = ?", w.learnerEmail);
        w.set = t.as("tuula", () -> t.sets.create(new SetService.Form("Text limits set " + run, w.published,
                List.of(learner), null, List.of(w.meetingForm(null, "Room 1", null)))));
        w.meeting = t.one(Long.class, "select id from set_meeting where set_id = ?", w.set);

        w.storyAttempt = w.finish();
        t.as(w.finisherEmail, () -> t.stories.submit(w.storyAttempt, "A story", "I tried.", "It went.", "I learned.",
                true));
        w.story = t.one(Long.class, "select id from story where attempt_id = ?", w.storyAttempt);
        w.exchange(run);
        return w;
    }

    /**
     * The Leadership Exchange: Kirsi coordinates One Aurajoki's rounds; Sanna (city, confirmed by Mikko) and Elina
     * (wellbeing services county, confirmed by applying) apply and are paired. A round to change; an accepted pair
     * with a visit to move and one on today (its date moved back, as if the day had come) for Elina's reflection;
     * and a pair marked completed for the report back.
     */
    private void exchange(String run) {
        exchangePartnership = t.as("kirsi", () -> t.exchangeRounds.partnerships()).getFirst().id();
        exchangeMembers = Set.copyOf(t.as("kirsi", () -> t.exchangeRounds.organisations(exchangePartnership)).stream()
                .map(org.encounter.exchange.ExchangeRounds.Choice::id).toList());
        exchangeRound = openRound("Text limits round " + run);
        acceptedPair = acceptedPair();
        visitDay = t.one(LocalDate.class, "select r.starts_on from exchange_round r join exchange_pair p"
                + " on p.round_id = r.id where p.id = ?", acceptedPair).plusDays(1);
        visitToChange = t.as("sanna", () -> t.exchangeAgreements.planVisit(acceptedPair, true, visitDay,
                "Youth centre", "An evening shift"));
        visitToReflect = t.as("sanna", () -> t.exchangeAgreements.planVisit(acceptedPair, true, visitDay,
                "Youth centre", "A morning shift"));
        t.jdbc.update("update exchange_visit set visit_date = ? where id = ?", t.dates.today(), visitToReflect);
        completedPair = acceptedPair();
        t.jdbc.update("update exchange_pair set status = 'COMPLETED', completed_at = current_timestamp(6)"
                + " where id = ?", completedPair);
    }

    RoundForm roundForm(String name, String place) {
        LocalDate today = t.dates.today();
        return new RoundForm(name, today.minusDays(1), today.plusDays(7), today.plusDays(14), today.plusDays(60), 2,
                null, null, place, exchangeMembers);
    }

    long openRound(String name) {
        return t.as("kirsi", () -> t.exchangeRounds.open(exchangePartnership, roundForm(name, null))).id();
    }

    static ApplicationForm application(Sector sector, String wants, String offers, String note) {
        return new ApplicationForm(sector, Level.MIDDLE, wants, offers, Set.of(Theme.YOUNG_PEOPLE),
                Set.of(Theme.MENTAL_HEALTH), Set.of("fi"), Set.of(), Set.of(DayOfWeek.TUESDAY), note, Set.of(),
                Set.of(), Set.of(Shown.LEVEL));
    }

    long apply(String who, long round, ApplicationForm form) {
        return t.as(who, () -> t.exchangeApplications.apply(round, form)).id();
    }

    /** A round of its own in which Sanna (first) and Elina (second) are a published pair; returns the pair. */
    long publishedPair() {
        long round = openRound("Text limits exchange " + System.nanoTime());
        long sanna = apply("sanna", round, application(Sector.YOUTH, "How others work", "How we work", null));
        long elina = apply("elina", round, application(Sector.HEALTH, "How others work", "How we work", null));
        t.as("mikko", () -> t.exchangeApplications.confirm(sanna, true));
        t.as("kirsi", () -> {
            t.exchangeMatchings.pairByHand(round, sanna, elina);
            t.exchangeMatchings.publish(round);
        });
        return t.one(Long.class, "select id from exchange_pair where round_id = ?", round);
    }

    private long acceptedPair() {
        long pair = publishedPair();
        t.as("sanna", () -> t.exchangeAgreements.answer(pair, true, null));
        t.as("elina", () -> t.exchangeAgreements.answer(pair, true, null));
        return pair;
    }

    private long newPerson(String name, String email) {
        String link = t.as("admin", () -> t.invitations.create(demoOrganisation, null, Set.of(Role.LEARNER), name, null)).link();
        return t.invitations.accept(link.substring(link.lastIndexOf('/') + 1), name, email, PASSWORD, "en");
    }

    /** A module with everything it needs to go to review: a summary, a statement, and complete steps. */
    private long readyModule(String title, List<StepType> types) {
        long id = t.as("emma", () -> t.modules.create(title, "en"));
        t.as("emma", () -> t.modules.updateDetails(id, null, new ModuleDetails(title, "A summary.", null, null, "en",
                List.of(), List.of("I listen before I decide."))));
        for (StepType type : types) {
            StepView step = t.as("emma", () -> t.modules.addStep(id, type));
            StepContent content = switch (type) {
                case PERSPECTIVE_CHECK -> new StepContent(type, "Whose view?", null, null, null, null, null, null,
                        List.of(new PerspectiveOption("Mine", "Yes."), new PerspectiveOption("Theirs", "Also.")));
                case REPORT_BACK -> new StepContent(type, null, "How did it go?", null, null, null, null, 0, List.of());
                default -> new StepContent(type, null, "Some words.", null, null, null, null, null, List.of());
            };
            t.as("emma", () -> t.modules.updateStep(step.id(), step.version(), content));
        }
        return id;
    }

    /** The finisher takes the published module from start to report back; returns the completed attempt. */
    long finish() {
        long attempt = t.as(finisherEmail, () -> t.learning.start(published));
        t.as(finisherEmail, () -> {
            t.learning.completeStep(attempt, 0, reflection("A thought."));
            t.learning.completeStep(attempt, 1, choice(0));
            t.learning.completeStep(attempt, 2, action("Ask first."));
            t.learning.completeStep(attempt, 3, new StepAnswer(null, 1, "I asked.", "They answered.", null, null,
                    null, null, false));
        });
        return attempt;
    }

    /** The finisher's certificate for a freshly completed attempt. */
    long certificate() {
        long attempt = finish();
        return t.one(Long.class, "select id from certificate where attempt_id = ?", attempt);
    }

    SetService.MeetingForm meetingForm(Long id, String place, String link) {
        return new SetService.MeetingForm(id, LocalDate.now(ZONE).plusDays(14), LocalTime.of(17, 0),
                LocalTime.of(18, 30), place, link);
    }

    long stepVersion(long stepId) {
        return t.one(Long.class, "select version from module_step where id = ?", stepId);
    }

    static StepAnswer reflection(String text) {
        return new StepAnswer(text, null, null, null, null, null, null, null, false);
    }

    static StepAnswer choice(int choice) {
        return new StepAnswer(null, choice, null, null, null, null, null, null, false);
    }

    static StepAnswer action(String text) {
        return new StepAnswer(null, null, null, null, null, null, text, LocalDate.now(ZONE), true);
    }
}
