package org.encounter.learning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.encounter.authoring.CatalogueFilter;
import org.encounter.authoring.CatalogueItem;
import org.encounter.authoring.PublishedModule;
import org.encounter.authoring.PublishedModules;
import org.encounter.authoring.StepType;
import org.encounter.base.SystemAccess;
import org.encounter.identity.PersonDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo world's learning, so team progress has something to show: assignments (some overdue), attempts
 * in every state over the past year with their ratings, certificates (one expiring, one expired), feedback
 * and a reflection shared with the authors. Only on a database with no attempts yet.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "encounter.demo.learning", havingValue = "true", matchIfMissing = true)
class LearningDemoWorld implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LearningDemoWorld.class);
    private static final String DOMAIN = "@demo.encounter.example";

    private final AttemptRepository attempts;
    private final AttemptStepRepository steps;
    private final AttemptRatingRepository ratings;
    private final AssignmentRepository assignments;
    private final ModuleFeedbackRepository feedback;
    private final PublishedModules published;
    private final PersonDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean enabled;
    private final PathwayDemo pathway;

    LearningDemoWorld(PathwayDemo pathway, AttemptRepository attempts, AttemptStepRepository steps, AttemptRatingRepository ratings,
                      AssignmentRepository assignments, ModuleFeedbackRepository feedback, PublishedModules published,
                      PersonDirectory directory, ApplicationEventPublisher events, Clock clock,
                      org.encounter.base.Dates dates,
                      @Value("${encounter.demo.enabled:true}") boolean enabled) {
        this.pathway = pathway;
        this.attempts = attempts;
        this.steps = steps;
        this.ratings = ratings;
        this.assignments = assignments;
        this.feedback = feedback;
        this.published = published;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
        this.zone = dates.zone();
        this.enabled = enabled;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || attempts.count() > 0 || directory.idByEmail("mikko" + DOMAIN).isEmpty()) {
            return;
        }
        Map<String, PublishedModule> modules = SystemAccess.run(() -> published
                .catalogue(CatalogueFilter.any(), PageRequest.of(0, 20)).stream()
                .map(CatalogueItem::moduleId).map(id -> published.current(id).orElseThrow())
                .collect(java.util.stream.Collectors.toMap(PublishedModule::title, m -> m)));
        PublishedModule whole = modules.get("See the whole person");
        PublishedModule assumptions = modules.get("When our assumptions came tumbling down");
        PublishedModule shoes = modules.get("Walk in another's shoes");
        if (whole == null || assumptions == null || shoes == null) {
            return;
        }
        long mikko = id("mikko");
        long fiona = id("fiona");
        LocalDate today = LocalDate.now(clock.withZone(zone));

        // Youth Services: everyone was asked to take "See the whole person"; five have reported back.
        for (String who : List.of("sanna", "jussi", "leo", "tuula", "kaisa", "asa")) {
            assign(who, whole, mikko, today.minusDays(5), 70);
        }
        completed("sanna", whole, 62, new int[] {2, 3}, new int[] {4, 4}, true, "Listening before the form.");
        completed("jussi", whole, 48, new int[] {3, 2}, new int[] {4, 4}, true, null);
        completed("leo", whole, 35, new int[] {2, 2}, new int[] {3, 4}, false, null);
        completed("tuula", whole, 21, new int[] {3, 3}, new int[] {5, 4}, true, null);
        completed("kaisa", whole, 9, new int[] {1, 2}, new int[] {3, 3}, true, null);
        inProgress("asa", whole, 12, 2);
        assign("jussi", shoes, mikko, today.plusDays(20), 6);
        assign("leo", shoes, mikko, today.plusDays(20), 6);
        awaiting("leo", shoes, 4);
        // Sanna's refresher certificate runs out in about two weeks.
        completed("sanna", assumptions, 350, new int[] {2}, new int[] {4}, true, null);

        // Community Policing: everyone was asked to take "When our assumptions came tumbling down".
        for (String who : List.of("olga", "callum", "zoe", "ahmed")) {
            assign(who, assumptions, fiona, who.equals("zoe") ? today.minusDays(10) : today.plusDays(14), 40);
        }
        completed("olga", assumptions, 380, new int[] {3}, new int[] {4}, true, null);
        completed("callum", assumptions, 55, new int[] {2}, new int[] {4}, true, null);
        completed("callum", whole, 120, new int[] {2, 2}, new int[] {3, 3}, false, null);
        inProgress("ahmed", assumptions, 3, 3);
        // The wellbeing services county runs the city's shared "Walk in another's shoes" its own way: Ville, its
        // organisation admin, asked Family Support to take it by a later date than the city's Youth Services.
        for (String who : List.of("elina", "matti")) {
            assign(who, shoes, id("ville"), today.plusDays(45), 3);
        }
        pathway.create(List.of(shoes.moduleId(), assumptions.moduleId()));
        log.info("Demo learning created: attempts, assignments and reports back for both teams, the wellbeing"
                + " county's own due date for the shared module, and One Aurajoki's induction pathway");
    }

    private void assign(String who, PublishedModule module, long by, LocalDate due, int daysAgo) {
        assignments.save(new Assignment(id(who), module.moduleId(), by, due, ago(daysAgo)));
    }

    /** Every step done, report back included, with ratings at the start and at report back. */
    private void completed(String who, PublishedModule module, int daysAgo, int[] start, int[] report, boolean tried,
                           String shared) {
        Instant begun = ago(daysAgo + 14);
        Instant done = ago(daysAgo);
        Attempt a = attempts.save(new Attempt(id(who), module.moduleId(), module.versionId(), module.steps().size(), begun));
        rate(a, start, report);
        for (int i = 0; i < module.steps().size(); i++) {
            AttemptStep step = new AttemptStep(a.getId(), i, begun);
            StepType type = module.steps().get(i).type();
            step.write(answer(type, tried, done), type == StepType.REPORT_BACK ? done : begun);
            step.complete(type == StepType.REPORT_BACK ? done : begun);
            if (shared != null && type == StepType.REFLECTION) {
                step.write(new StepAnswer(shared, null, null, null, null, null, null, null, false), begun);
                step.share(Sharing.ANONYMOUS);
                shared = null;
            }
            steps.save(step);
            if (type == StepType.ACTION_PLAN) {
                a.planAction("Ask first, then listen.", LocalDate.ofInstant(begun, zone).plusDays(7), false, 7, begun, zone);
            }
        }
        a.activity(done);
        a.complete(done);
        a.goTo(module.steps().size());
        steps.flush();
        attempts.flush();
        events.publishEvent(new AttemptCompleted(a.getId(), a.getLearnerId(), a.getModuleId(), a.getVersionId(), done,
                1_500));
        if (who.equals("tuula") || who.equals("jussi")) {
            feedback.save(new ModuleFeedback(a.getId(), module.moduleId(), module.versionId(), 5,
                    who.equals("tuula") ? "The young people’s own words stayed with me all week." : null,
                    who.equals("tuula") ? a.getLearnerId() : null, done));
        }
    }

    private void inProgress(String who, PublishedModule module, int daysAgo, int position) {
        Instant begun = ago(daysAgo);
        Attempt a = attempts.save(new Attempt(id(who), module.moduleId(), module.versionId(), module.steps().size(), begun));
        for (int i = 0; i < position; i++) {
            AttemptStep step = new AttemptStep(a.getId(), i, begun);
            step.write(answer(module.steps().get(i).type(), true, begun), begun);
            step.complete(begun);
            steps.save(step);
        }
        a.goTo(position);
    }

    /** Everything up to the report back, which opens in a few days. */
    private void awaiting(String who, PublishedModule module, int daysAgo) {
        Instant begun = ago(daysAgo);
        Attempt a = attempts.save(new Attempt(id(who), module.moduleId(), module.versionId(), module.steps().size(), begun));
        int reportBack = 0;
        for (int i = 0; i < module.steps().size(); i++) {
            StepType type = module.steps().get(i).type();
            if (type == StepType.REPORT_BACK) {
                reportBack = i;
                break;
            }
            AttemptStep step = new AttemptStep(a.getId(), i, begun);
            step.write(answer(type, true, begun), begun);
            step.complete(begun);
            steps.save(step);
            if (type == StepType.ACTION_PLAN) {
                a.planAction("Walk the route a young person takes to our office.",
                        LocalDate.ofInstant(begun, zone).plusDays(10), false, 7, begun, zone);
            }
        }
        a.awaitReportBack();
        a.goTo(reportBack);
    }

    private void rate(Attempt a, int[] start, int[] report) {
        for (int i = 0; i < start.length; i++) {
            ratings.save(new AttemptRating(a.getId(), AttemptRating.Phase.START, i, start[i]));
            ratings.save(new AttemptRating(a.getId(), AttemptRating.Phase.REPORT, i, report[i]));
        }
        ratings.flush();
    }

    private static StepAnswer answer(StepType type, boolean tried, Instant at) {
        return switch (type) {
            case REFLECTION -> new StepAnswer("I thought about the last young person I met.", null, null, null, null,
                    null, null, null, false);
            case PERSPECTIVE_CHECK -> new StepAnswer(null, 0, null, null, null, null, null, null, false);
            case REPORT_BACK -> new StepAnswer(null, tried ? 1 : 0, tried ? "I asked first." : "Not yet.",
                    "They told me more than I expected.", "Listening takes less time than I feared.", "Asking first.",
                    null, null, false);
            default -> StepAnswer.empty();
        };
    }

    private Instant ago(int days) {
        return clock.instant().minus(Duration.ofDays(days));
    }

    private long id(String key) {
        return directory.idByEmail(key + DOMAIN).orElseThrow();
    }
}
