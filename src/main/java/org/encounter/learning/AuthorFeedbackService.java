package org.encounter.learning;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.encounter.authoring.ModuleService;
import org.encounter.identity.PersonDirectory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Authors see their module's feedback and what learners chose to share — nothing else learners wrote. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class AuthorFeedbackService {

    private final ModuleFeedbackRepository feedback;
    private final AttemptStepRepository steps;
    private final AttemptRepository attempts;
    private final ModuleService modules;
    private final PersonDirectory directory;
    private final org.encounter.identity.CurrentPerson currentPerson;

    AuthorFeedbackService(ModuleFeedbackRepository feedback, AttemptStepRepository steps, AttemptRepository attempts,
                          ModuleService modules, PersonDirectory directory,
                          org.encounter.identity.CurrentPerson currentPerson) {
        this.currentPerson = currentPerson;
        this.feedback = feedback;
        this.steps = steps;
        this.attempts = attempts;
        this.modules = modules;
        this.directory = directory;
    }

    public AuthorFeedback forModule(long moduleId) {
        var draft = modules.draft(moduleId);
        if (draft.authors().stream().noneMatch(a -> a.personId() == currentId())) {
            throw new org.springframework.security.access.AccessDeniedException("not an author of module " + moduleId);
        }
        List<AttemptStep> shared = steps.findSharedForModule(moduleId);
        Map<Long, Long> learners = attempts.findAllById(shared.stream().map(AttemptStep::attemptId).toList()).stream()
                .collect(Collectors.toMap(Attempt::getId, Attempt::getLearnerId));
        return AuthorFeedback.of(feedback.findByModuleIdOrderByCreatedAtDesc(moduleId), shared, learners, directory);
    }

    private long currentId() {
        return currentPerson.requireId();
    }
}
