package org.encounter.authoring;

import java.util.List;

/**
 * A published module as the catalogue lists it: its current version, and where it comes from: its host organisation
 * and, for a module of another organisation, the partnerships that share it with the reader's.
 */
public record CatalogueItem(long moduleId, long versionId, int versionNumber, String title, String summary,
                            String credits, Integer estimatedMinutes, String language, List<String> themes,
                            String host, List<String> sharedThrough) {

    public CatalogueItem {
        themes = List.copyOf(themes);
        sharedThrough = List.copyOf(sharedThrough);
    }
}
