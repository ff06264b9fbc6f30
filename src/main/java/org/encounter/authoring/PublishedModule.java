package org.encounter.authoring;

import java.time.Instant;
import java.util.List;

/**
 * A published version exactly as learners take it: frozen at publishing. The learning feature binds
 * each attempt to {@link #versionId()}; later versions never change it.
 */
public record PublishedModule(long versionId, long moduleId, int number, Instant publishedAt, String title,
                              String summary, String audience, Integer estimatedMinutes, String language,
                              List<String> themes, List<String> statements, String coverImageKey,
                              List<String> credits, List<StepContent> steps, Integer validityMonths) {
}
