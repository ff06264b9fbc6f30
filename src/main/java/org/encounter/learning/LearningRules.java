package org.encounter.learning;

import java.time.LocalDate;
import org.encounter.authoring.StepContent;
import org.encounter.base.Validation;

/**
 * What each kind of step needs before the learner can complete it, and the limits of what they write. What a learner
 * writes is stored as written, surrounding spaces and all, so the limits count them; the action is stored stripped.
 */
final class LearningRules {

    static final int ANSWER = 10_000;
    static final int REPORT_FIELD = 5_000;
    static final int ACTION = 500;

    private LearningRules() {
    }

    /** Limits only: used on every autosave, so nothing over a limit is stored. */
    static void limits(StepAnswer a) {
        Validation.start()
                .optionalText("answer", a.answer(), ANSWER)
                .optionalText("tried", a.tried(), REPORT_FIELD)
                .optionalText("happened", a.happened(), REPORT_FIELD)
                .optionalText("learned", a.learned(), REPORT_FIELD)
                .optionalText("keepDoing", a.keepDoing(), REPORT_FIELD)
                .optionalText("action", Validation.clean(a.action()), ACTION)
                .check();
    }

    /** What must be there to complete the step. */
    static void complete(StepContent step, StepAnswer a, LocalDate today) {
        limits(a);
        Validation v = Validation.start();
        switch (step.type()) {
            case REFLECTION -> v.text("answer", a.answer(), ANSWER);
            case PERSPECTIVE_CHECK -> v.require("choice", a.choice() != null && a.choice() >= 0
                    && a.choice() < step.options().size(), "player.choose-one");
            case ACTION_PLAN -> {
                v.text("action", Validation.clean(a.action()), ACTION);
                v.require("actionDate", a.actionDate() != null, "validation.required");
                if (a.actionDate() != null) {
                    v.require("actionDate", a.triedAlready() || !a.actionDate().isBefore(today), "player.date-past");
                    v.require("actionDate", !a.actionDate().isAfter(today.plusYears(1)), "player.date-far");
                }
            }
            case REPORT_BACK -> v.require("choice", a.choice() != null && (a.choice() == 0 || a.choice() == 1),
                    "player.tried-it.required").text("tried", a.tried(), REPORT_FIELD).text("happened", a.happened(), REPORT_FIELD);
            default -> {
            }
        }
        v.check();
    }
}
