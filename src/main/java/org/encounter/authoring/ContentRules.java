package org.encounter.authoring;

import java.util.List;
import java.util.Locale;
import org.encounter.base.Languages;
import org.encounter.base.Validation;

/** Server-side checks of what authors write: every field has a limit; the database columns match. */
final class ContentRules {

    private ContentRules() {
    }

    static void check(ModuleDetails d) {
        Validation v = Validation.start()
                .text("title", d.title(), Limits.TITLE)
                .optionalText("summary", d.summary(), Limits.SUMMARY)
                .optionalText("audience", d.audience(), Limits.AUDIENCE)
                .require("estimatedMinutes", d.estimatedMinutes() == null
                        || (d.estimatedMinutes() >= 1 && d.estimatedMinutes() <= Limits.MAX_MINUTES),
                        "validation.between", 1, Limits.MAX_MINUTES)
                .require("language", d.language() != null && Languages.isSupported(d.language()), "validation.required")
                .require("themes", d.themes().size() <= Limits.MAX_THEMES, "module.too-many-themes", Limits.MAX_THEMES)
                .require("statements", d.statements().size() <= 3, "module.statements-at-most-three")
                .require("validityMonths", d.validityMonths() == null
                        || (d.validityMonths() >= 1 && d.validityMonths() <= 120), "validation.between", 1, 120);
        for (String theme : d.themes()) {
            v.optionalText("themes", theme, Limits.THEME);
        }
        String joined = String.join(",", d.themes());
        v.require("themes", joined.length() <= Limits.THEMES, "validation.too-long", Limits.THEMES);
        for (int i = 0; i < d.statements().size(); i++) {
            v.optionalText("statement" + (i + 1), d.statements().get(i), Limits.STATEMENT);
        }
        v.check();
    }

    static void check(StepContent c) {
        Validation v = Validation.start()
                .optionalText("heading", c.heading(), Limits.HEADING)
                .optionalText("body", c.body(), Limits.BODY)
                .optionalText("caption", c.caption(), Limits.CAPTION)
                .optionalText("altText", c.altText(), Limits.CAPTION)
                .optionalText("videoUrl", c.videoUrl(), Limits.VIDEO_URL)
                .require("minDays", c.minDays() == null || (c.minDays() >= 0 && c.minDays() <= Limits.MAX_MIN_DAYS),
                        "validation.between", 0, Limits.MAX_MIN_DAYS)
                .require("options", c.options().size() <= Limits.MAX_OPTIONS, "step.too-many-options", Limits.MAX_OPTIONS);
        if (c.videoUrl() != null && !c.videoUrl().isBlank() && VideoLinks.parse(c.videoUrl()).isEmpty()) {
            v.error("videoUrl", "step.video-not-allowed");
        }
        for (PerspectiveOption option : c.options()) {
            v.optionalText("options", option.text(), Limits.OPTION);
            v.optionalText("options", option.explanation(), Limits.EXPLANATION);
        }
        v.check();
    }

    /** What must be there before a module can go to review; each problem names the step. */
    static List<String> readiness(Module m) {
        List<String> problems = new java.util.ArrayList<>();
        if (m.getSteps().isEmpty()) {
            problems.add("module.ready.no-steps");
        }
        if (m.statements().isEmpty()) {
            problems.add("module.ready.no-statements");
        }
        if (m.getSummary() == null || m.getSummary().isBlank()) {
            problems.add("module.ready.no-summary");
        }
        for (ModuleStep step : m.getSteps()) {
            StepContent c = step.content();
            boolean complete = switch (c.type()) {
                case MEDIA -> notBlank(c.imageKey()) || notBlank(c.videoUrl());
                case PERSPECTIVE_CHECK -> notBlank(c.heading()) && c.options().size() >= 2
                        && c.options().stream().allMatch(o -> notBlank(o.text()));
                case REPORT_BACK -> c.minDays() != null;
                default -> notBlank(c.body());
            };
            if (!complete) {
                problems.add("module.ready.incomplete-step:" + (step.getPosition() + 1));
            }
        }
        return problems;
    }

    static String cleanThemes(List<String> themes) {
        return themes.stream().map(String::strip).filter(t -> !t.isEmpty())
                .map(t -> t.toLowerCase(Locale.ROOT)).distinct().reduce((a, b) -> a + "," + b).orElse(null);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
