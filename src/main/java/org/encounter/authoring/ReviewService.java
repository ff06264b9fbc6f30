package org.encounter.authoring;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.encounter.base.InvalidInputException;
import org.encounter.base.Validation;
import org.encounter.base.RecordNotFound;
import org.encounter.identity.PersonDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review workflow: authors submit, curators request changes or publish, curators archive,
 * authors start the next draft of a published module. Every transition is recorded.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class ReviewService {

    private final ModuleRepository modules;
    private final ModuleTransitionRepository transitions;
    private final StepCommentRepository comments;
    private final ModuleAccess access;
    private final Publisher publisher;
    private final PersonDirectory directory;
    private final ApplicationEventPublisher events;
    private final ReviewNotices notices;
    private final Clock clock;

    ReviewService(ModuleRepository modules, ModuleTransitionRepository transitions, StepCommentRepository comments,
                  ModuleAccess access, Publisher publisher, PersonDirectory directory, ApplicationEventPublisher events,
                  ReviewNotices notices, Clock clock) {
        this.modules = modules;
        this.transitions = transitions;
        this.comments = comments;
        this.access = access;
        this.publisher = publisher;
        this.directory = directory;
        this.events = events;
        this.notices = notices;
        this.clock = clock;
    }

    /** An author sends a draft (or a module with changes requested) to the curators. */
    public void submit(long moduleId) {
        Module m = access.editable(moduleId);
        List<String> problems = ContentRules.readiness(m);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().map(p -> p.contains(":")
                    ? new InvalidInputException.FieldError("", p.substring(0, p.indexOf(':')), p.substring(p.indexOf(':') + 1))
                    : new InvalidInputException.FieldError("", p)).toList());
        }
        notices.submitted(m, move(m, ModuleStatus.IN_REVIEW, null));
    }

    /**
     * A curator (not an author of it) sends the module back with a note on what to change. {@code revision} is
     * the one they read ({@link ModuleDraft#revision()}): if the module changed since, nothing happens.
     */
    public void requestChanges(long moduleId, String note, String revision) {
        Module m = access.reviewable(moduleId);
        require(m, ModuleStatus.IN_REVIEW);
        requireSeen(m, revision);
        String clean = Validation.clean(note);
        Validation.start().text("note", clean, Limits.NOTE).check();
        notices.changesRequested(m, move(m, ModuleStatus.CHANGES_REQUESTED, clean));
    }

    /**
     * A curator (not an author of it) publishes: a new immutable version serves learners from now on. It is
     * exactly the {@code revision} the curator read; if the module changed since, nothing is published.
     */
    public int publish(long moduleId, String revision) {
        Module m = access.reviewable(moduleId);
        require(m, ModuleStatus.IN_REVIEW);
        requireSeen(m, revision);
        ModuleVersion version = publisher.freeze(m, access.me(), clock.instant());
        ModuleStatus from = m.getStatus();
        m.published(version.getId(), clock.instant());
        record(m, from, null);
        events.publishEvent(new ModulePublished(m.getId(), version.getId(), version.getNumber()));
        notices.published(m, version, access.me());
        return version.getNumber();
    }

    /** A curator takes a published module out of the catalogue; learners in progress keep their version. */
    public void archive(long moduleId) {
        Module m = access.reviewable(moduleId);
        require(m, ModuleStatus.PUBLISHED);
        move(m, ModuleStatus.ARCHIVED, null);
    }

    /** An author starts the next draft of a published module; the published version keeps serving. */
    public void startNewDraft(long moduleId) {
        Module m = access.authored(moduleId);
        require(m, ModuleStatus.PUBLISHED);
        move(m, ModuleStatus.DRAFT, null);
    }

    @Transactional(readOnly = true)
    public List<ModuleSummary> queue(Pageable pageable) {
        if (!access.isCurator()) {
            throw new org.springframework.security.access.AccessDeniedException("not a curator");
        }
        // What this curator may decide on: the modules they co-wrote are for the rest of the panel.
        return modules.findWaitingForReviewBy(ModuleStatus.IN_REVIEW, access.me(), access.reviewedOrganisations(),
                        pageable)
                .map(m -> new ModuleSummary(m.getId(), m.getTitle(), m.getStatus(), m.getUpdatedAt(), List.of(), null))
                .getContent();
    }

    /** A comment beside a step (stepId null: the whole module), by a curator or an author. */
    public CommentView comment(long moduleId, Long stepId, String body) {
        Module m = access.readable(moduleId);
        String clean = Validation.clean(body);
        Validation.start().text("comment", clean, Limits.COMMENT).check();
        if (stepId != null && m.getSteps().stream().noneMatch(s -> s.getId().equals(stepId))) {
            throw new RecordNotFound("step", stepId);
        }
        StepComment saved = comments.save(new StepComment(moduleId, stepId, access.me(), clean, clock.instant()));
        String by = directory.find(access.me()).map(p -> p.displayName()).orElse("?");
        notices.commented(m, saved, by);
        return new CommentView(saved.getId(), stepId, by, clean, saved.getCreatedAt());
    }

    @Transactional(readOnly = true)
    public List<CommentView> comments(long moduleId) {
        access.readable(moduleId);
        List<StepComment> list = comments.findByModuleIdOrderByCreatedAtAsc(moduleId);
        Map<Long, String> names = directory.displayNames(new HashSet<>(list.stream().map(StepComment::getAuthorId).toList()));
        return list.stream().map(c -> new CommentView(c.getId(), c.getStepId(), names.getOrDefault(c.getAuthorId(), "?"),
                c.getBody(), c.getCreatedAt())).toList();
    }

    @Transactional(readOnly = true)
    public List<TransitionView> history(long moduleId) {
        access.readable(moduleId);
        List<ModuleTransition> list = transitions.findByModuleIdOrderByAtAsc(moduleId);
        Set<Long> ids = new HashSet<>(list.stream().map(ModuleTransition::getActorId).toList());
        Map<Long, String> names = directory.displayNames(ids);
        return list.stream().map(t -> new TransitionView(t.getFrom(), t.getTo(), names.getOrDefault(t.getActorId(), "?"),
                t.getAt(), t.getNote())).toList();
    }

    private void require(Module m, ModuleStatus expected) {
        if (m.getStatus() != expected) {
            throw new InvalidInputException("", "module.wrong-status");
        }
    }

    private void requireSeen(Module m, String revision) {
        if (revision == null || !revision.equals(publisher.revision(m))) {
            throw new InvalidInputException("", "review.changed-since-opened");
        }
    }

    private ModuleTransition move(Module m, ModuleStatus to, String note) {
        ModuleStatus from = m.getStatus();
        m.moveTo(to, clock.instant());
        return record(m, from, note);
    }

    private ModuleTransition record(Module m, ModuleStatus from, String note) {
        Instant now = clock.instant();
        return transitions.save(new ModuleTransition(m.getId(), from, m.getStatus(), access.me(), now, note));
    }
}
