package org.encounter.authoring;

import java.time.Instant;

public record TransitionView(ModuleStatus from, ModuleStatus to, String actor, Instant at, String note) {
}
