package org.encounter.authoring;

import java.time.Instant;
import java.util.List;

public record ModuleSummary(long id, String title, ModuleStatus status, Instant updatedAt, List<String> credits,
                            Integer latestVersionNumber) {
}
