package org.encounter.authoring;

import java.util.List;

/**
 * What a step says, for every type: heading (story title, the question of a perspective check),
 * body (Markdown story, prompt, discussion questions), media (image or video link), the minimum
 * days before a report back, and a perspective check's options.
 */
public record StepContent(StepType type, String heading, String body, String imageKey, String videoUrl,
                          String caption, String altText, Integer minDays, List<PerspectiveOption> options) {

    public StepContent {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static StepContent empty(StepType type) {
        return new StepContent(type, null, null, null, null, null, null,
                type == StepType.REPORT_BACK ? 7 : null,
                type == StepType.PERSPECTIVE_CHECK ? List.of(new PerspectiveOption("", ""), new PerspectiveOption("", ""))
                        : List.of());
    }
}
