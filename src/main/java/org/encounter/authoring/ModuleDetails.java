package org.encounter.authoring;

import java.util.List;

/** The describing fields of a module, as the editor sends them. */
public record ModuleDetails(String title, String summary, String audience, Integer estimatedMinutes, String language,
                            List<String> themes, List<String> statements) {

    public ModuleDetails {
        themes = themes == null ? List.of() : List.copyOf(themes);
        statements = statements == null ? List.of() : List.copyOf(statements);
    }
}
