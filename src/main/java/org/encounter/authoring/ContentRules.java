package org.encounter.authoring;

import java.util.List;
import java.util.Locale;
import org.encounter.base.Languages;
import org.encounter.base.Validation;

/**
 * Server-side checks of what authors write: every field has a limit; the database columns match. The limits apply
 * to what is stored ({@link #stored(ModuleDetails)}, {@link #stored(StepContent)}): stripped, and for themes
 * lower-cased, which can make a text longer ("İ" becomes "i" and a combining dot).
 */
final class ContentRules {

    private ContentRules() {
    }

    /** The details as they are stored: text stripped (blank is absent), themes split at commas, lower-cased, once each. */
    static ModuleDetails stored(ModuleDetails d) {
        return new ModuleDetails(d.title() == null ? null : d.title().strip(), blankToNull(d.summary()),
                blankToNull(d.audience()), d.estimatedMinutes(), d.language(), themes(d.themes()),
                d.statements().stream().map(ContentRules::blankToNull).filter(java.util.Objects::nonNull).toList(),
                d.validityMonths());
    }

    static void check(ModuleDetails typed) {
        ModuleDetails d = stored(typed);
        Validation v = Validation.start()
                .text("title", d.title(), Limits.TITLE)
                .optionalText("summary", d.summary(), Limits.SUMMARY)
                .optionalText("audience", d.audience(), Limits.AUDIENCE)
                .require("estimatedMinutes", d.estimatedMinutes() == null
                        || (d.estimatedMinutes() >= 1 && d.estimatedMinutes() <= Limits.MAX_MINUTES),
                        "validation.between", 1, Limits.MAX_MINUTES)
                .require("language", d.language() != null && Languages.isSupported(d.language()), "validation.required")
                .require("themes", d.themes().size() <= Limits.MAX_THEMES, "module.too-many-themes", Limits.MAX_THEMES)
                .require("statements", typed.statements().size() <= 3, "module.statements-at-most-three")
                .require("validityMonths", d.validityMonths() == null
                        || (d.validityMonths() >= 1 && d.validityMonths() <= 120), "validation.between", 1, 120);
        for (String theme : d.themes()) {
            v.optionalText("themes", theme, Limits.THEME);
        }
        v.optionalText("themes", joinThemes(d.themes()), Limits.THEMES);
        // Each statement's message goes to the field it was typed in.
        for (int i = 0; i < typed.statements().size(); i++) {
            v.optionalText("statement" + (i + 1), blankToNull(typed.statements().get(i)), Limits.STATEMENT);
        }
        v.check();
    }

    /** The step as it is stored: text stripped, blank is absent; an option's text and explanation stripped. */
    static StepContent stored(StepContent c) {
        return new StepContent(c.type(), blankToNull(c.heading()), blankToNull(c.body()), c.imageKey(),
                blankToNull(c.videoUrl()), blankToNull(c.caption()), blankToNull(c.altText()), c.minDays(),
                c.options().stream().map(o -> new PerspectiveOption(o.text() == null ? "" : o.text().strip(),
                        o.explanation() == null ? "" : o.explanation().strip())).toList());
    }

    static void check(StepContent typed) {
        StepContent c = stored(typed);
        Validation v = Validation.start()
                .optionalText("heading", c.heading(), Limits.HEADING)
                .optionalText("body", c.body(), Limits.BODY)
                .optionalText("caption", c.caption(), Limits.CAPTION)
                .optionalText("altText", c.altText(), Limits.CAPTION)
                .optionalText("videoUrl", c.videoUrl(), Limits.VIDEO_URL)
                .require("minDays", c.minDays() == null || (c.minDays() >= 0 && c.minDays() <= Limits.MAX_MIN_DAYS),
                        "validation.between", 0, Limits.MAX_MIN_DAYS)
                .require("options", c.options().size() <= Limits.MAX_OPTIONS, "step.too-many-options", Limits.MAX_OPTIONS);
        if (c.videoUrl() != null && !v.hasError("videoUrl") && VideoLinks.parse(c.videoUrl()).isEmpty()) {
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

    /** Themes as stored: a theme typed with a comma in it is two themes, as it reads back. */
    static List<String> themes(List<String> typed) {
        return typed.stream().filter(java.util.Objects::nonNull).flatMap(t -> java.util.Arrays.stream(t.split(",")))
                .map(String::strip).filter(t -> !t.isEmpty()).map(t -> t.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    static String joinThemes(List<String> themes) {
        return themes.isEmpty() ? null : String.join(",", themes);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
