package org.encounter.learning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.encounter.authoring.ModuleService;
import org.encounter.authoring.ModuleSummary;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.PersonRef;
import org.encounter.identity.TeamService;
import org.encounter.identity.TeamSummary;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a person's words and name travel together, so that anonymity can hold: what a learner has let others read
 * with their name (a commitment and report back shared with a set, answers shared signed with the authors, signed
 * feedback), and whose names a person sees (in a set, in a team, on signed answers and feedback on a module they
 * write). Each question is about the signed-in person only.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class NamedExposure {

    private final AttemptRepository attempts;
    private final AttemptStepRepository steps;
    private final ModuleFeedbackRepository feedback;
    private final ModuleService modules;
    private final TeamService teams;
    private final CurrentPerson currentPerson;
    private final List<NameAudience> audiences;
    private final List<AnonymousWords> anonymous;

    NamedExposure(AttemptRepository attempts, AttemptStepRepository steps, ModuleFeedbackRepository feedback,
                  ModuleService modules, TeamService teams, CurrentPerson currentPerson, List<NameAudience> audiences,
                  List<AnonymousWords> anonymous) {
        this.attempts = attempts;
        this.steps = steps;
        this.feedback = feedback;
        this.modules = modules;
        this.teams = teams;
        this.currentPerson = currentPerson;
        this.audiences = audiences;
        this.anonymous = anonymous;
    }

    /**
     * Refuses to show these texts of the signed-in person with their name when they repeat words of a story they
     * told anonymously: the named copy would tell its readers whose story it is.
     */
    public void requireUnlinked(Collection<String> texts) {
        long me = currentPerson.requireId();
        if (anonymous.stream().anyMatch(words -> words.repeatsAnonymous(me, texts))) {
            throw new InvalidInputException("", "learning.words-told-anonymously");
        }
    }

    /** The same, for what sharing with a set shows of the signed-in learner's commitment on this module. */
    public void requireCommitmentUnlinked(long moduleId) {
        long me = currentPerson.requireId();
        List<String> texts = new ArrayList<>();
        for (Attempt a : attempts.findByLearnerIdOrderByLastActivityAtDesc(me)) {
            if (a.getModuleId() == moduleId) {
                texts.add(a.getActionText());
                steps.findByAttempt(a.getId()).stream().map(AttemptStep::read)
                        .forEach(answer -> Stream.of(answer.tried(), answer.happened()).forEach(texts::add));
            }
        }
        requireUnlinked(texts);
    }

    /** Whether the signed-in learner's report back on this attempt reached anyone else with their name. */
    public boolean reportBackShownNamed(long attemptId) {
        long me = currentPerson.requireId();
        Attempt attempt = attempts.findById(attemptId).orElseThrow(() -> new RecordNotFound("attempt", attemptId));
        if (attempt.getLearnerId() != me) {
            throw new AccessDeniedException("attempt " + attemptId + " belongs to another learner");
        }
        return showsCommitment(me, attempt.getModuleId()) || steps.findByAttempt(attemptId).stream()
                .anyMatch(s -> s.getShared() == Sharing.SIGNED && s.read().tried() != null);
    }

    /** Every text the signed-in person has let someone else read with their name, one field at a time. */
    public List<String> myNamedTexts() {
        long me = currentPerson.requireId();
        List<String> texts = new ArrayList<>();
        Set<Long> checked = new HashSet<>();
        Set<Long> shown = new HashSet<>();
        for (Attempt a : attempts.findByLearnerIdOrderByLastActivityAtDesc(me)) {
            if (checked.add(a.getModuleId()) && showsCommitment(me, a.getModuleId())) {
                shown.add(a.getModuleId());
            }
            boolean inSet = shown.contains(a.getModuleId());
            if (inSet && a.getActionText() != null) {
                texts.add(a.getActionText());
            }
            for (AttemptStep step : steps.findByAttempt(a.getId())) {
                StepAnswer answer = step.read();
                if (step.getShared() == Sharing.SIGNED || (inSet && answer.tried() != null)) {
                    Stream.of(answer.answer(), answer.tried(), answer.happened(), answer.learned(), answer.keepDoing())
                            .filter(Objects::nonNull).forEach(texts::add);
                }
            }
        }
        feedback.findBySignedById(me).stream().map(ModuleFeedback::getComment).filter(Objects::nonNull)
                .forEach(texts::add);
        return texts;
    }

    /**
     * Those of these people whose names the signed-in person sees somewhere: in a set or a team with them, or on an
     * answer or feedback they signed on a module the signed-in person writes.
     */
    public Set<Long> namesISee(Collection<Long> personIds) {
        long me = currentPerson.requireId();
        Set<Long> seen = new HashSet<>();
        personIds.stream().filter(p -> p == me).forEach(seen::add);
        audiences.forEach(a -> seen.addAll(a.namesSeen(me, personIds)));
        Set<Long> colleagues = new HashSet<>();
        Stream.concat(teams.myTeams().stream(), teams.myManagedTeams().stream()).forEach(t -> people(t, colleagues));
        personIds.stream().filter(colleagues::contains).forEach(seen::add);
        List<Long> written = modules.myModules().stream().map(ModuleSummary::id).toList();
        if (!written.isEmpty()) {
            personIds.stream().filter(p -> !seen.contains(p))
                    .filter(p -> feedback.existsBySignedByIdAndModuleIdIn(p, written) || steps.sharedSigned(p, written))
                    .forEach(seen::add);
        }
        return seen;
    }

    private static void people(TeamSummary team, Set<Long> into) {
        Stream.concat(team.managers().stream(), team.members().stream()).map(PersonRef::id).forEach(into::add);
    }

    private boolean showsCommitment(long learnerId, long moduleId) {
        return audiences.stream().anyMatch(a -> a.showsCommitment(learnerId, moduleId));
    }
}
