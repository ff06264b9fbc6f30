package org.encounter.authoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.encounter.identity.PersonDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo world's modules: three published (each with every kind of step), one in review with
 * curators' comments, and one draft written by three young people. Only on an empty database.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "encounter.demo.enabled", havingValue = "true")
class AuthoringDemoWorld implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuthoringDemoWorld.class);
    private static final String DOMAIN = "@demo.encounter.example";

    private final ModuleRepository modules;
    private final ModuleAuthorRepository authors;
    private final ModuleTransitionRepository transitions;
    private final StepCommentRepository comments;
    private final Publisher publisher;
    private final ImageService images;
    private final PersonDirectory directory;
    private final Clock clock;

    AuthoringDemoWorld(ModuleRepository modules, ModuleAuthorRepository authors, ModuleTransitionRepository transitions,
                       StepCommentRepository comments, Publisher publisher, ImageService images,
                       PersonDirectory directory, Clock clock, ModuleShareRepository shares,
                       org.encounter.identity.OrganisationNames names) {
        this.shares = shares;
        this.names = names;
        this.modules = modules;
        this.authors = authors;
        this.transitions = transitions;
        this.comments = comments;
        this.publisher = publisher;
        this.images = images;
        this.directory = directory;
        this.clock = clock;
    }

    private final ModuleShareRepository shares;
    private final org.encounter.identity.OrganisationNames names;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (modules.count() > 0 || directory.idByEmail("emma" + DOMAIN).isEmpty()) {
            return;
        }
        long emma = id("emma");
        long noor = id("noor");
        long eetu = id("eetu");
        long ruby = id("ruby");
        long kaisa = id("kaisa");
        // Published over a year ago, so the demo's learning can show completions across the last twelve months.
        Instant start = clock.instant().minus(Duration.ofDays(400));

        Module whole = module(emma, "See the whole person", DemoContent.WHOLE_SUMMARY, "Youth workers and anyone who "
                + "meets young people in a service", 25, List.of("listening", "youth services"),
                List.of("I see the person in front of me as a whole, not a list of problems.",
                        "I ask young people what matters to them before I talk about what matters to my service."),
                DemoContent.whole(), start);
        String chairs = images.store(whole.getId(), DemoImage.chairs());
        ModuleStep media = whole.getSteps().get(1);
        StepContent c = media.content();
        media.apply(new StepContent(c.type(), c.heading(), c.body(), chairs, c.videoUrl(), c.caption(), c.altText(),
                c.minDays(), c.options()), emma, start);
        credit(whole, emma, "Emma", true, start);
        credit(whole, eetu, "Young people of the Aurajoki Youth Council", false, start);
        publish(whole, emma, kaisa, start.plus(Duration.ofDays(5)));

        Module assumptions = module(noor, "When our assumptions came tumbling down", DemoContent.ASSUMPTIONS_SUMMARY,
                "Police officers and council staff", 30, List.of("assumptions", "community policing"),
                List.of("I notice when I have decided what someone needs before they have told me.",
                        "I check my first impression against what the person actually says."),
                DemoContent.assumptions(), start.plus(Duration.ofDays(3)));
        credit(assumptions, noor, "Noor", true, start);
        credit(assumptions, ruby, "Ruby", false, start);
        assumptions.validity(12); // a yearly refresher: its certificates expire after twelve months
        publish(assumptions, noor, kaisa, start.plus(Duration.ofDays(10)));

        Module shoes = module(ruby, "Walk in another's shoes", DemoContent.SHOES_SUMMARY,
                "Team leaders and staff across services", 20, List.of("empathy", "leadership"),
                List.of("I can describe my service as the people who use it experience it.",
                        "I change one thing in my work because of what a service user told me.",
                        "I see the person in front of me as a whole, not a list of problems."),
                DemoContent.shoes(), start.plus(Duration.ofDays(6)));
        credit(shoes, ruby, "Ruby", true, start);
        credit(shoes, emma, "Emma", false, start);
        publish(shoes, ruby, id("tuula"), start.plus(Duration.ofDays(14)));
        // The city shares two of its modules with One Aurajoki, so every partner's catalogue holds them.
        names.partnershipNamed("One Aurajoki").ifPresent(partnership -> {
            shares.save(new ModuleShare(shoes.getId(), partnership, id("kirsi"), start.plus(Duration.ofDays(20))));
            shares.save(new ModuleShare(assumptions.getId(), partnership, id("kirsi"), start.plus(Duration.ofDays(20))));
        });

        Module review = module(eetu, "Nobody asked what I wanted", DemoContent.REVIEW_SUMMARY,
                "Social workers", 15, List.of("participation"),
                List.of("I ask before I decide."), DemoContent.inReview(), start.plus(Duration.ofDays(40)));
        credit(review, eetu, "Eetu", true, start);
        transitions.save(new ModuleTransition(review.getId(), ModuleStatus.DRAFT, ModuleStatus.IN_REVIEW, eetu,
                start.plus(Duration.ofDays(41)), null));
        review.moveTo(ModuleStatus.IN_REVIEW, start.plus(Duration.ofDays(41)));
        modules.flush();
        List<ModuleStep> steps = review.getSteps();
        comments.save(new StepComment(review.getId(), steps.get(0).getId(), kaisa,
                "This is powerful. Could you add one sentence about how the meeting ended?", start.plus(Duration.ofDays(42))));
        comments.save(new StepComment(review.getId(), steps.get(2).getId(), id("tuula"),
                "Answer 2 might feel like a trick question to some staff. Maybe explain why it is tempting?",
                start.plus(Duration.ofDays(42))));
        comments.save(new StepComment(review.getId(), null, noor,
                "I would take this module myself. Short and honest.", start.plus(Duration.ofDays(43))));

        Module draft = module(emma, "Waiting rooms", DemoContent.DRAFT_SUMMARY, null, null, List.of("environment"),
                List.of(), DemoContent.draft(), start.plus(Duration.ofDays(50)));
        credit(draft, emma, "Emma", true, start);
        credit(draft, noor, "Noor", false, start);
        credit(draft, ruby, "Ruby", false, start);
        log.info("Demo world: 5 modules created (3 published, 1 in review, 1 draft)");
    }

    private long id(String key) {
        return directory.idByEmail(key + DOMAIN).orElseThrow();
    }

    private Module module(long owner, String title, String summary, String audience, Integer minutes, List<String> themes,
                          List<String> statements, List<StepContent> steps, Instant at) {
        Module m = new Module(owner, directory.registered(owner).orElseThrow().organisationId(), title, "en", at);
        m.describe(title, summary, audience, minutes, "en", themes.isEmpty() ? null : String.join(",", themes), at);
        m.statements(statements);
        steps.forEach(s -> m.addStep(s, owner, at));
        return modules.save(m);
    }

    private void credit(Module m, long person, String credit, boolean owner, Instant at) {
        authors.save(new ModuleAuthor(m.getId(), person, credit, owner, at));
    }

    private void publish(Module m, long author, long curator, Instant at) {
        modules.flush();
        authors.flush();
        transitions.save(new ModuleTransition(m.getId(), ModuleStatus.DRAFT, ModuleStatus.IN_REVIEW, author,
                at.minus(Duration.ofDays(2)), null));
        ModuleVersion version = publisher.freeze(m, curator, at);
        m.published(version.getId(), at);
        transitions.save(new ModuleTransition(m.getId(), ModuleStatus.IN_REVIEW, ModuleStatus.PUBLISHED, curator, at, null));
    }
}
