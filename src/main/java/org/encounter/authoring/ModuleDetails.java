package org.encounter.authoring;

import java.util.List;

/** The describing fields of a module, as the editor sends them. */
public record ModuleDetails(String title, String summary, String audience, Integer estimatedMinutes, String language,
                            List<String> themes, List<String> statements, Integer validityMonths) {

    public ModuleDetails {
        themes = themes == null ? List.of() : List.copyOf(themes);
        statements = statements == null ? List.of() : List.copyOf(statements);
    }

    /** Details without a certificate validity period (certificates do not expire). */
    public ModuleDetails(String title, String summary, String audience, Integer estimatedMinutes, String language,
                         List<String> themes, List<String> statements) {
        this(title, summary, audience, estimatedMinutes, language, themes, statements, null);
    }
}
