package org.encounter.learning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.encounter.authoring.CatalogueFilter;
import org.encounter.authoring.PublishedModule;
import org.encounter.authoring.PublishedModules;
import org.encounter.authoring.StepContent;
import org.encounter.authoring.StepType;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.encounter.identity.CurrentPerson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The learner's side: the catalogue, starting a module, the player, answers saved as they type,
 * the report back that opens only when it should, and completion. Every method acts on the
 * signed-in learner's own attempts only; nobody else's answers are ever returned.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class LearningService {

    private final AttemptRepository attempts;
    private final AttemptStepRepository steps;
    private final AttemptRatingRepository ratings;
    private final AssignmentRepository assignments;
    private final ModuleFeedbackRepository feedback;
    private final PublishedModules published;
    private final CurrentPerson currentPerson;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;
    private final OpenAttempts openAttempts;
    private final NamedExposure exposure;

    LearningService(AttemptRepository attempts, AttemptStepRepository steps, AttemptRatingRepository ratings,
                    AssignmentRepository assignments, ModuleFeedbackRepository feedback, PublishedModules published,
                    CurrentPerson currentPerson, ApplicationEventPublisher events, Clock clock,
                    org.encounter.base.Dates dates, OpenAttempts openAttempts,
                    NamedExposure exposure) {
        this.attempts = attempts;
        this.steps = steps;
        this.ratings = ratings;
        this.assignments = assignments;
        this.feedback = feedback;
        this.published = published;
        this.currentPerson = currentPerson;
        this.events = events;
        this.clock = clock;
        this.zone = dates.zone();
        this.openAttempts = openAttempts;
        this.exposure = exposure;
    }

    /** Published modules with the learner's own status; {@code assignedOnly} keeps those assigned to them. */
    public List<CatalogueEntry> catalogue(String text, String theme, String language, Integer maxMinutes,
                                          boolean assignedOnly, Pageable pageable) {
        long me = currentPerson.requireId();
        Map<Long, LocalDate> due = assignments.findByLearnerIdAndWithdrawnAtIsNullOrderByDueDate(me).stream()
                .collect(Collectors.toMap(Assignment::getModuleId, Assignment::getDueDate, (a, b) -> a));
        var items = published.catalogue(new CatalogueFilter(text, theme, language, maxMinutes,
                assignedOnly ? due.keySet() : null), pageable);
        Map<Long, AttemptStatus> mine = attempts.findByLearnerIdAndModuleIdIn(me,
                        items.stream().map(i -> i.moduleId()).toList()).stream()
                .collect(Collectors.toMap(Attempt::getModuleId, Attempt::getStatus, LearningService::moreRecent));
        return items.stream().map(i -> new CatalogueEntry(i, mine.get(i.moduleId()), due.get(i.moduleId()))).toList();
    }

    private static AttemptStatus moreRecent(AttemptStatus a, AttemptStatus b) {
        return a == AttemptStatus.COMPLETED ? b : a;
    }

    /**
     * Starts the module's current version, or returns the attempt already under way; two clicks at once land on
     * one attempt. Runs its own transactions ({@link OpenAttempts}), so the click that loses the race can read the
     * attempt the other started.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public long start(long moduleId) {
        return openAttempts.openOrStart(currentPerson.requireId(), moduleId);
    }

    public PlayerState player(long attemptId) {
        Attempt attempt = mine(attemptId);
        PublishedModule module = version(attempt);
        Map<Integer, AttemptStep> answers = steps.findByAttempt(attemptId).stream()
                .collect(Collectors.toMap(AttemptStep::position, Function.identity()));
        Map<AttemptRating.Phase, Map<Integer, Integer>> rated = new EnumMap<>(AttemptRating.Phase.class);
        for (AttemptRating.Phase phase : AttemptRating.Phase.values()) {
            rated.put(phase, new HashMap<>());
        }
        ratings.findByAttempt(attemptId).forEach(r -> rated.get(r.phase()).put(r.statement(), r.getRating()));
        List<StepProgress> progress = new java.util.ArrayList<>();
        for (int i = 0; i < module.steps().size(); i++) {
            AttemptStep s = answers.get(i);
            progress.add(new StepProgress(i, s != null && s.isCompleted(), s == null ? StepAnswer.empty() : s.read(),
                    s == null ? Sharing.NONE : s.getShared()));
        }
        return new PlayerState(attempt.getId(), attempt.getStatus(), attempt.getCurrentPosition(), furthest(progress),
                module, progress, rated.get(AttemptRating.Phase.START), rated.get(AttemptRating.Phase.REPORT),
                attempt.getReportBackOpensAt(), attempt.getActionText(), attempt.getActionDate(), attempt.isTriedAlready(),
                attempt.reportBackOpen(clock.instant()), feedback.existsByAttemptId(attemptId), attempt.getSecondsSpent(),
                attempt.getAnswersRemovedAt());
    }

    /** Moves to a step the learner has reached (to resume, or to look back); never past the first unfinished one. */
    @Transactional
    public void goTo(long attemptId, int position) {
        Attempt attempt = mine(attemptId);
        PublishedModule module = version(attempt);
        int furthest = furthest(attempt, module);
        if (position < -1 || position > Math.min(furthest, module.steps().size())) {
            throw new InvalidInputException("", "learning.step-not-open");
        }
        if (position >= 0 && position < module.steps().size()
                && module.steps().get(position).type() == StepType.REPORT_BACK && !attempt.reportBackOpen(clock.instant())) {
            throw new InvalidInputException("", "learning.report-back-not-open");
        }
        attempt.goTo(position);
        attempt.activity(clock.instant());
    }

    /** Saves what the learner is writing, as they type (no completion, no checks beyond the limits). */
    @Transactional
    public void saveAnswer(long attemptId, int position, StepAnswer answer) {
        Attempt attempt = mine(attemptId);
        if (position < 0 || position >= attempt.getStepCount() || attempt.getStatus() == AttemptStatus.COMPLETED) {
            throw new InvalidInputException("", "learning.step-not-open");
        }
        LearningRules.limits(answer);
        Instant now = clock.instant();
        AttemptStep step = steps.findById(new AttemptStep.Key(attemptId, position))
                .orElseGet(() -> steps.save(new AttemptStep(attemptId, position, now)));
        step.write(answer, now);
        attempt.activity(now);
    }

    /** Completes a step: checks what it needs, opens the next; completing the last publishes {@link AttemptCompleted}. */
    @Transactional
    public PlayerState completeStep(long attemptId, int position, StepAnswer answer) {
        Attempt attempt = mine(attemptId);
        PublishedModule module = version(attempt);
        if (position < 0 || position >= module.steps().size() || position > furthest(attempt, module)
                || attempt.getStatus() == AttemptStatus.COMPLETED) {
            throw new InvalidInputException("", "learning.step-not-open");
        }
        StepContent content = module.steps().get(position);
        Instant now = clock.instant();
        if (content.type() == StepType.REPORT_BACK && !attempt.reportBackOpen(now)) {
            throw new InvalidInputException("", "learning.report-back-not-open");
        }
        LearningRules.complete(content, answer, LocalDate.ofInstant(now, zone));
        AttemptStep step = steps.findById(new AttemptStep.Key(attemptId, position))
                .orElseGet(() -> steps.save(new AttemptStep(attemptId, position, now)));
        step.write(answer, now);
        step.complete(now);
        if (content.type() == StepType.ACTION_PLAN) {
            int minDays = module.steps().stream().filter(s -> s.type() == StepType.REPORT_BACK)
                    .map(StepContent::minDays).filter(java.util.Objects::nonNull).findFirst().orElse(0);
            attempt.planAction(answer.action().strip(), answer.actionDate(), answer.triedAlready(), minDays, now, zone);
        }
        attempt.activity(now);
        steps.flush();
        int next = furthest(attempt, module);
        if (next >= module.steps().size()) {
            attempt.complete(now);
            attempt.goTo(module.steps().size());
            events.publishEvent(new AttemptCompleted(attempt.getId(), attempt.getLearnerId(), attempt.getModuleId(),
                    attempt.getVersionId(), now, attempt.getSecondsSpent()));
        } else if (module.steps().get(next).type() == StepType.REPORT_BACK && !attempt.reportBackOpen(now)) {
            attempt.awaitReportBack();
            attempt.goTo(next);
        } else {
            attempt.resume();
            attempt.goTo(next);
        }
        return player(attemptId);
    }

    /** A 1–5 rating of an impact statement, at the start or at report back; skipping is allowed. */
    @Transactional
    public void rate(long attemptId, boolean atReportBack, int statement, int rating) {
        Attempt attempt = mine(attemptId);
        if (attempt.getStatus() == AttemptStatus.COMPLETED) {
            throw new InvalidInputException("rating", "learning.step-not-open");
        }
        PublishedModule module = version(attempt);
        if (statement < 0 || statement >= module.statements().size() || rating < 1 || rating > 5) {
            throw new InvalidInputException("rating", "validation.between", 1, 5);
        }
        AttemptRating.Phase phase = atReportBack ? AttemptRating.Phase.REPORT : AttemptRating.Phase.START;
        ratings.findById(new AttemptRating.Key(attemptId, phase.name(), statement))
                .ifPresentOrElse(r -> r.rate(rating), () -> ratings.save(new AttemptRating(attemptId, phase, statement, rating)));
        attempt.activity(clock.instant());
    }

    /** Feedback for the authors after completing; anonymous unless the learner signs it. */
    @Transactional
    public void giveFeedback(long attemptId, int rating, String comment, boolean signed) {
        Attempt attempt = mine(attemptId);
        if (attempt.getStatus() != AttemptStatus.COMPLETED) {
            throw new InvalidInputException("", "learning.feedback-after-completion");
        }
        if (feedback.existsByAttemptId(attemptId)) {
            throw new InvalidInputException("", "learning.feedback-given");
        }
        String clean = comment == null || comment.isBlank() ? null : comment.strip();
        org.encounter.base.Validation.start()
                .require("rating", rating >= 1 && rating <= 5, "validation.between", 1, 5)
                .optionalText("comment", clean, 2000).check();
        if (signed && clean != null) {
            exposure.requireUnlinked(List.of(clean));
        }
        feedback.save(new ModuleFeedback(attemptId, attempt.getModuleId(), attempt.getVersionId(), rating, clean,
                signed ? attempt.getLearnerId() : null, clock.instant()));
    }

    /** The learner shares one answer with the module's authors, anonymously or signed (or stops sharing it). */
    @Transactional
    public void share(long attemptId, int position, Sharing sharing) {
        mine(attemptId);
        AttemptStep step = steps.findById(new AttemptStep.Key(attemptId, position))
                .orElseThrow(() -> new InvalidInputException("", "learning.nothing-to-share"));
        if (sharing == Sharing.SIGNED) {
            StepAnswer a = step.read();
            exposure.requireUnlinked(java.util.Arrays.asList(a.answer(), a.tried(), a.happened(), a.learned(),
                    a.keepDoing()));
        }
        step.share(sharing);
    }

    public MyLearning myLearning() {
        long me = currentPerson.requireId();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Attempt> mine = attempts.findByLearnerIdOrderByLastActivityAtDesc(me);
        Map<Long, Assignment> assigned = assignments.findByLearnerIdAndWithdrawnAtIsNullOrderByDueDate(me).stream()
                .collect(Collectors.toMap(Assignment::getModuleId, Function.identity(), (a, b) -> a));
        Map<Long, String> titles = new HashMap<>();
        Function<Long, String> title = id -> titles.computeIfAbsent(id,
                m -> published.current(m).map(PublishedModule::title).orElse("?"));
        List<LearningItem> inProgress = new java.util.ArrayList<>();
        List<LearningItem> awaiting = new java.util.ArrayList<>();
        List<LearningItem> completed = new java.util.ArrayList<>();
        for (Attempt a : mine) {
            Assignment as = assigned.get(a.getModuleId());
            LocalDate due = as == null ? null : as.getDueDate();
            String t = published.version(a.getVersionId()).map(PublishedModule::title).orElse("?");
            LearningItem item = new LearningItem(a.getModuleId(), a.getId(), t, a.getStatus(), a.getReportBackOpensAt(),
                    due, due != null && a.getStatus() != AttemptStatus.COMPLETED && due.isBefore(today), a.getCompletedAt());
            switch (a.getStatus()) {
                case IN_PROGRESS -> inProgress.add(item);
                case AWAITING_REPORT_BACK -> awaiting.add(item);
                case COMPLETED -> completed.add(item);
            }
        }
        List<LearningItem> todo = assigned.values().stream()
                .filter(as -> mine.stream().noneMatch(a -> a.getModuleId().equals(as.getModuleId())))
                .map(as -> new LearningItem(as.getModuleId(), null, title.apply(as.getModuleId()), null, null,
                        as.getDueDate(), as.getDueDate().isBefore(today), null))
                .toList();
        return new MyLearning(inProgress, awaiting, todo, completed);
    }

    private Attempt mine(long attemptId) {
        Attempt attempt = attempts.findById(attemptId).orElseThrow(() -> new RecordNotFound("attempt", attemptId));
        if (!attempt.getLearnerId().equals(currentPerson.requireId())) {
            // The same answer as for a missing attempt would leak nothing either; refuse loudly in logs.
            throw new AccessDeniedException("attempt " + attemptId + " belongs to another learner");
        }
        return attempt;
    }

    private PublishedModule version(Attempt attempt) {
        return published.version(attempt.getVersionId()).orElseThrow(() -> new RecordNotFound("version", attempt.getVersionId()));
    }

    private int furthest(Attempt attempt, PublishedModule module) {
        List<StepProgress> progress = new java.util.ArrayList<>();
        Map<Integer, AttemptStep> done = steps.findByAttempt(attempt.getId()).stream()
                .collect(Collectors.toMap(AttemptStep::position, Function.identity()));
        for (int i = 0; i < module.steps().size(); i++) {
            AttemptStep s = done.get(i);
            progress.add(new StepProgress(i, s != null && s.isCompleted(), null, null));
        }
        return furthest(progress);
    }

    private static int furthest(List<StepProgress> progress) {
        for (StepProgress p : progress) {
            if (!p.completed()) {
                return p.position();
            }
        }
        return progress.size();
    }
}
