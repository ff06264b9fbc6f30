package org.encounter.stories;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.encounter.authoring.ModuleSummary;
import org.encounter.authoring.ModuleService;
import org.encounter.authoring.PublishedModule;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.InvalidInputException;
import org.encounter.base.NotifyPerson;
import org.encounter.base.RecordNotFound;
import org.encounter.base.Validation;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.OrganisationScope;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.Role;
import org.encounter.learning.NamedExposure;
import org.encounter.learning.ReportBacks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stories of change. A learner writes one from their completed report back (named or anonymous) and may
 * rewrite it until it is approved; curators approve it or return it with a comment; approved stories are for
 * everyone signed in. Every view of a story goes through {@link Story#view}, which names the writer only when
 * the story is named. An anonymous story stays unlinkable: it never repeats words its writer has shown anyone
 * with their name, and no curator who sees the writer's name anywhere reviews it.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class StoryService {

    /**
     * What the writing form starts from: the story so far, or the report back. {@code startsEmpty}: the report
     * back was shown with the writer's name, so a new story does not start from it.
     */
    public record Draft(long attemptId, String moduleTitle, String title, String tried, String happened,
                        String learned, boolean anonymous, StoryStatus status, String curatorComment,
                        boolean startsEmpty) {
    }

    private final StoryRepository stories;
    private final ReportBacks reportBacks;
    private final PublishedModules published;
    private final ModuleService modules;
    private final NamedExposure exposure;
    private final NamedWords namedWords;
    private final PersonDirectory directory;
    private final CurrentPerson currentPerson;
    private final OrganisationScope scope;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StoryService(StoryRepository stories, ReportBacks reportBacks, PublishedModules published, ModuleService modules,
                 NamedExposure exposure, NamedWords namedWords, PersonDirectory directory, CurrentPerson currentPerson,
                 OrganisationScope scope, ApplicationEventPublisher events, Clock clock) {
        this.stories = stories;
        this.reportBacks = reportBacks;
        this.published = published;
        this.modules = modules;
        this.exposure = exposure;
        this.namedWords = namedWords;
        this.directory = directory;
        this.currentPerson = currentPerson;
        this.scope = scope;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The writer's story for this attempt, or a new one filled from the report back — empty instead when the
     * report back (or any of its words) was shown with the writer's name, since an anonymous story in those words
     * would name them.
     */
    public Draft draft(long attemptId) {
        ReportBacks.ReportBack report = reportBacks.mine(attemptId)
                .orElseThrow(() -> new InvalidInputException("", "story.report-back-first"));
        String title = titles(List.of(report.moduleId())).getOrDefault(report.moduleId(), "");
        return stories.findByAttemptId(attemptId)
                .map(s -> {
                    StoryView v = s.view(title, null, me());
                    return new Draft(attemptId, title, v.title(), v.tried(), v.happened(), v.learned(), v.anonymous(),
                            v.status(), v.curatorComment(), false);
                })
                .orElseGet(() -> {
                    String learned = report.learned() == null ? "" : report.learned();
                    if (exposure.reportBackShownNamed(attemptId)
                            || namedWords.repeats(List.of(report.tried(), report.happened(), learned))) {
                        return new Draft(attemptId, title, "", "", "", "", true, null, null, true);
                    }
                    return new Draft(attemptId, title, "", report.tried(), report.happened(), learned, true, null,
                            null, false);
                });
    }

    /** Writes (or rewrites) the story and sends it to the curators; an approved story is no longer edited. */
    @Transactional
    public StoryView submit(long attemptId, String title, String tried, String happened, String learned,
                            boolean anonymous) {
        ReportBacks.ReportBack report = reportBacks.mine(attemptId)
                .orElseThrow(() -> new InvalidInputException("", "story.report-back-first"));
        String cleanTitle = Validation.clean(title);
        String cleanTried = Validation.clean(tried);
        String cleanHappened = Validation.clean(happened);
        String cleanLearned = Validation.clean(learned);
        Validation.start().text("title", cleanTitle, Story.TITLE_MAX).text("tried", cleanTried, Story.TEXT_MAX)
                .text("happened", cleanHappened, Story.TEXT_MAX).text("learned", cleanLearned, Story.TEXT_MAX).check();
        Story story = stories.findByAttemptId(attemptId)
                .orElseGet(() -> new Story(attemptId, me(), report.moduleId(), clock.instant()));
        if (story.getStatus() == StoryStatus.APPROVED) {
            throw new InvalidInputException("", "story.already-approved");
        }
        if (anonymous) {
            namedWords.requireUnlinkable(story, List.of(cleanTitle, cleanTried, cleanHappened, cleanLearned));
        }
        story.write(cleanTitle, cleanTried, cleanHappened, cleanLearned, anonymous, clock.instant());
        Story saved = stories.save(story);
        return view(saved);
    }

    /** The signed-in person's own stories, with their review. */
    public List<StoryView> mine() {
        return views(stories.findByWriterIdOrderByUpdatedAtDesc(me()));
    }

    /**
     * Stories waiting for a curator, oldest first; an anonymous one only when this curator sees its writer's name
     * nowhere (their own stories show, for them to see they wait for someone else).
     */
    @RolesAllowed(Role.Names.CURATOR)
    public List<StoryView> waiting() {
        List<Story> all = inMyCatalogue(stories.findByStatusOrderByUpdatedAtAsc(StoryStatus.SUBMITTED));
        long me = me();
        Set<Long> known = exposure.namesISee(all.stream().filter(Story::isAnonymous).map(Story::getWriterId)
                .filter(w -> w != null && w != me).distinct().toList());
        return views(all.stream().filter(s -> !s.isAnonymous()
                || !known.contains(s.getWriterId()) && !s.knownBy(me)).toList());
    }

    /** Approves the story as the curator read it ({@code revision}); a story rewritten since is not approved. */
    @RolesAllowed(Role.Names.CURATOR)
    @Transactional
    public void approve(long storyId, long revision) {
        Story story = reviewable(storyId, revision);
        story.approve(me(), clock.instant());
        events.publishEvent(new NotifyPerson(story.getWriterId(), "story-approved", "story:" + storyId + ":"
                + clock.millis(), "notify.story-approved", List.of(), "stories"));
    }

    /** Returns the story as the curator read it ({@code revision}) with a comment; not one rewritten since. */
    @RolesAllowed(Role.Names.CURATOR)
    @Transactional
    public void giveBack(long storyId, String comment, long revision) {
        String clean = Validation.clean(comment);
        Validation.start().text("comment", clean, Story.COMMENT_MAX).check();
        Story story = reviewable(storyId, revision);
        story.giveBack(me(), clean, clock.instant());
        events.publishEvent(new NotifyPerson(story.getWriterId(), "story-returned", "story:" + storyId + ":"
                + clock.millis(), "notify.story-returned", List.of(), story.editLink()));
    }

    /** Approved stories, newest first; optionally of one module, or of modules with one theme. */
    public List<StoryView> approved(Long moduleId, String theme) {
        List<Story> all = inMyCatalogue(moduleId == null ? stories.findByStatusOrderByApprovedAtDesc(StoryStatus.APPROVED)
                : stories.findByStatusAndModuleIdInOrderByApprovedAtDesc(StoryStatus.APPROVED, List.of(moduleId)));
        if (theme != null && !theme.isBlank()) {
            Set<Long> ids = new HashSet<>();
            all.forEach(s -> {
                if (s.getModuleId() != null) {
                    ids.add(s.getModuleId());
                }
            });
            Map<Long, PublishedModule> versions = published.latest(ids);
            all = all.stream().filter(s -> s.getModuleId() != null)
                    .filter(s -> Optional.ofNullable(versions.get(s.getModuleId()))
                    .map(v -> v.themes().stream().anyMatch(t -> t.strip().equalsIgnoreCase(theme.strip())))
                    .orElse(false)).toList();
        }
        return views(all);
    }

    /** Approved stories that came from the signed-in author's modules. */
    @RolesAllowed(Role.Names.AUTHOR)
    public List<StoryView> fromMyModules() {
        List<Long> mine = modules.myModules().stream().map(ModuleSummary::id).toList();
        return mine.isEmpty() ? List.of()
                : views(stories.findByStatusAndModuleIdInOrderByApprovedAtDesc(StoryStatus.APPROVED, mine));
    }

    /**
     * Stories travel with their module: a reader (or a curator) meets those of modules in their own catalogue, their
     * organisation's or shared with its partnerships, and nothing of an organisation outside them. A story offered
     * from elsewhere (a Leadership Exchange) travels with its partnership: it is met only while the reader's
     * organisation is a current member of it ({@link OrganisationScope#memberships()}).
     */
    private List<Story> inMyCatalogue(List<Story> found) {
        List<Long> moduleIds = found.stream().map(Story::getModuleId).filter(java.util.Objects::nonNull).distinct()
                .toList();
        Set<Long> visible = moduleIds.isEmpty() ? Set.of() : published.availableAmong(moduleIds);
        Set<Long> memberships = found.stream().anyMatch(s -> s.getModuleId() == null) ? scope.memberships() : Set.of();
        return found.stream().filter(s -> s.getModuleId() != null ? visible.contains(s.getModuleId())
                : s.getPartnershipId() != null && memberships.contains(s.getPartnershipId())).toList();
    }

    private Story reviewable(long storyId, long revision) {
        Story story = stories.findById(storyId).orElseThrow(() -> new RecordNotFound("story", storyId));
        if (inMyCatalogue(List.of(story)).isEmpty()) {
            throw new RecordNotFound("story", storyId);
        }
        if (story.getWriterId() == null) {
            // An anonymous story kept after its writer's erasure is published and final: nothing to review.
            throw new InvalidInputException("", "story.not-waiting");
        }
        if (story.getWriterId() == me()) {
            throw new AccessDeniedException("a curator does not review their own story");
        }
        if (story.isAnonymous() && (story.knownBy(me())
                || !exposure.namesISee(List.of(story.getWriterId())).isEmpty())) {
            throw new AccessDeniedException("a curator who knows the writer does not review their anonymous story");
        }
        if (story.getStatus() != StoryStatus.SUBMITTED) {
            throw new InvalidInputException("", "story.not-waiting");
        }
        if (story.getVersion() != revision) {
            throw new InvalidInputException("", "story.changed-since-opened");
        }
        return story;
    }

    private StoryView view(Story story) {
        return views(List.of(story)).getFirst();
    }

    private List<StoryView> views(Collection<Story> list) {
        Set<Long> moduleIds = new HashSet<>();
        Set<Long> writers = new HashSet<>();
        list.forEach(s -> {
            if (s.getModuleId() != null) {
                moduleIds.add(s.getModuleId());
            }
            if (s.getWriterId() != null) {
                writers.add(s.getWriterId());
            }
        });
        Map<Long, String> titles = titles(moduleIds);
        Map<Long, String> names = writers.isEmpty() ? Map.of() : directory.displayNames(writers);
        long me = me();
        return list.stream().map(s -> s.view(titles.getOrDefault(s.getModuleId(), ""),
                        s.getWriterId() == null ? null : names.get(s.getWriterId()), me))
                .toList();
    }

    private Map<Long, String> titles(Collection<Long> moduleIds) {
        return published.titles(moduleIds);
    }

    private long me() {
        return currentPerson.requireId();
    }
}
