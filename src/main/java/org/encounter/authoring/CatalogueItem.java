package org.encounter.authoring;

import java.util.List;

/** A published module as the catalogue lists it: its current version. */
public record CatalogueItem(long moduleId, long versionId, int versionNumber, String title, String summary,
                            String credits, Integer estimatedMinutes, String language, List<String> themes) {
}
