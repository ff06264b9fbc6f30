package org.encounter.authoring;

import java.util.Collection;

/** Search and filters of the catalogue; null or empty means "any". {@code onlyModules} restricts to these ids. */
public record CatalogueFilter(String text, String theme, String language, Integer maxMinutes,
                              Collection<Long> onlyModules) {

    public static CatalogueFilter any() {
        return new CatalogueFilter(null, null, null, null, null);
    }
}
