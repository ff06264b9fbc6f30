package org.encounter.authoring;

/** The kinds of step a module is made of (see the product brief). */
public enum StepType {
    STORY, MEDIA, REFLECTION, PERSPECTIVE_CHECK, ACTION_PLAN, REPORT_BACK, DISCUSSION;

    public String labelKey() {
        return "step.type." + name().toLowerCase().replace('_', '-');
    }
}
