package org.encounter.authoring;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Perspective-check options are stored as a small JSON list in their step. */
final class OptionsJson {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private OptionsJson() {
    }

    static String write(List<PerspectiveOption> options) {
        return options == null || options.isEmpty() ? null : JSON.writeValueAsString(options);
    }

    static List<PerspectiveOption> read(String json) {
        return json == null || json.isBlank() ? List.of() : JSON.readValue(json, new TypeReference<>() {
        });
    }
}
